import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStaff, probablySignedIn, signIn, signOut, useUser } from '../auth/session';
import { LANGUAGES } from '../i18n';
import { ProblemMessage } from '../ui/ProblemMessage';

export function Layout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const staff = isStaff(user.data);
  const member = !!user.data?.libraryId;
  // Until the gateway says who is signed in, the header keeps the room a signed-in header takes (when a session
  // is likely), so the page does not move down when the navigation appears.
  const holdRoom = user.isPending && probablySignedIn();

  useEffect(() => setMenuOpen(false), [location.pathname]);

  const links: { to: string; label: string; show: boolean; end?: boolean }[] = [
    { to: '/', label: t('nav.home'), show: true, end: true },
    { to: '/webinars', label: t('nav.series'), show: true },
    { to: '/notes', label: t('nav.notes'), show: true },
    { to: '/themes', label: t('nav.themes'), show: true },
    { to: '/calibration', label: t('nav.calibration'), show: true },
    { to: '/progress', label: t('nav.progress'), show: staff },
    { to: '/roster', label: t('nav.roster'), show: staff },
    { to: '/reports', label: t('nav.reports'), show: true },
    { to: '/settings/notifications', label: t('nav.notifications'), show: member || staff },
    { to: '/notifications/deliveries', label: t('nav.deliveries'), show: staff },
  ];

  return (
    <>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <header className="site-header">
        <div className="container header-row">
          <NavLink to="/" className="brand" end>
            <svg aria-hidden="true" width="28" height="28" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="currentColor" /><path d="M9 16a7 7 0 1 0 14 0a7 7 0 1 0-14 0M16 4v6M16 22v6M4 16h6M22 16h6" stroke="#fff" strokeWidth="2.5" fill="none" /></svg>
            <span>{t('app.name')}</span>
          </NavLink>
          <div className="header-tools">
            <label className="lang">
              <span className="visually-hidden">{t('nav.language')}</span>
              <select
                value={i18n.resolvedLanguage ?? 'en'}
                onChange={(e) => void i18n.changeLanguage(e.target.value)}
              >
                {LANGUAGES.map((l) => (
                  <option key={l.code} value={l.code} lang={l.code}>{l.name}</option>
                ))}
              </select>
            </label>
            {user.data && (
              <>
                <span className="who" title={user.data.email}>{user.data.name || user.data.email}</span>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setSignOutError(null);
                    signOut().catch(setSignOutError);
                  }}
                >
                  {t('auth.signOut')}
                </button>
              </>
            )}
            {holdRoom && (
              <span className="placeholder" aria-hidden="true">
                <span className="who" />
                <button type="button" className="secondary" tabIndex={-1} disabled>{t('auth.signOut')}</button>
                <button type="button" className="menu-button secondary" tabIndex={-1} disabled>{t('nav.menu')}</button>
              </span>
            )}
            {user.data === null && location.pathname !== '/unsubscribe' && (
              <button type="button" className="secondary" onClick={() => signIn(location.pathname + location.search)}>
                {t('auth.signIn')}
              </button>
            )}
            {user.data && (
              <button
                type="button"
                className="menu-button secondary"
                aria-expanded={menuOpen}
                aria-controls="site-nav"
                onClick={() => setMenuOpen((o) => !o)}
              >
                {t('nav.menu')}
              </button>
            )}
          </div>
        </div>
        {holdRoom && (
          <div className="site-nav" aria-hidden="true">
            <ul className="container"><li><span className="nav-placeholder">&nbsp;</span></li></ul>
          </div>
        )}
        {user.data && (
          <nav id="site-nav" aria-label={t('nav.label')} className={`site-nav${menuOpen ? ' open' : ''}`}>
            <ul className="container">
              {links.filter((l) => l.show).map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end}>{l.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="container" tabIndex={-1}>
        {signOutError ? <ProblemMessage error={signOutError} /> : null}
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('app.footer')}</p>
        </div>
      </footer>
    </>
  );
}
