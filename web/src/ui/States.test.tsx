import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import type { UseQueryResult } from '@tanstack/react-query';
import { QueryState, Skeleton, SkeletonLines } from './States';

function query<T>(state: Partial<UseQueryResult<T>>): UseQueryResult<T> {
  return { isPending: false, isError: false, fetchStatus: 'idle', ...state } as UseQueryResult<T>;
}

const placeholder = <Skeleton label="Loading notes"><SkeletonLines widths={['50%']} /></Skeleton>;

describe('QueryState', () => {
  it('draws the placeholder, announced as loading, until the queries the content reads have come', () => {
    const notes = query({ data: ['a'] });
    const names = query({ isPending: true, fetchStatus: 'fetching' });
    const { rerender } = render(
      <QueryState query={notes} placeholder={placeholder} waitFor={[names]}>{(d) => <p>{d.join()}</p>}</QueryState>);
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Loading notes');
    expect(screen.queryByText('a')).toBeNull();

    rerender(<QueryState query={notes} placeholder={placeholder} waitFor={[query({ data: 'x' })]}>
      {(d) => <p>{d.join()}</p>}</QueryState>);
    expect(screen.getByText('a')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('does not wait for a query that is switched off', () => {
    const notes = query({ data: ['b'] });
    const off = query({ isPending: true, fetchStatus: 'idle' });
    render(<QueryState query={notes} placeholder={placeholder} waitFor={[off]}>{(d) => <p>{d.join()}</p>}</QueryState>);
    expect(screen.getByText('b')).toBeInTheDocument();
  });
});
