import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStaff, useUser } from '../auth/session';
import { useFormat } from '../i18n/format';
import { Page } from '../ui/Page';
import { Empty, QueryState, Skeleton, SkeletonLines, stillLoading } from '../ui/States';
import { useLibraries, useLibraryName } from '../roster/api';
import { useNotes } from '../notes/api';
import { VisibilityBadge } from '../notes/NoteSummary';
import { useCohortThemes } from '../themes/api';
import { useLibraryProgress, useWebinars } from '../webinars/api';
import { useCohorts } from '../roster/api';

/** What is next for me: the next webinar and my library's progress, recent cohort notes, themes. */
export function HomePage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useUser().data;
  const staff = isStaff(user);
  const webinars = useWebinars({ status: 'published' });
  const progress = useLibraryProgress(user?.libraryId);
  const cohorts = useCohorts(staff);
  const cohortId = staff ? cohorts.data?.[0]?.id : user?.cohortId;
  const notes = useNotes({ page: 0 }, 5);
  const themes = useCohortThemes(cohortId, {});
  const nameOf = useLibraryName();
  const libraries = useLibraries();

  const watched = new Set((progress.data ?? []).filter((p) => p.watched).map((p) => p.webinarId));
  const series = webinars.data?.items ?? [];
  const next = series.find((w) => !watched.has(w.id));
  const done = series.filter((w) => watched.has(w.id)).length;

  // The three cards appear together, once everything they show has come: on a narrow screen they are stacked,
  // and a card filling in would push the ones below it (layout shift).
  if (stillLoading(webinars, progress, cohorts, notes, themes, libraries)) {
    return (
      <Page title={t('home.greeting', { name: user?.name?.split(' ')[0] ?? '' })} lead={staff ? t('home.leadStaff') : t('home.lead')}>
        <Skeleton key="loading">
          <div className="grid">
            <div className="card"><SkeletonLines widths={['55%', '80%', '100%', '90%', '40%']} /></div>
            <div className="card"><SkeletonLines widths={['50%', '85%', '60%', '90%', '55%', '80%', '45%', '35%']} /></div>
            <div className="card"><SkeletonLines widths={['45%', '70%', '85%', '60%', '75%', '40%']} /></div>
          </div>
        </Skeleton>
      </Page>
    );
  }

  return (
    <Page title={t('home.greeting', { name: user?.name?.split(' ')[0] ?? '' })} lead={staff ? t('home.leadStaff') : t('home.lead')}>
      <div className="grid" key="content">
        <section className="card" aria-labelledby="home-next">
          <h2 id="home-next">{user?.libraryId ? t('home.nextTitle') : t('home.seriesTitle')}</h2>
          <QueryState query={webinars} empty={t('home.noWebinars')} isEmpty={(p) => p.items.length === 0}>
            {() => (
              <>
                {user?.libraryId && (
                  <>
                    <p>{t('home.progress', { done: format.number(done), total: format.number(series.length) })}</p>
                    <progress max={series.length} value={done} aria-label={t('home.progressLabel')} />
                  </>
                )}
                {user?.libraryId && next && (
                  <p>
                    {t('home.nextIs')}{' '}
                    <Link to={`/webinars/${next.slug}`}><strong>{next.title}</strong></Link>
                    <span className="muted"> · {t('series.duration', { minutes: format.number(next.durationMinutes) })}</span>
                  </p>
                )}
                {user?.libraryId && !next && <p>{t('home.allWatched')}</p>}
                {!user?.libraryId && (
                  <ol className="plain">
                    {series.slice(0, 6).map((w) => <li key={w.id}><Link to={`/webinars/${w.slug}`}>{w.seriesPosition}. {w.title}</Link></li>)}
                  </ol>
                )}
                <p><Link to="/webinars">{t('home.toSeries')}</Link></p>
              </>
            )}
          </QueryState>
        </section>

        <section className="card" aria-labelledby="home-notes">
          <h2 id="home-notes">{t('home.notesTitle')}</h2>
          <QueryState query={notes} empty={t('home.noNotes')} isEmpty={(p) => p.items.length === 0}>
            {(page) => (
              <ul className="plain recent">
                {page.items.map((n) => (
                  <li key={n.id}>
                    <Link to={`/notes/${n.id}`}>{n.title}</Link>{' '}
                    <VisibilityBadge note={n} />
                    <br />
                    <span className="muted small">{nameOf(n.libraryId)} · {format.day(n.conversationDate)}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
          <p>
            <Link to="/notes">{t('home.allNotes')}</Link>
            {user?.libraryId && <> · <Link to="/notes/new">{t('notes.upload')}</Link></>}
          </p>
        </section>

        <section className="card" aria-labelledby="home-themes">
          <h2 id="home-themes">{t('home.themesTitle')}</h2>
          {!cohortId ? <Empty>{t('home.noCohort')}</Empty> : (
            <QueryState query={themes} empty={t('themes.emptyCohort')} isEmpty={(th) => th.themes.length === 0}>
              {(th) => (
                <>
                  {th.computedAt && <p className="muted small">{t('themes.computed', { date: format.dateTime(th.computedAt) })}</p>}
                  <ol className="plain">
                    {th.themes.slice(0, 5).map((theme) => (
                      <li key={theme.key}>
                        <strong>{theme.label}</strong>
                        <span className="muted"> · {t('themes.notes', { count: theme.noteCount, formatted: format.number(theme.noteCount) })}</span>
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </QueryState>
          )}
          {cohortId && <p><Link to={`/cohorts/${cohortId}/themes`}>{t('home.toThemes')}</Link></p>}
        </section>
      </div>
    </Page>
  );
}

export { HomePage as Component };
