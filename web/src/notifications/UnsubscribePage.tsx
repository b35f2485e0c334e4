import { useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Frequency, UnsubscribeTarget } from '../api/types';
import { useFormat } from '../i18n/format';
import { label } from '../i18n/labels';
import { Page } from '../ui/Page';
import { ProblemMessage } from '../ui/ProblemMessage';
import { Loading } from '../ui/States';
import { unsubscribe, useUnsubscribeTarget } from './api';

function useDescribe() {
  const { t } = useTranslation();
  const format = useFormat();
  return (target: UnsubscribeTarget) => {
    const what = target.kinds.length > 0 && ['daily', 'weekly'].includes(target.scope)
      ? t('unsubscribe.digestOf', { frequency: label(t, 'frequency', target.scope), kinds: format.list(target.kinds.map((k) => label(t, 'kinds', k))) })
      : format.list(target.kinds.map((k) => label(t, 'kinds', k)));
    return { what, how: label(t, 'unsubscribe.how', target.current) };
  };
}

/**
 * The one-click unsubscribe link of every email, in the site's look, without signing in: the signed
 * token in the link is the only credential.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const target = useUnsubscribeTarget(token);
  const change = useMutation({ mutationFn: (choice: Frequency) => unsubscribe(token, choice) });
  const describe = useDescribe();

  if (!token) {
    return <Page title={t('unsubscribe.title')}><p>{t('unsubscribe.invalid')}</p></Page>;
  }
  if (target.isPending) return <Loading />;
  if (target.isError) {
    return (
      <Page title={t('unsubscribe.title')}>
        <ProblemMessage error={target.error} onRetry={() => void target.refetch()} />
        <p>{t('unsubscribe.invalid')}</p>
      </Page>
    );
  }
  if (change.isSuccess) {
    const done = describe(change.data);
    return (
      <Page title={t('unsubscribe.savedTitle')}>
        <p role="status">{t('unsubscribe.saved', { what: done.what, how: done.how })}</p>
        <p>{t('unsubscribe.more')}</p>
      </Page>
    );
  }
  const now = describe(target.data);
  return (
    <Page title={t('unsubscribe.title')}>
      <p>{t('unsubscribe.current', { what: now.what, how: now.how })}</p>
      {target.data.choices.length === 0 ? (
        <p>{t('unsubscribe.alreadyOff')}</p>
      ) : (
        <div className="actions">
          {target.data.choices.map((choice) => (
            <button
              key={choice}
              type="button"
              className={choice === 'off' ? 'danger' : 'secondary'}
              disabled={change.isPending}
              onClick={() => change.mutate(choice)}
            >
              {label(t, 'unsubscribe.choice', choice)}
            </button>
          ))}
        </div>
      )}
      {change.isError && <ProblemMessage error={change.error} onRetry={() => change.reset()} />}
      <p className="muted">{t('unsubscribe.more')}</p>
    </Page>
  );
}

export { UnsubscribePage as Component };
