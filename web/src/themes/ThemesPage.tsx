import { lazy, Suspense, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Themes } from '../api/types';
import { isStaff, useUser } from '../auth/session';
import { useFormat } from '../i18n/format';
import { Page } from '../ui/Page';
import { QueryState, Skeleton, SkeletonCards, SkeletonLines, stillLoading } from '../ui/States';
import { useCohortLibraries, useCohorts } from '../roster/api';
import { useCohortThemes, useLibraryThemes, useThemesPerLibrary, type Range } from './api';
import { HeatMap } from './HeatMap';
import { ThemeList } from './ThemeList';
import { chartHeight } from './chartSize';

const ThemeChart = lazy(() => import('./ThemeChart'));

function ThemesSection({ id, title, themes, empty }: { id: string; title: string; themes: Themes; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby={id} className="section">
      <h2 id={id}>{title}</h2>
      <p className="muted">
        {t('themes.basis', { count: themes.noteCount, formatted: format.number(themes.noteCount) })}
        {themes.computedAt && <> · {t('themes.computed', { date: format.dateTime(themes.computedAt) })}</>}
      </p>
      {themes.themes.length === 0 ? <p className="empty">{empty}</p> : (
        <>
          <figure className="figure">
            <figcaption>{t('themes.chartCaption')}</figcaption>
            {/* The chart's code comes on first use: its box keeps the chart's height meanwhile. */}
            <Suspense fallback={(
              <div className="chart skeleton-chart loading" style={{ height: chartHeight(themes.themes.length) }}
                role="status" aria-busy="true">
                <span className="visually-hidden">{t('themes.chartLoading')}</span>
              </div>
            )}>
              <ThemeChart themes={themes.themes} />
            </Suspense>
          </figure>
          <ThemeList themes={themes.themes} idPrefix={id} />
        </>
      )}
    </section>
  );
}

/**
 * Themes of the reader's library and of the cohort over a date range; staff pick any cohort and
 * library and see the library × theme heat map. /cohorts/<id>/themes is the link of the emails.
 */
export function ThemesPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  const staff = isStaff(user);
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  // Members may list their own cohort: its name titles the cohort section.
  const cohorts = useCohorts();
  const cohortId = params.cohortId ?? search.get('cohort') ?? (staff ? cohorts.data?.[0]?.id : user?.cohortId) ?? null;
  const libraries = useCohortLibraries(cohortId);
  const libraryId = staff ? search.get('library') ?? '' : user?.libraryId ?? '';
  const range: Range = { from: search.get('from') ?? undefined, to: search.get('to') ?? undefined };
  const [draft, setDraft] = useState({ from: range.from ?? '', to: range.to ?? '' });
  const mine = useLibraryThemes(libraryId || null, range);
  const cohort = useCohortThemes(cohortId, range);
  const perLibrary = useThemesPerLibrary(staff ? libraries.data ?? [] : [], range, staff);
  const cohortName = cohorts.data?.find((c) => c.id === cohortId)?.name;
  const libraryName = libraries.data?.find((l) => l.id === libraryId)?.name;

  function set(next: Record<string, string>) {
    const merged = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setSearch(merged, { replace: true });
  }

  return (
    <Page title={t('themes.title')} lead={t('themes.lead')}>
      <form
        className="filters"
        aria-label={t('themes.rangeLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          set(draft);
        }}
      >
        {staff && !params.cohortId && (
          <div className="field">
            <label htmlFor="themes-cohort">{t('themes.cohort')}</label>
            <select id="themes-cohort" value={cohortId ?? ''} onChange={(e) => set({ cohort: e.target.value, library: '' })}>
              {(cohorts.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
        )}
        {staff && (
          <div className="field">
            <label htmlFor="themes-library">{t('themes.library')}</label>
            <select id="themes-library" value={libraryId} onChange={(e) => set({ library: e.target.value })}>
              <option value="">{t('themes.noLibrary')}</option>
              {(libraries.data ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="themes-from">{t('themes.from')}</label>
          <input id="themes-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="themes-to">{t('themes.to')}</label>
          <input id="themes-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit">{t('common.apply')}</button>
      </form>

      {/* Both sections (and the staff's heat map) appear together: the library's above the cohort's would push it
          down if it came later (layout shift). */}
      {stillLoading(cohorts, libraries, mine, cohort, ...perLibrary) ? (
        <Skeleton label={t('themes.loading')} key="loading">
          <SkeletonLines widths={['18rem', '24rem']} />
          <div className="skeleton-chart" style={{ height: chartHeight(4) }} />
          <SkeletonCards count={2} height="10rem" />
        </Skeleton>
      ) : (
        <div key="content">
          {libraryId && (
            <QueryState query={mine} loadingLabel={t('themes.loading')}>
              {(themes) => (
                <ThemesSection
                  id="library-themes"
                  title={staff ? t('themes.libraryTitle', { name: libraryName ?? '' }) : t('themes.mineTitle')}
                  themes={themes}
                  empty={t('themes.emptyLibrary')}
                />
              )}
            </QueryState>
          )}
          {cohortId ? (
            <QueryState query={cohort} loadingLabel={t('themes.loading')}>
              {(themes) => (
                <ThemesSection
                  id="cohort-themes"
                  title={cohortName ? t('themes.cohortTitleNamed', { name: cohortName }) : t('themes.cohortTitle')}
                  themes={themes}
                  empty={t('themes.emptyCohort')}
                />
              )}
            </QueryState>
          ) : (
            staff && cohorts.isSuccess && <p className="empty">{t('themes.noCohorts')}</p>
          )}
          {staff && cohortId && libraries.data && (
            <section aria-labelledby="heat-title" className="section">
              <h2 id="heat-title">{t('themes.heatTitle')}</h2>
              <p className="muted">{t('themes.heatLead')}</p>
              <HeatMap
                libraries={libraries.data}
                perLibrary={perLibrary.map((q) => q.data)}
                caption={t('themes.heatCaption', { name: cohortName ?? '' })}
              />
            </section>
          )}
        </div>
      )}
    </Page>
  );
}

export { ThemesPage as Component };
