import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, json, renderPage, MEMBER_USER } from '../test/helpers';
import { Layout } from './Layout';
import { RequireUser } from './RequireUser';

function assignSpy() {
  const assign = vi.fn();
  vi.stubGlobal('location', { ...window.location, assign, pathname: '/notes/n-1', search: '' });
  return assign;
}

afterEach(() => vi.unstubAllGlobals());

describe('session', () => {
  it('offers sign-in on a deep link and comes back to it', async () => {
    fakeServer({});
    const assign = assignSpy();
    renderPage([{ element: <Layout />, children: [{ element: <RequireUser />, children: [{ path: '/notes/:id', element: <p>the note</p> }] }] }],
      '/notes/n-1', null);
    const buttons = await screen.findAllByRole('button', { name: 'Sign in' });
    await userEvent.click(buttons.at(-1)!);
    expect(assign).toHaveBeenCalledWith('/bff/login?returnTo=%2Fnotes%2Fn-1');
    expect(screen.queryByText('the note')).not.toBeInTheDocument();
  });

  it('signs out with the CSRF header and goes to the provider logout', async () => {
    const server = fakeServer({ 'POST /bff/logout': () => json({ logoutUrl: 'http://idp.example/logout?x=1' }) });
    const assign = assignSpy();
    document.cookie = 'XSRF-TOKEN=t0k3n';
    renderPage([{ element: <Layout />, children: [{ path: '/', element: <p>home</p> }] }], '/', MEMBER_USER);
    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(assign).toHaveBeenCalledWith('http://idp.example/logout?x=1'));
    expect(server.calls[0].headers['X-XSRF-TOKEN']).toBe('t0k3n');
    // Nothing about the session is kept where scripts could read it.
    expect(Object.keys(window.localStorage).filter((k) => !k.startsWith('outward.lang'))).toEqual([]);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('switches the language and localises the interface', async () => {
    fakeServer({});
    renderPage([{ element: <Layout />, children: [{ path: '/', element: <p>home</p> }] }], '/', MEMBER_USER);
    await userEvent.selectOptions(screen.getByLabelText('Language'), 'es');
    expect(await screen.findByRole('button', { name: 'Cerrar sesión' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('es');
    await userEvent.selectOptions(screen.getByLabelText('Idioma'), 'en');
  });
});
