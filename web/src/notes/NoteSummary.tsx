import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Note } from '../api/types';
import { Badge } from '../ui/Badge';
import { useFormat } from '../i18n/format';

export function VisibilityBadge({ note }: { note: Pick<Note, 'visibility'> }) {
  const { t } = useTranslation();
  return note.visibility === 'private'
    ? <Badge tone="warn">{t('notes.visibility.privateShort')}</Badge>
    : <Badge tone="info">{t('notes.visibility.cohortShort')}</Badge>;
}

export function NoteSummary({ note, libraryName }: { note: Note; libraryName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <article className="card note-summary" aria-labelledby={`note-${note.id}`}>
      <h2 id={`note-${note.id}`}><Link to={`/notes/${note.id}`}>{note.title}</Link></h2>
      <p className="meta">
        <span>{libraryName}</span>
        <span>{format.day(note.conversationDate)}</span>
        <span>{note.place}</span>
        <VisibilityBadge note={note} />
        {note.attachments.length > 0 && (
          <span>{t('notes.attachmentCount', { count: note.attachments.length })}</span>
        )}
      </p>
      {(note.segments.length > 0 || note.tags.length > 0) && (
        <ul className="chips" aria-label={t('notes.labels')}>
          {note.segments.map((s) => <li key={`s-${s}`}>{s}</li>)}
          {note.tags.map((tag) => <li key={`t-${tag}`} className="chip-tag">#{tag}</li>)}
        </ul>
      )}
    </article>
  );
}
