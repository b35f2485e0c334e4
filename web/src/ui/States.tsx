import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseQueryResult } from '@tanstack/react-query';
import { ProblemMessage } from './ProblemMessage';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

/**
 * A section's loading state drawn at the size of what will replace it: grey bars where text will be, in boxes
 * shaped like the final cards, so content below does not jump when the data comes (layout shift). Its nodes are
 * replaced by the content, not moved. Announced as loading like {@link Loading}.
 */
export function Skeleton({ label, children }: { label?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="loading skeleton" role="status" aria-busy="true">
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
      <div aria-hidden="true">{children}</div>
    </div>
  );
}

/** Bars of text: one per entry of {@code widths} (a share of the line, e.g. '60%'). */
export function SkeletonLines({ widths, className }: { widths: string[]; className?: string }) {
  return (
    <div className={className}>
      {widths.map((width, i) => <span key={i} className="skeleton-line" style={{ width }} />)}
    </div>
  );
}

/** {@code count} cards of about the height of the list's real cards (a CSS length). */
export function SkeletonCards({ count, height }: { count: number; height: string }) {
  return (
    <div className="stack">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="card skeleton-card" style={{ minHeight: height }}>
          <SkeletonLines widths={['30%', '65%', '90%', '80%']} />
        </div>
      ))}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown instead of children when isEmpty(data). */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  loadingLabel?: string;
  /** Drawn while loading instead of the one-line "Loading…": a Skeleton of the content's size. */
  placeholder?: ReactNode;
  /**
   * Other queries the content reads (names, progress): it waits for them too, so it appears once, complete,
   * instead of growing as each arrives.
   */
  waitFor?: UseQueryResult<unknown>[];
}

/** A query that is still fetching its first answer (a disabled one is not: it waits for nothing). */
export function stillLoading(...queries: UseQueryResult<unknown>[]): boolean {
  return queries.some((q) => q.isPending && q.fetchStatus !== 'idle');
}

/** Loading, error (with retry), empty or the data: the four states every list has. */
export function QueryState<T>({ query, children, empty, isEmpty, loadingLabel, placeholder, waitFor }: QueryStateProps<T>) {
  if (query.isPending || stillLoading(...(waitFor ?? []))) {
    // Keyed apart from the content: React replaces the loading nodes instead of reusing them for the content.
    return <Fragment key="loading">{placeholder ?? <Loading label={loadingLabel} />}</Fragment>;
  }
  if (query.isError) return <ProblemMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty?.(query.data)) return <Empty>{empty}</Empty>;
  return <Fragment key="content">{children(query.data)}</Fragment>;
}
