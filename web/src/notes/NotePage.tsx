import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Note } from '../api/types';
import { isStaff, useUser } from '../auth/session';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Page } from '../ui/Page';
import { Loading } from '../ui/States';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useFormat } from '../i18n/format';
import { useLibraryName } from '../roster/api';
import { useWebinars } from '../webinars/api';
import { isStale } from '../webinars/api';
import { updateNote, useDeleteNote, useNote } from './api';
import { Attachments } from './Attachments';
import { Markdown } from './Markdown';
import { NoteForm, noteInput, noteValues, type NoteValues } from './NoteForm';
import { VisibilityBadge } from './NoteSummary';

/** The page of one note: what an email's note link opens (/notes/<id>). */
export function NotePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const user = useUser().data;
  const found = useNote(id);
  const nameOf = useLibraryName();
  const webinars = useWebinars({ status: 'published' });
  const remove = useDeleteNote();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState<{ mine: NoteValues; theirs: Note; etag: string } | null>(null);
  const [saved, setSaved] = useState(false);

  if (found.isPending) return <Loading />;
  if (found.isError) {
    return (
      <Page title={t('notes.notFoundTitle')}>
        <ProblemMessage error={found.error} onRetry={() => void found.refetch()} />
        <p><Link to="/notes">{t('notes.backToList')}</Link></p>
      </Page>
    );
  }
  const { note, etag } = found.data;
  const own = !!user?.libraryId && user.libraryId === note.libraryId;
  const webinar = webinars.data?.items.find((w) => w.id === note.webinarId);

  async function save(values: NoteValues, ifMatch: string) {
    setError(null);
    try {
      const updated = await updateNote(note.id, noteInput(values), ifMatch);
      client.setQueryData(['note', id], updated);
      await client.invalidateQueries({ queryKey: ['notes'] });
      setStale(null);
      setEditing(false);
      setSaved(true);
    } catch (e) {
      if (isStale(e)) {
        const latest = await found.refetch();
        if (latest.data) setStale({ mine: values, theirs: latest.data.note, etag: latest.data.etag });
      } else {
        setError(e);
      }
    }
  }

  return (
    <Page
      title={note.title}
      lead={<>
        <VisibilityBadge note={note} />{' '}
        {note.visibility === 'private' ? t('notes.visibility.privateLong') : t('notes.visibility.cohortLong')}
      </>}
      actions={own && !editing && (
        <>
          <button type="button" className="secondary" onClick={() => { setSaved(false); setEditing(true); }}>{t('notes.edit')}</button>
          <button type="button" className="danger" onClick={() => setConfirming(true)}>{t('notes.delete')}</button>
        </>
      )}
    >
      <p><Link to="/notes">{t('notes.backToList')}</Link></p>
      {(location.state as { uploaded?: boolean } | null)?.uploaded && !saved && !editing && (
        <p role="status" className="ok">{t('notes.uploaded')}</p>
      )}
      {saved && <p role="status" className="ok">{t('notes.saved')}</p>}
      {remove.isError && <ProblemMessage error={remove.error} />}
      {editing ? (
        <>
          {stale && (
            <section className="stale" role="alert" aria-labelledby="note-stale">
              <h2 id="note-stale">{t('stale.title')}</h2>
              <p>{t('stale.noteText', { date: format.dateTime(stale.theirs.updatedAt) })}</p>
              <div className="actions">
                <button type="button" className="primary" onClick={() => save(stale.mine, stale.etag)}>{t('stale.reapply')}</button>
                <button type="button" className="secondary" onClick={() => { setStale(null); setEditing(false); }}>{t('stale.discard')}</button>
              </div>
            </section>
          )}
          <NoteForm
            initial={noteValues(note)}
            webinars={webinars.data?.items ?? []}
            submitLabel={t('notes.saveChanges')}
            bodyRequired={() => note.attachments.length === 0}
            error={error}
            onSubmit={(values) => save(values, etag)}
          />
          <button type="button" className="secondary" onClick={() => { setEditing(false); setStale(null); setError(null); }}>
            {t('common.cancel')}
          </button>
        </>
      ) : (
        <>
          <dl className="facts">
            <div><dt>{t('notes.library')}</dt><dd>{nameOf(note.libraryId)}</dd></div>
            <div><dt>{t('notes.form.date')}</dt><dd>{format.day(note.conversationDate)}</dd></div>
            <div><dt>{t('notes.form.place')}</dt><dd>{note.place}</dd></div>
            <div><dt>{t('notes.form.facilitator')}</dt><dd>{note.facilitator}</dd></div>
            {note.participants != null && (
              <div><dt>{t('notes.form.participants')}</dt><dd>{format.number(note.participants)}</dd></div>
            )}
            {webinar && <div><dt>{t('notes.form.webinar')}</dt><dd><Link to={`/webinars/${webinar.slug}`}>{webinar.title}</Link></dd></div>}
            {note.segments.length > 0 && <div><dt>{t('notes.form.segments')}</dt><dd>{format.list(note.segments)}</dd></div>}
            {note.tags.length > 0 && <div><dt>{t('notes.form.tags')}</dt><dd>{format.list(note.tags)}</dd></div>}
          </dl>
          <section aria-labelledby="note-body">
            <h2 id="note-body">{t('notes.bodyTitle')}</h2>
            {note.body ? <Markdown text={note.body} /> : <p className="muted">{t('notes.noBody')}</p>}
          </section>
          <section aria-labelledby="note-attachments">
            <h2 id="note-attachments">{t('attachments.title')}</h2>
            <Attachments note={note} />
          </section>
          {isStaff(user) && <p className="muted">{t('notes.staffReadOnly')}</p>}
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('notes.deleteTitle')}
        message={t('notes.deleteText', { title: note.title })}
        confirmLabel={t('notes.deleteConfirm')}
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => remove.mutate({ id: note.id, etag }, {
          onSuccess: () => navigate('/notes', { state: { deleted: note.title } }),
          onSettled: () => setConfirming(false),
        })}
      />
    </Page>
  );
}

export { NotePage as Component };
