import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Webinar } from '../api/types';
import { Page } from '../ui/Page';
import { Loading } from '../ui/States';
import { ProblemMessage } from '../ui/ProblemMessage';
import { findWebinar, isStale, updateWebinar, useWebinar } from './api';
import { WebinarForm, inputOf, valuesOf, type WebinarValues } from './WebinarForm';
import { StaleEdit, reapplied } from './StaleEdit';

/**
 * Edit with If-Match: when someone else saved first (412), the newer version is shown beside the
 * reader's own change, which they can apply to the newer version or drop.
 */
export function EditWebinarPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const found = useWebinar(slug, true);
  const [etag, setEtag] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [stale, setStale] = useState<{ base: WebinarValues; mine: WebinarValues; theirs: Webinar; etag: string } | null>(null);
  const [base, setBase] = useState<WebinarValues | null>(null);
  const [reset, setReset] = useState<WebinarValues | null>(null);

  if (found.isPending) return <Loading />;
  if (found.isError) return <ProblemMessage error={found.error} onRetry={() => void found.refetch()} />;
  const webinar = stale?.theirs ?? found.data.webinar;
  const startedFrom = base ?? valuesOf(found.data.webinar);
  const currentEtag = etag ?? found.data.etag;

  async function save(values: WebinarValues, ifMatch: string) {
    setError(null);
    try {
      const saved = await updateWebinar(webinar.id, inputOf(values, webinar.sampleFields), ifMatch);
      setStale(null);
      await client.invalidateQueries({ queryKey: ['webinars'] });
      await client.invalidateQueries({ queryKey: ['webinar'] });
      navigate(`/webinars/${saved.webinar.slug}`);
    } catch (e) {
      if (isStale(e)) {
        const latest = await findWebinar(webinar.id, true);
        setStale({ base: startedFrom, mine: values, theirs: latest.webinar, etag: latest.etag });
        setEtag(latest.etag);
      } else {
        setError(e);
      }
    }
  }

  return (
    <Page title={t('webinarForm.editTitle', { title: found.data.webinar.title })}>
      <p><Link to={`/webinars/${webinar.slug}`}>{t('webinarForm.backToWebinar')}</Link></p>
      {stale && (
        <StaleEdit
          base={stale.base}
          mine={stale.mine}
          theirs={stale.theirs}
          onReapply={() => {
            const merged = reapplied(stale.base, stale.mine, stale.theirs);
            setBase(valuesOf(stale.theirs));
            setReset(merged);
            return save(merged, stale.etag);
          }}
          onDiscard={() => {
            setBase(valuesOf(stale.theirs));
            setReset(valuesOf(stale.theirs));
            setStale(null);
          }}
        />
      )}
      <WebinarForm
        initial={valuesOf(found.data.webinar)}
        submitLabel={t('webinarForm.save')}
        error={error}
        reset={reset}
        onSubmit={(values) => save(values, currentEtag)}
      />
    </Page>
  );
}

export { EditWebinarPage as Component };
