import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Page } from '../ui/Page';
import { Loading } from '../ui/States';
import { createWebinar, useWebinars } from './api';
import { WebinarForm, inputOf, valuesOf } from './WebinarForm';

export function NewWebinarPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const all = useWebinars({ status: 'all' });
  const [error, setError] = useState<unknown>(null);
  const next = all.data ? Math.min(99, all.data.items.reduce((m, w) => Math.max(m, w.seriesPosition), 0) + 1) : 1;

  return (
    <Page title={t('webinarForm.newTitle')} lead={t('webinarForm.newLead')}>
      {all.isPending ? <Loading /> : (
        <WebinarForm
          creating
          initial={valuesOf(undefined, next)}
          submitLabel={t('webinarForm.create')}
          error={error}
          onSubmit={async (values) => {
            setError(null);
            try {
              const created = await createWebinar(inputOf(values));
              await client.invalidateQueries({ queryKey: ['webinars'] });
              navigate(`/webinars/${created.slug}`);
            } catch (e) {
              setError(e);
            }
          }}
        />
      )}
    </Page>
  );
}

export { NewWebinarPage as Component };
