import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, json, renderPage, STAFF_USER } from '../test/helpers';
import { NewWebinarPage } from './NewWebinarPage';
import type { Webinar } from '../api/types';

const TOPICS = ['community-conversations', 'themes'];

function webinar(over: Partial<Webinar> = {}): Webinar {
  return {
    id: 'w-1', slug: 'follow-up', title: 'Follow-up', summary: 'After the conversation.', topics: [],
    seriesPosition: 5, durationMinutes: 45, recordings: [], resources: [], sampleFields: [], status: 'draft',
    version: 0, createdAt: '2026-11-01T10:00:00Z', updatedAt: '2026-11-01T10:00:00Z', publishedAt: null, archivedAt: null,
    ...over,
  };
}

function newPage() {
  return renderPage([
    { path: '/webinars/new', element: <NewWebinarPage /> },
    { path: '/webinars/:slug', element: <p>webinar page</p> },
  ], '/webinars/new', STAFF_USER);
}

describe('new webinar form', () => {
  it('checks the fields before sending and shows each error next to its field', async () => {
    const server = fakeServer({
      'GET /api/catalog/webinars': () => json({ items: [webinar({ seriesPosition: 4 })], page: 0, size: 100, total: 1 }),
      'GET /api/catalog/topics': () => json(TOPICS),
    });
    newPage();
    const title = await screen.findByLabelText(/^Title/);
    // The next free position is proposed.
    expect(screen.getByLabelText(/Position in the series/)).toHaveValue(5);
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription('Required.');
    expect(screen.getByLabelText(/^Summary/)).toHaveAccessibleDescription('Required.');
    expect(server.calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await userEvent.type(title, 'Café Conversations');
    // The slug follows the title while it is not edited by hand.
    expect(screen.getByLabelText(/Address name/)).toHaveValue('cafe-conversations');
    await userEvent.clear(screen.getByLabelText(/Address name/));
    await userEvent.type(screen.getByLabelText(/Address name/), 'Bad Slug');
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(screen.getByLabelText(/Address name/)).toHaveAccessibleDescription(
      expect.stringContaining('Lower-case letters and digits'));
  });

  it('shows the server field errors of a 400 next to the fields', async () => {
    const server = fakeServer({
      'GET /api/catalog/webinars': () => json({ items: [], page: 0, size: 100, total: 0 }),
      'GET /api/catalog/topics': () => json(TOPICS),
      'POST /api/catalog/webinars': () => json({
        title: 'Invalid request', status: 400, detail: 'One or more fields are invalid.',
        errors: [{ field: 'slug', message: 'slug already taken by another webinar' }],
      }, 400),
    });
    document.cookie = 'XSRF-TOKEN=csrf-123';
    newPage();
    await userEvent.type(await screen.findByLabelText(/^Title/), 'Follow-up');
    await userEvent.type(screen.getByLabelText(/^Summary/), 'After the conversation.');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Themes' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));

    const slug = screen.getByLabelText(/Address name/);
    await waitFor(() => expect(slug).toHaveAccessibleDescription(expect.stringContaining('slug already taken')));
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need your attention');
    const post = server.calls.find((c) => c.method === 'POST')!;
    expect(post.headers['X-XSRF-TOKEN']).toBe('csrf-123');
    expect(post.body).toMatchObject({ title: 'Follow-up', slug: 'follow-up', topics: ['themes'], seriesPosition: 1 });
  });

  it('adds resources with their kind and checks their addresses', async () => {
    fakeServer({
      'GET /api/catalog/webinars': () => json({ items: [], page: 0, size: 100, total: 0 }),
      'GET /api/catalog/topics': () => json(TOPICS),
    });
    newPage();
    await userEvent.click(await screen.findByRole('button', { name: 'Add a resource' }));
    const group = screen.getByRole('group', { name: 'Resources' });
    await userEvent.type(within(group).getByLabelText('Resource 1: title'), 'Worksheet');
    await userEvent.type(within(group).getByLabelText('Address 1'), 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(within(group).getByLabelText('Address 1')).toHaveAccessibleDescription(
      'An address starting with http:// or https://.');
  });
});
