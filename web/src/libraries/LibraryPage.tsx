import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStaff, useUser } from '../auth/session';
import { Page } from '../ui/Page';
import { Empty, Loading, QueryState } from '../ui/States';
import { useLibraries, useMembers } from '../roster/api';
import { useCalibrations } from '../calibration/api';
import { Timeline } from '../calibration/Timeline';
import { useLibraryProgress, useWebinars } from '../webinars/api';

/**
 * One library: what a calibration email links to (/libraries/<id>). Its own team and staff see its
 * team, progress and calibrations; other libraries of the cohort see who it is and its shared notes.
 */
export function LibraryPage() {
  const { t } = useTranslation();
  const { libraryId = '' } = useParams();
  const user = useUser().data;
  const staff = isStaff(user);
  const own = staff || user?.libraryId === libraryId;
  const libraries = useLibraries();
  const members = useMembers(own ? libraryId : null);
  const calibrations = useCalibrations(own ? libraryId : null);
  const progress = useLibraryProgress(own ? libraryId : null);
  const webinars = useWebinars({ status: 'published' });

  if (libraries.isPending) return <Loading />;
  const library = libraries.data?.find((l) => l.id === libraryId);
  if (!library) {
    return (
      <Page title={t('library.notFoundTitle')}>
        <p>{t('library.notFound')}</p>
        <p><Link to="/">{t('notFound.home')}</Link></p>
      </Page>
    );
  }
  const watched = (progress.data ?? []).filter((p) => p.watched).length;
  const published = webinars.data?.total ?? 0;

  return (
    <Page title={library.name} lead={`${library.city}, ${library.state}`}>
      <ul className="link-row">
        <li><Link to={`/notes?libraryId=${library.id}`}>{t('library.notes')}</Link></li>
        <li><Link to={`/cohorts/${library.cohortId}/themes`}>{t('library.cohortThemes')}</Link></li>
        {own && <li><Link to={`/reports?library=${library.id}`}>{t('library.report')}</Link></li>}
      </ul>
      {!own ? (
        <p>{t('library.otherLibrary')}</p>
      ) : (
        <div className="two-columns">
          <section aria-labelledby="lib-team" className="section">
            <h2 id="lib-team">{t('library.team')}</h2>
            <QueryState query={members} empty={t('library.noMembers')} isEmpty={(m) => m.length === 0}>
              {(list) => (
                <ul className="plain">
                  {list.map((m) => <li key={m.id}>{m.name}{m.teamRole && <span className="muted"> · {m.teamRole}</span>}</li>)}
                </ul>
              )}
            </QueryState>
            <h2>{t('library.progress')}</h2>
            {progress.isPending ? <Loading /> : (
              <p>{t('library.watched', { watched, total: published })}</p>
            )}
          </section>
          <section aria-labelledby="lib-calibrations" className="section">
            <h2 id="lib-calibrations">{t('library.calibrations')}</h2>
            <QueryState query={calibrations}>
              {(h) => (h.history.length === 0 ? <Empty>{t('calibration.emptyHistory')}</Empty> : <Timeline history={h} />)}
            </QueryState>
          </section>
        </div>
      )}
    </Page>
  );
}

export { LibraryPage as Component };
