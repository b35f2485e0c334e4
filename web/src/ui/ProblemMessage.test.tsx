import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '../api/problem';
import { ProblemMessage } from './ProblemMessage';

describe('ProblemMessage', () => {
  it('offers a retry when the connection was lost', async () => {
    const retry = vi.fn();
    render(<ProblemMessage error={new ApiError(0)} onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('We could not reach Outward');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('says when to retry after a 429 and counts down before allowing it', () => {
    vi.useFakeTimers();
    try {
      render(<ProblemMessage error={new ApiError(429, { title: 'Too Many Requests' }, 2)} onRetry={() => undefined} />);
      expect(screen.getByRole('alert')).toHaveTextContent('You can try again in 2 seconds.');
      expect(screen.getByRole('button', { name: 'Try again' })).toBeDisabled();
      act(() => { vi.advanceTimersByTime(1000); });
      expect(screen.getByText('Try again in 1 second.')).toBeInTheDocument();
      act(() => { vi.advanceTimersByTime(1000); });
      expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns a 404 into a human sentence and keeps the server detail and request id', () => {
    render(<ProblemMessage error={new ApiError(404, { detail: 'Note n-1 not found', requestId: 'abc' })} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This was not found, or it is not shared with you.');
    expect(alert).toHaveTextContent('Note n-1 not found');
    expect(alert).toHaveTextContent('Reference for support: abc');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('lists field errors when no form shows them', () => {
    render(<ProblemMessage showFieldErrors error={new ApiError(400, { errors: [{ field: 'hour', message: 'must be between 0 and 23' }] })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('hour: must be between 0 and 23');
  });

  it('offers sign-in after a 401', () => {
    render(<ProblemMessage error={new ApiError(401)} />);
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });
});
