import { headersFor } from './client';
import { ApiError, parseRetryAfter, type ProblemBody } from './problem';
import type { Note, NoteInput } from './types';

// Note uploads go through XMLHttpRequest: fetch has no upload progress. One multipart request
// carries the note and all files (the server stores all or nothing); the files are written in
// order, so the bytes sent tell how far each file is.

export interface FileProgress {
  /** Bytes of this file sent so far. */
  loaded: number;
  total: number;
}

export function perFileProgress(sizes: number[], loaded: number, total: number): FileProgress[] {
  // The multipart framing and the note part come first; spread the overhead so 100 % means sent.
  const fileBytes = sizes.reduce((a, b) => a + b, 0);
  const overhead = Math.max(0, total - fileBytes);
  let offset = overhead;
  return sizes.map((size) => {
    const done = Math.min(size, Math.max(0, loaded - offset));
    offset += size;
    return { loaded: loaded >= total ? size : done, total: size };
  });
}

export function uploadNote(
  note: NoteInput,
  files: File[],
  onProgress: (files: FileProgress[]) => void,
  signal?: AbortSignal,
): Promise<Note> {
  const form = new FormData();
  form.append('note', new Blob([JSON.stringify(note)], { type: 'application/json' }));
  for (const file of files) form.append('files', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/notes');
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(headersFor('POST'))) xhr.setRequestHeader(name, value);
    const sizes = files.map((f) => f.size);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(perFileProgress(sizes, event.loaded, event.total));
    };
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(sizes.map((size) => ({ loaded: size, total: size })));
        resolve(body as Note);
      } else {
        reject(new ApiError(xhr.status, (body ?? {}) as ProblemBody,
          parseRetryAfter(xhr.getResponseHeader('Retry-After'))));
      }
    };
    xhr.onerror = () => reject(new ApiError(0));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
