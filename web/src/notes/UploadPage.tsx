import { useCallback, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { uploadNote, type FileProgress } from '../api/upload';
import { useUser } from '../auth/session';
import { Page } from '../ui/Page';
import { useWebinars } from '../webinars/api';
import { FilePicker, totalProblem, type Picked } from './FilePicker';
import { NoteForm, noteInput, noteValues } from './NoteForm';

export function UploadPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const user = useUser().data;
  const webinars = useWebinars({ status: 'published' });
  const [files, setFiles] = useState<Picked[]>([]);
  const [progress, setProgress] = useState<FileProgress[] | null>(null);
  const [processing, setProcessing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const filesRef = useRef(files);
  filesRef.current = files;
  const bodyRequired = useCallback(() => filesRef.current.length === 0, []);

  if (!user?.libraryId) {
    return (
      <Page title={t('upload.title')}>
        <p>{t('upload.membersOnly')}</p>
      </Page>
    );
  }

  return (
    <Page title={t('upload.title')} lead={t('upload.lead')}>
      <NoteForm
        initial={noteValues(undefined, params.get('webinarId') ?? '')}
        webinars={webinars.data?.items ?? []}
        submitLabel={t('upload.submit')}
        bodyRequired={bodyRequired}
        error={error}
        busy={!!progress}
        onSubmit={async (values) => {
          if (files.some((f) => f.problem) || totalProblem(files)) return;
          setError(null);
          setProgress(files.map((f) => ({ loaded: 0, total: f.file.size })));
          try {
            const note = await uploadNote(noteInput(values), files.map((f) => f.file), (p) => {
              setProgress(p);
              if (p.every((f) => f.loaded >= f.total)) setProcessing(true);
            });
            await client.invalidateQueries({ queryKey: ['notes'] });
            navigate(`/notes/${note.id}`, { state: { uploaded: true } });
          } catch (e) {
            setProgress(null);
            setProcessing(false);
            setError(e);
          }
        }}
      >
        <FilePicker files={files} onChange={setFiles} progress={progress} processing={processing} disabled={!!progress} />
        {processing && <p role="status">{t('upload.processingAll')}</p>}
      </NoteForm>
    </Page>
  );
}

export { UploadPage as Component };
