import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment, Note } from '../api/types';
import { Badge } from '../ui/Badge';
import { Loading } from '../ui/States';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useFormat } from '../i18n/format';
import { useAttachmentText } from './api';
import { textExtracted } from './files';

export function ExtractionBadge({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  if (!textExtracted(attachment.type)) return <Badge>{t('attachments.noText')}</Badge>;
  switch (attachment.extraction) {
    case 'done':
      return <Badge tone="good">{t('attachments.done')}</Badge>;
    case 'failed':
      return attachment.extractionAttempts < 6
        ? <Badge tone="warn">{t('attachments.retrying', { count: attachment.extractionAttempts })}</Badge>
        : <Badge tone="bad">{t('attachments.failed')}</Badge>;
    default:
      return <Badge tone="info">{t('attachments.pending')}</Badge>;
  }
}

function ExtractedText({ note, attachment }: { note: Note; attachment: Attachment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const text = useAttachmentText(note.id, attachment.id, open, note.version);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('attachments.showText')}<span className="visually-hidden"> {attachment.name}</span></summary>
      {text.isPending && open && <Loading />}
      {text.isError && <ProblemMessage error={text.error} onRetry={() => void text.refetch()} />}
      {text.data && (text.data.text
        ? <pre className="extracted" tabIndex={0} aria-label={t('attachments.textOf', { name: attachment.name })}>{text.data.text}</pre>
        : <p className="muted">{t('attachments.emptyText')}</p>)}
    </details>
  );
}

export function Attachments({ note }: { note: Note }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (note.attachments.length === 0) return <p className="muted">{t('attachments.none')}</p>;
  return (
    <ul className="attachments" aria-live="polite">
      {note.attachments.map((a) => (
        <li key={a.id} className="card">
          <div className="file-row">
            <a href={a.url} download={a.name}>
              {a.name}<span className="visually-hidden"> ({t('attachments.download')})</span>
            </a>
            <span className="muted">{format.bytes(a.size)}</span>
            <ExtractionBadge attachment={a} />
          </div>
          {a.extraction === 'done' && <ExtractedText note={note} attachment={a} />}
        </li>
      ))}
    </ul>
  );
}
