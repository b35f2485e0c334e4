import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DAYS, FREQUENCIES, NEWS_KINDS, type Preferences } from '../api/types';
import { isStaff, useUser } from '../auth/session';
import { Field } from '../ui/Field';
import { applyServerErrors } from '../ui/formErrors';
import { Page } from '../ui/Page';
import { ProblemMessage } from '../ui/ProblemMessage';
import { QueryState } from '../ui/States';
import { savePreferences, usePreferences } from './api';

function zonesWith(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

function PreferencesForm({ preferences }: { preferences: Preferences }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const zones = useMemo(() => zonesWith(preferences.timeZone), [preferences.timeZone]);
  const schema = useMemo(() => z.object({
    kinds: z.record(z.enum(NEWS_KINDS), z.enum(FREQUENCIES)),
    timeZone: z.string().min(1, t('validation.required')),
    hour: z.number().int().min(0, t('validation.between', { min: 0, max: 23 })).max(23, t('validation.between', { min: 0, max: 23 })),
    weeklyDay: z.enum(DAYS),
  }), [t]);
  type Values = z.infer<typeof schema>;
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      kinds: Object.fromEntries(NEWS_KINDS.map((k) => [k, preferences.kinds[k] ?? 'daily'])) as Values['kinds'],
      timeZone: preferences.timeZone,
      hour: preferences.hour,
      weeklyDay: preferences.weeklyDay as Values['weeklyDay'],
    },
  });
  const [error, setFailure] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    setUnplaced(error && !applyServerErrors(error, setError, ['kinds', 'timeZone', 'hour', 'weeklyDay']) ? error : null);
  }, [error, setError]);
  const hourFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { hour: 'numeric', timeZone: 'UTC' });
  const dayFormat = new Intl.DateTimeFormat(i18n.resolvedLanguage, { weekday: 'long', timeZone: 'UTC' });

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setFailure(null);
        setSaved(false);
        try {
          const updated = await savePreferences(values);
          client.setQueryData(['preferences'], updated);
          setSaved(true);
        } catch (e) {
          setFailure(e);
        }
      })}
    >
      {unplaced ? <ProblemMessage error={unplaced} showFieldErrors /> : null}
      {saved && <p role="status" className="ok">{t('preferences.saved')}</p>}
      <p className="muted">{t('preferences.sentTo', { email: preferences.email })}</p>
      <fieldset>
        <legend>{t('preferences.kindsTitle')}</legend>
        <div className="kind-list">
          {NEWS_KINDS.map((kind) => (
            <fieldset key={kind} className="kind">
              <legend>{t(`kinds.${kind}`)}</legend>
              <div className="kind-choices">
                {FREQUENCIES.map((f) => (
                  <label key={f} className="check">
                    <input type="radio" value={f} {...register(`kinds.${kind}`)} /> {t(`frequency.${f}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
        {errors.kinds && <p className="field-error">{t('preferences.kindsError')}</p>}
      </fieldset>
      <div className="row">
        <Field label={t('preferences.timeZone')} error={errors.timeZone?.message}>
          {(p) => (
            <select {...p} {...register('timeZone')}>
              {zones.map((z) => <option key={z} value={z}>{z.replace(/_/g, ' ')}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('preferences.hour')} hint={t('preferences.hourHint')} error={errors.hour?.message}>
          {(p) => (
            <select {...p} {...register('hour', { valueAsNumber: true })}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>{hourFormat.format(new Date(Date.UTC(2026, 0, 1, h)))}</option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('preferences.weeklyDay')} error={errors.weeklyDay?.message}>
          {(p) => (
            <select {...p} {...register('weeklyDay')}>
              {/* 2026-01-05 is a Monday */}
              {DAYS.map((d, i) => <option key={d} value={d}>{dayFormat.format(new Date(Date.UTC(2026, 0, 5 + i)))}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>{t('preferences.save')}</button>
      </div>
    </form>
  );
}

export function PreferencesPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  const preferences = usePreferences();
  return (
    <Page title={t('preferences.title')} lead={t('preferences.lead')}>
      {isStaff(user) && (
        <ul className="link-row">
          <li><Link to="/notifications/deliveries">{t('nav.deliveries')}</Link></li>
          <li><Link to="/notifications/digest-preview">{t('nav.digestPreview')}</Link></li>
        </ul>
      )}
      <QueryState query={preferences}>{(p) => <PreferencesForm preferences={p} />}</QueryState>
    </Page>
  );
}

export { PreferencesPage as Component };
