import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { vi } from 'vitest';
import type { User } from '../api/types';

export const MEMBER_USER: User = {
  subject: 'alex', email: 'alex@riverbend.example', name: 'Alex Moreno', roles: ['library-member'],
  libraryId: 'lib-1', cohortId: 'cohort-1',
};
export const STAFF_USER: User = {
  subject: 'pat', email: 'pat@outward.example', name: 'Pat Rivera', roles: ['program-staff'],
  libraryId: null, cohortId: null,
};

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Handler = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/**
 * A fake of the gateway for component tests: "METHOD /path" (query string ignored) to a handler.
 * Calls without a handler fail the test loudly with a 500, and every call is recorded.
 */
export function fakeServer(routes: Record<string, Handler>) {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input.toString();
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>));
    let body: unknown = init.body;
    if (typeof body === 'string' && headers['Content-Type'] === 'application/json') body = JSON.parse(body);
    const call = { method, url, headers, body };
    calls.push(call);
    const path = url.split('?')[0];
    const handler = routes[`${method} ${path}`];
    if (!handler) return json({ title: 'no fake for ' + method + ' ' + path, status: 500 }, 500);
    return handler(call);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

export function renderPage(routes: RouteObject[], path: string, user: User | null = MEMBER_USER, wrap?: (n: ReactNode) => ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  client.setQueryData(['bff', 'user'], user);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const tree = (
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
  return { router, client, ...render(wrap ? wrap(tree) : tree) };
}
