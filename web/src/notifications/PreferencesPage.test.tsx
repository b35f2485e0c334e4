import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, json, renderPage } from '../test/helpers';
import { PreferencesPage } from './PreferencesPage';

const PREFS = {
  recipientId: 'm-1', email: 'alex@riverbend.example', timeZone: 'America/Chicago', hour: 8, weeklyDay: 'MONDAY',
  kinds: { 'new-webinar': 'immediate', 'cohort-notes': 'daily', themes: 'weekly', calibrations: 'weekly', 'progress-reminders': 'weekly' },
  customized: false,
};

describe('email preferences', () => {
  it('shows the current choices and saves the changed ones', async () => {
    const server = fakeServer({
      'GET /api/notifications/preferences/me': () => json(PREFS),
      'PUT /api/notifications/preferences/me': (call) => json({ ...PREFS, ...(call.body as object), customized: true }),
    });
    renderPage([{ path: '/settings/notifications', element: <PreferencesPage /> }], '/settings/notifications');
    const row = await screen.findByRole('group', { name: 'Notes shared in your cohort' });
    expect(within(row).getByRole('radio', { name: 'Daily digest' })).toBeChecked();
    await userEvent.click(within(row).getByRole('radio', { name: 'Off' }));
    await userEvent.selectOptions(screen.getByLabelText('Hour of the digests'), '18');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Your settings were saved.')).toBeInTheDocument();
    const put = server.calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toMatchObject({ hour: 18, timeZone: 'America/Chicago', kinds: { 'cohort-notes': 'off', 'new-webinar': 'immediate' } });
  });

  it('shows a server field error next to its field', async () => {
    fakeServer({
      'GET /api/notifications/preferences/me': () => json(PREFS),
      'PUT /api/notifications/preferences/me': () => json({
        title: 'Invalid request', status: 400, errors: [{ field: 'timeZone', message: 'must be an IANA time zone id' }],
      }, 400),
    });
    renderPage([{ path: '/settings/notifications', element: <PreferencesPage /> }], '/settings/notifications');
    await userEvent.click(await screen.findByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByLabelText('Time zone')).toHaveAccessibleDescription('must be an IANA time zone id'));
  });

  it('offers a retry when the settings cannot be loaded', async () => {
    let fail = true;
    fakeServer({
      'GET /api/notifications/preferences/me': () => {
        if (fail) throw new TypeError('Failed to fetch');
        return json(PREFS);
      },
    });
    renderPage([{ path: '/settings/notifications', element: <PreferencesPage /> }], '/settings/notifications');
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Outward');
    fail = false;
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeInTheDocument();
  });
});
