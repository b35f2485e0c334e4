import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStaff, useUser } from '../auth/session';
import { Page } from '../ui/Page';
import { Loading } from '../ui/States';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useFormat } from '../i18n/format';
import { useLibraryProgress, useWebinar } from './api';
import { WebinarCard } from './WebinarCard';

/** The page an email's "Open the webinar" link opens: /webinars/<slug>. */
export function WebinarPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { slug = '' } = useParams();
  const user = useUser().data;
  const staff = isStaff(user);
  const found = useWebinar(slug, staff);
  const progress = useLibraryProgress(user?.libraryId);

  if (found.isPending) return <Loading />;
  if (found.isError) {
    return (
      <Page title={t('series.notFoundTitle')}>
        <ProblemMessage error={found.error} onRetry={() => void found.refetch()} />
        <p><Link to="/webinars">{t('series.backToSeries')}</Link></p>
      </Page>
    );
  }
  const { webinar } = found.data;
  return (
    <Page
      title={webinar.title}
      lead={webinar.publishedAt ? t('series.publishedOn', { date: format.day(webinar.publishedAt) }) : undefined}
    >
      <p><Link to="/webinars">{t('series.backToSeries')}</Link></p>
      <WebinarCard
        webinar={webinar}
        staff={staff}
        libraryId={user?.libraryId}
        progress={progress.data?.find((p) => p.webinarId === webinar.id)}
        linkTitle={false}
      />
      {user?.libraryId && (
        <p>
          <Link to={`/notes/new?webinarId=${encodeURIComponent(webinar.id)}`}>{t('series.uploadNoteFor')}</Link>
        </p>
      )}
    </Page>
  );
}

export { WebinarPage as Component };
