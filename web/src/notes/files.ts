// What the notes service accepts (its ContentTypes: detected from the bytes there; checked here by
// name and browser type first, so a wrong file is refused before any byte is sent).

export const ACCEPTED = {
  'application/pdf': ['.pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.oasis.opendocument.text': ['.odt'],
  'text/plain': ['.txt'],
  'text/markdown': ['.md', '.markdown'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/gif': ['.gif'],
  'image/webp': ['.webp'],
} as const;

export const EXTENSIONS = Object.values(ACCEPTED).flat();
export const ACCEPT_ATTRIBUTE = [...Object.keys(ACCEPTED), ...EXTENSIONS].join(',');
/** The gateway takes at most 110 MB per upload request; one file at most 100 MB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 110 * 1024 * 1024;
export const MAX_FILES = 10;

const LENIENT = new Set(['application/octet-stream', 'text/x-markdown']);

export type FileProblem = 'type' | 'size' | 'empty';

export function checkFile(file: File): FileProblem | null {
  const name = file.name.toLowerCase();
  const byName = EXTENSIONS.some((ext) => name.endsWith(ext));
  // Browsers guess types from the name and differ (".md" may be "", "text/x-markdown"...): only a
  // type that names something else entirely refuses the file.
  const byType = !file.type || file.type in ACCEPTED || LENIENT.has(file.type);
  if (!byName || !byType) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_FILE_BYTES) return 'size';
  return null;
}

export function textExtracted(type: string): boolean {
  return !type.startsWith('image/');
}
