import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { ACCEPT_ATTRIBUTE, MAX_FILES, MAX_TOTAL_BYTES, checkFile, type FileProblem } from './files';
import type { FileProgress } from '../api/upload';

export interface Picked {
  file: File;
  problem: FileProblem | null;
}

interface Props {
  files: Picked[];
  onChange: (files: Picked[]) => void;
  /** Per file, while uploading. */
  progress: FileProgress[] | null;
  /** All bytes sent; the server is storing the files and extracting their text. */
  processing: boolean;
  disabled?: boolean;
}

export function totalProblem(files: Picked[]): 'count' | 'total' | null {
  if (files.length > MAX_FILES) return 'count';
  return files.reduce((sum, f) => sum + f.file.size, 0) > MAX_TOTAL_BYTES ? 'total' : null;
}

/** Files by drag and drop or the file dialog, checked before sending, each with its progress bar. */
export function FilePicker({ files, onChange, progress, processing, disabled }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [over, setOver] = useState(false);

  function add(list: FileList | null) {
    if (!list) return;
    const added = Array.from(list).map((file) => ({ file, problem: checkFile(file) }));
    const names = new Set(added.map((a) => a.file.name));
    onChange([...files.filter((f) => !names.has(f.file.name)), ...added]);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setOver(false);
    if (!disabled) add(event.dataTransfer.files);
  }

  const overall = totalProblem(files);

  return (
    <fieldset className="files">
      <legend>{t('upload.files')}</legend>
      <div
        className={`dropzone${over ? ' over' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>{t('upload.drop')}</p>
        <label htmlFor={id}>{t('upload.choose')}</label>
        <input
          ref={input}
          id={id}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          aria-describedby={`${id}-accepted`}
          disabled={disabled}
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <p className="hint" id={`${id}-accepted`}>{t('upload.accepted')}</p>
      </div>
      {overall && <p className="field-error" role="alert">{t(`upload.problem.${overall}`)}</p>}
      {files.length > 0 && (
        <ul className="file-list">
          {files.map((picked, index) => {
            const sent = progress?.[index];
            const percent = sent && sent.total > 0 ? Math.round((sent.loaded / sent.total) * 100) : 0;
            return (
              <li key={picked.file.name} className={picked.problem ? 'file-bad' : undefined}>
                <div className="file-row">
                  <span className="file-name">{picked.file.name}</span>
                  <span className="muted">{format.bytes(picked.file.size)}</span>
                  {!progress && (
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => onChange(files.filter((_, i) => i !== index))}
                      disabled={disabled}
                    >
                      {t('common.remove')}<span className="visually-hidden"> {picked.file.name}</span>
                    </button>
                  )}
                </div>
                {picked.problem && <p className="field-error">{t(`upload.problem.${picked.problem}`)}</p>}
                {progress && !picked.problem && (
                  <div className="file-progress">
                    <progress
                      max={100}
                      value={percent}
                      aria-label={t('upload.progressOf', { name: picked.file.name })}
                      data-file={picked.file.name}
                    />
                    <span aria-hidden="true">{format.percent(percent / 100)}</span>
                    <span className="muted">
                      {percent < 100 ? t('upload.uploading') : processing ? t('upload.processing') : t('upload.sent')}
                    </span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
