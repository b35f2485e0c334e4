import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, json, renderPage, STAFF_USER } from '../test/helpers';
import { EditWebinarPage } from './EditWebinarPage';
import type { Webinar } from '../api/types';

const base: Webinar = {
  id: 'w-1', slug: 'follow-up', title: 'Follow-up', summary: 'After the conversation.', topics: [],
  seriesPosition: 5, durationMinutes: 45, recordings: [], resources: [], sampleFields: [], status: 'published',
  version: 3, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', publishedAt: '2026-11-01T10:00:00Z', archivedAt: null,
};

describe('editing a webinar someone else changed (412)', () => {
  it('shows the newer version beside my change and re-applies mine with the newer ETag', async () => {
    let current: Webinar = base;
    let puts = 0;
    const server = fakeServer({
      'GET /api/catalog/webinars': () => json({ items: [current], page: 0, size: 20, total: 1 }),
      'GET /api/catalog/webinars/w-1': () => json(current, 200, { ETag: `"${current.version}"` }),
      'GET /api/catalog/topics': () => json([]),
      'PUT /api/catalog/webinars/w-1': (call) => {
        puts += 1;
        if (call.headers['If-Match'] !== `"${current.version}"`) {
          return json({ title: 'Precondition failed', status: 412, detail: 'stale' }, 412);
        }
        current = { ...current, ...(call.body as object), version: current.version + 1 };
        return json(current, 200, { ETag: `"${current.version}"` });
      },
    });
    const { router } = renderPage([
      { path: '/webinars/:slug/edit', element: <EditWebinarPage /> },
      { path: '/webinars/:slug', element: <p>saved page</p> },
    ], '/webinars/follow-up/edit', STAFF_USER);

    const duration = await screen.findByLabelText(/Duration/);
    // Meanwhile a colleague saves a new title.
    current = { ...current, title: 'Following up with residents', version: 4, updatedAt: '2026-11-02T09:00:00Z' };
    await userEvent.clear(duration);
    await userEvent.type(duration, '50');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const stale = await screen.findByRole('alert');
    expect(stale).toHaveTextContent('Someone else changed this');
    // Only what I changed is compared: my duration against theirs.
    const table = screen.getByRole('table', { name: /differ/ });
    expect(table).toHaveTextContent('Duration');
    expect(table).toHaveTextContent('50');
    expect(table).not.toHaveTextContent('Title');

    await userEvent.click(screen.getByRole('button', { name: 'Apply my change to the newer version' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/webinars/follow-up'));
    const last = server.calls.filter((c) => c.method === 'PUT').at(-1)!;
    expect(last.headers['If-Match']).toBe('"4"');
    expect(puts).toBe(2);
    // My change went onto the newer version: their title stays, my duration is added.
    expect(current.durationMinutes).toBe(50);
    expect(current.title).toBe('Following up with residents');
  });
});
