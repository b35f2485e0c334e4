import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Progress, Webinar } from '../api/types';
import { Badge } from '../ui/Badge';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useFormat } from '../i18n/format';
import { useMarkProgress } from './api';
import { StaffActions } from './StaffActions';

interface Props {
  webinar: Webinar;
  /** The reader's library: ticks are shown for it. */
  libraryId?: string | null;
  progress?: Progress;
  staff: boolean;
  /** In the list the title links to the webinar's page; on that page it is the page heading. */
  linkTitle?: boolean;
}

export function WebinarCard({ webinar, libraryId, progress, staff, linkTitle = true }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const mark = useMarkProgress(libraryId ?? '');
  const watched = progress?.watched ?? false;
  const done = new Set(progress?.resourcesDone ?? []);
  const headingId = `webinar-${webinar.id}`;

  return (
    <article className="card webinar" aria-labelledby={headingId}>
      <header className="card-head">
        <p className="eyebrow">{t('series.part', { position: webinar.seriesPosition })}</p>
        <h2 id={headingId}>
          {linkTitle ? <Link to={`/webinars/${webinar.slug}`}>{webinar.title}</Link> : t('series.about')}
        </h2>
        <p className="meta">
          <span>{t('series.duration', { minutes: format.number(webinar.durationMinutes) })}</span>
          {staff && (
            <Badge tone={webinar.status === 'published' ? 'good' : webinar.status === 'draft' ? 'info' : 'neutral'}>
              {t(`series.status.${webinar.status}`)}
            </Badge>
          )}
          {libraryId && watched && <Badge tone="good">{t('series.watchedBadge')}</Badge>}
        </p>
      </header>
      <p>{webinar.summary}</p>
      {webinar.topics.length > 0 && (
        <ul className="chips" aria-label={t('series.topics')}>
          {webinar.topics.map((topic) => <li key={topic}>{t(`topics.${topic}`, { defaultValue: topic })}</li>)}
        </ul>
      )}
      {(webinar.recordings.length > 0 || webinar.resources.length > 0) && (
        <div className="resources">
          <h3>{t('series.resources')}</h3>
          <ul>
            {webinar.recordings.map((r) => (
              <li key={r.url}>
                <a href={r.url} rel="noopener noreferrer" target="_blank">{r.label}</a>
                <span className="muted"> · {t('series.recording')}</span>
              </li>
            ))}
            {webinar.resources.map((r) => (
              <li key={r.key}>
                {libraryId ? (
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={done.has(r.key)}
                      disabled={mark.isPending}
                      onChange={(e) => mark.mutate({ webinarId: webinar.id, resourceKey: r.key, done: e.target.checked })}
                    />
                    <span className="visually-hidden">{t('series.resourceDone', { title: r.title })}</span>
                  </label>
                ) : null}
                <a href={r.url} rel="noopener noreferrer" target="_blank">{r.title}</a>
                <span className="muted"> · {t(`series.kind.${r.kind}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {libraryId && webinar.status === 'published' && (
        <div className="progress-ticks">
          <label className="check">
            <input
              type="checkbox"
              checked={watched}
              disabled={mark.isPending}
              onChange={(e) => mark.mutate({ webinarId: webinar.id, done: e.target.checked })}
            />
            {t('series.markWatched')}
          </label>
          {webinar.resources.length > 0 && (
            <span className="muted">
              {t('series.resourcesDone', { done: format.number(done.size), total: format.number(webinar.resources.length) })}
            </span>
          )}
        </div>
      )}
      {mark.isError && <ProblemMessage error={mark.error} />}
      {staff && <StaffActions webinar={webinar} />}
    </article>
  );
}
