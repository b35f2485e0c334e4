import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** A page that failed to load (a new release replaced its chunk, or the connection dropped). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="container">
      <h1>{t('errors.pageFailedTitle')}</h1>
      <p role="alert">{t('errors.pageFailed')}</p>
      <button type="button" onClick={() => window.location.reload()}>{t('errors.reload')}</button>
    </main>
  );
}
