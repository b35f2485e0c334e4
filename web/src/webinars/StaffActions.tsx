import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Webinar } from '../api/types';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useWebinarAction } from './api';

/** Edit, publish and archive: publishing sends the email to every member of every cohort. */
export function StaffActions({ webinar }: { webinar: Webinar }) {
  const { t } = useTranslation();
  const action = useWebinarAction();
  return (
    <div className="card-actions">
      <Link className="button secondary" to={`/webinars/${webinar.slug}/edit`}>
        {t('series.edit')}<span className="visually-hidden"> {webinar.title}</span>
      </Link>
      {webinar.status !== 'published' && (
        <button type="button" onClick={() => action.mutate({ webinar, action: 'publish' })} disabled={action.isPending}>
          {t('series.publish')}<span className="visually-hidden"> {webinar.title}</span>
        </button>
      )}
      {webinar.status === 'published' && (
        <button type="button" className="secondary" onClick={() => action.mutate({ webinar, action: 'archive' })} disabled={action.isPending}>
          {t('series.archive')}<span className="visually-hidden"> {webinar.title}</span>
        </button>
      )}
      {action.isSuccess && <p role="status" className="ok">{t(`series.done.${action.data.status}`)}</p>}
      {action.isError && <ProblemMessage error={action.error} />}
    </div>
  );
}
