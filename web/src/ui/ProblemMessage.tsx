import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { signIn } from '../auth/session';

interface Props {
  error: unknown;
  /** Offered when trying again can help (lost connection, 429 after its wait, 5xx). */
  onRetry?: () => void;
  /** Field errors are shown next to their fields by the form; listed here only when not. */
  showFieldErrors?: boolean;
}

/** A problem+json (or a lost connection) as a human message, in the reader's language. */
export function ProblemMessage({ error, onRetry, showFieldErrors = false }: Props) {
  const { t } = useTranslation();
  const problem = error instanceof ApiError ? error : null;
  const [wait, setWait] = useState(problem?.status === 429 ? problem.retryAfter ?? 0 : 0);

  useEffect(() => {
    setWait(problem?.status === 429 ? problem.retryAfter ?? 0 : 0);
  }, [problem]);
  useEffect(() => {
    if (wait <= 0) return undefined;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  if (!error) return null;
  const status = problem?.status ?? -1;
  let message: string;
  let retry = false;
  if (!problem) {
    message = t('errors.unexpected');
  } else if (problem.isNetwork) {
    message = t('errors.network');
    retry = true;
  } else if (status === 429) {
    message = problem.retryAfter !== undefined ? t('errors.tooManyWait', { count: problem.retryAfter })
      : t('errors.tooMany');
    retry = true;
  } else if (status === 400) {
    message = problem.errors.length > 0 ? t('errors.invalidFields') : t('errors.invalid');
  } else if (status === 401) {
    message = t('errors.signedOut');
  } else if (status === 403) {
    message = t('errors.forbidden');
  } else if (status === 404) {
    message = t('errors.notFound');
  } else if (status === 409) {
    message = t('errors.conflict');
  } else if (status === 412) {
    message = t('errors.stale');
  } else if (status === 413) {
    message = t('errors.tooLarge');
  } else if (status === 415) {
    message = t('errors.unsupportedType');
  } else if (status === 503 || status === 504 || status === 502) {
    message = t('errors.unavailable');
    retry = true;
  } else if (status >= 500) {
    message = t('errors.server');
    retry = true;
  } else {
    message = t('errors.unexpected');
  }
  // The server's own sentence adds the specifics (which webinar, which limit); it is English.
  const detail = problem && !problem.isNetwork && problem.detail && status !== 401 ? problem.detail : null;

  return (
    <div className="problem" role="alert">
      <p className="problem-message">{message}</p>
      {detail && detail !== message && <p className="problem-detail" lang="en">{detail}</p>}
      {showFieldErrors && problem && problem.errors.length > 0 && (
        <ul className="problem-fields">
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              <code>{e.field}</code>: <span lang="en">{e.message}</span>
            </li>
          ))}
        </ul>
      )}
      {status === 429 && wait > 0 && <p className="muted" aria-live="polite">{t('errors.retryIn', { count: wait })}</p>}
      {problem?.requestId && <p className="muted small">{t('errors.requestId', { id: problem.requestId })}</p>}
      {status === 401 && (
        <button type="button" onClick={() => signIn(window.location.pathname + window.location.search)}>
          {t('auth.signIn')}
        </button>
      )}
      {retry && onRetry && (
        <button type="button" onClick={onRetry} disabled={wait > 0}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
