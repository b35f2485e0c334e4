import { Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStaff, signIn, useUser } from '../auth/session';
import { Loading } from '../ui/States';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Page } from '../ui/Page';

/** Pages for signed-in people: anyone else is offered the sign-in, which brings them back here. */
export function RequireUser() {
  const { t } = useTranslation();
  const location = useLocation();
  const user = useUser();
  if (user.isPending) return <Loading />;
  if (user.isError) return <ProblemMessage error={user.error} onRetry={() => void user.refetch()} />;
  if (!user.data) {
    const returnTo = location.pathname + location.search + location.hash;
    return (
      <Page title={t('auth.welcomeTitle')} lead={t('auth.welcomeLead')}>
        <p>{t('auth.signInToContinue')}</p>
        <button type="button" className="primary large" onClick={() => signIn(returnTo)}>
          {t('auth.signIn')}
        </button>
      </Page>
    );
  }
  return <Outlet />;
}

export function RequireStaff() {
  const { t } = useTranslation();
  const user = useUser();
  if (!isStaff(user.data)) {
    return (
      <Page title={t('errors.staffOnlyTitle')}>
        <p>{t('errors.staffOnly')}</p>
      </Page>
    );
  }
  return <Outlet />;
}
