import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem';

/** Lost connections and 5xx are tried again twice; a 4xx answer is final (a 404 stays a 404). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.isNetwork || error.status >= 500)) return failureCount < 2;
  return false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
