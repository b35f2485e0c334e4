import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, json, renderPage } from '../test/helpers';
import { UnsubscribePage } from './UnsubscribePage';

describe('unsubscribe page', () => {
  it('works without a session and turns the emails off', async () => {
    const server = fakeServer({
      'GET /api/notifications/unsubscribe': () => json({ scope: 'cohort-notes', kinds: ['cohort-notes'], current: 'immediate', choices: ['daily', 'weekly', 'off'] }),
      'POST /api/notifications/unsubscribe': () => json({ scope: 'cohort-notes', kinds: ['cohort-notes'], current: 'off', choices: [] }),
    });
    renderPage([{ path: '/unsubscribe', element: <UnsubscribePage /> }], '/unsubscribe?token=abc.def', null);
    expect(await screen.findByText('You get Notes shared in your cohort as they happen.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Turn these emails off' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Done: Notes shared in your cohort not at all from now on.');
    const post = server.calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/notifications/unsubscribe?token=abc.def');
    expect(String(post.body)).toBe('choice=off');
  });

  it('explains an invalid or expired link', async () => {
    fakeServer({
      'GET /api/notifications/unsubscribe': () => json({ title: 'Link not valid', status: 400, detail: 'This unsubscribe link is not valid or has expired.' }, 400),
    });
    renderPage([{ path: '/unsubscribe', element: <UnsubscribePage /> }], '/unsubscribe?token=bad', null);
    expect(await screen.findByText(/This unsubscribe link is not valid or has expired. Sign in/)).toBeInTheDocument();
  });
});
