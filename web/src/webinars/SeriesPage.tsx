import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStaff, useUser } from '../auth/session';
import { Page } from '../ui/Page';
import { QueryState, Skeleton, SkeletonCards, SkeletonLines } from '../ui/States';
import { topicLabel } from '../i18n/labels';
import { useLibraryProgress, useTopics, useWebinars } from './api';
import { WebinarCard } from './WebinarCard';
import { ReorderPanel } from './ReorderList';

export function SeriesPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  const staff = isStaff(user);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const topic = params.get('topic') ?? '';
  const status = staff ? params.get('status') ?? 'all' : 'published';
  const [text, setText] = useState(q);
  const [reordering, setReordering] = useState(false);
  const webinars = useWebinars({ status, q: q || undefined, topic: topic || undefined });
  const topics = useTopics();
  const progress = useLibraryProgress(user?.libraryId);

  function update(next: Record<string, string>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setParams(merged, { replace: true });
  }

  return (
    <Page
      title={t('series.title')}
      lead={t('series.lead')}
      actions={staff && (
        <>
          <Link className="button primary" to="/webinars/new">{t('series.new')}</Link>
          <button type="button" className="secondary" aria-pressed={reordering} onClick={() => setReordering((r) => !r)}>
            {reordering ? t('series.reorderDone') : t('series.reorder')}
          </button>
        </>
      )}
    >
      {reordering ? (
        <ReorderPanel onDone={() => setReordering(false)} />
      ) : (
        <>
          <form
            className="filters"
            role="search"
            aria-label={t('series.searchLabel')}
            onSubmit={(e) => {
              e.preventDefault();
              update({ q: text.trim() });
            }}
          >
            <div className="field">
              <label htmlFor="series-q">{t('series.search')}</label>
              <input id="series-q" type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="series-topic">{t('series.topic')}</label>
              <select id="series-topic" value={topic} onChange={(e) => update({ topic: e.target.value })}>
                <option value="">{t('series.allTopics')}</option>
                {(topics.data ?? []).map((tp) => <option key={tp} value={tp}>{topicLabel(t, tp)}</option>)}
              </select>
            </div>
            {staff && (
              <div className="field">
                <label htmlFor="series-status">{t('series.statusFilter')}</label>
                <select id="series-status" value={status} onChange={(e) => update({ status: e.target.value })}>
                  <option value="all">{t('series.status.all')}</option>
                  <option value="published">{t('series.status.published')}</option>
                  <option value="draft">{t('series.status.draft')}</option>
                  <option value="archived">{t('series.status.archived')}</option>
                </select>
              </div>
            )}
            <button type="submit">{t('common.search')}</button>
          </form>
          <QueryState
            query={webinars}
            loadingLabel={t('series.loading')}
            placeholder={(
              <Skeleton label={t('series.loading')}>
                <SkeletonLines widths={['12rem']} />
                <SkeletonCards count={3} height="15rem" />
              </Skeleton>
            )}
            // The cards show the library's ticks: drawn once with them, not redrawn taller when they come.
            waitFor={[progress]}
            empty={q || topic ? t('series.noMatch') : t('series.empty')}
            isEmpty={(p) => p.items.length === 0}
          >
            {(page) => (
              <>
                <p className="muted" role="status">{t('series.count', { count: page.total })}</p>
                <div className="stack">
                  {page.items.map((w) => (
                    <WebinarCard
                      key={w.id}
                      webinar={w}
                      staff={staff}
                      libraryId={user?.libraryId}
                      progress={progress.data?.find((p) => p.webinarId === w.id)}
                    />
                  ))}
                </div>
              </>
            )}
          </QueryState>
        </>
      )}
    </Page>
  );
}

export { SeriesPage as Component };
