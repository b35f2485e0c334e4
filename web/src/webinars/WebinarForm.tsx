import { useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { RESOURCE_KINDS, type Webinar, type WebinarInput } from '../api/types';
import { Field } from '../ui/Field';
import { applyServerErrors } from '../ui/formErrors';
import { ProblemMessage } from '../ui/ProblemMessage';
import { topicLabel } from '../i18n/labels';
import { useTopics } from './api';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// The same limits as the catalog service's CreateWebinarRequest, so most mistakes show before sending.
export function webinarSchema(t: TFunction) {
  const url = z.string().trim().min(1, t('validation.required')).max(2000)
    .refine((v) => /^https?:\/\/\S+$/i.test(v), t('validation.httpUrl'));
  return z.object({
    title: z.string().trim().min(1, t('validation.required')).max(200, t('validation.max', { count: 200 })),
    slug: z.string().trim().min(1, t('validation.required')).max(100, t('validation.max', { count: 100 }))
      .regex(SLUG, t('validation.slug')),
    summary: z.string().trim().min(1, t('validation.required')).max(4000, t('validation.max', { count: 4000 })),
    topics: z.array(z.string()).max(20),
    seriesPosition: z.number({ error: t('validation.number') }).int().min(1, t('validation.between', { min: 1, max: 99 }))
      .max(99, t('validation.between', { min: 1, max: 99 })),
    durationMinutes: z.number({ error: t('validation.number') }).int().min(1, t('validation.between', { min: 1, max: 600 }))
      .max(600, t('validation.between', { min: 1, max: 600 })),
    recordings: z.array(z.object({
      label: z.string().trim().min(1, t('validation.required')).max(100),
      url,
    })).max(20),
    resources: z.array(z.object({
      key: z.string().optional(),
      title: z.string().trim().min(1, t('validation.required')).max(200),
      kind: z.enum(RESOURCE_KINDS),
      url,
    })).max(50),
  });
}

export type WebinarValues = z.infer<ReturnType<typeof webinarSchema>>;

export const FIELDS = ['title', 'slug', 'summary', 'topics', 'seriesPosition', 'durationMinutes', 'recordings', 'resources'] as const;

export function valuesOf(webinar?: Webinar, nextPosition = 1): WebinarValues {
  return {
    title: webinar?.title ?? '',
    slug: webinar?.slug ?? '',
    summary: webinar?.summary ?? '',
    topics: webinar?.topics ?? [],
    seriesPosition: webinar?.seriesPosition ?? nextPosition,
    durationMinutes: webinar?.durationMinutes ?? 60,
    recordings: webinar?.recordings.map((r) => ({ ...r })) ?? [],
    resources: webinar?.resources.map((r) => ({ ...r })) ?? [],
  };
}

export function inputOf(values: WebinarValues, sampleFields?: string[]): WebinarInput {
  return {
    ...values,
    resources: values.resources.map((r) => ({ ...r, key: r.key || undefined })),
    sampleFields,
  };
}

export function slugify(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
}

interface Props {
  initial: WebinarValues;
  /** Create: the slug follows the title until edited. */
  creating?: boolean;
  submitLabel: string;
  onSubmit: (values: WebinarValues) => Promise<unknown>;
  /** A server error: field errors go next to their fields, the rest above the form. */
  error?: unknown;
  /** Values to load into the form (the newer version after a 412, for example). */
  reset?: WebinarValues | null;
}

export function WebinarForm({ initial, creating, submitLabel, onSubmit, error, reset }: Props) {
  const { t } = useTranslation();
  const schema = useMemo(() => webinarSchema(t), [t]);
  const topics = useTopics();
  const form = useForm<WebinarValues>({ resolver: zodResolver(schema), defaultValues: initial });
  const { register, handleSubmit, formState: { errors, isSubmitting, dirtyFields }, setError, setValue, watch } = form;
  const recordings = useFieldArray({ control: form.control, name: 'recordings' });
  const resources = useFieldArray({ control: form.control, name: 'resources' });
  const title = watch('title');

  useEffect(() => {
    if (creating && !dirtyFields.slug) setValue('slug', slugify(title ?? ''));
  }, [creating, title, dirtyFields.slug, setValue]);
  useEffect(() => {
    if (reset) form.reset(reset);
  }, [reset, form]);
  // After a server error: its field errors go next to the fields; what has no field is shown above.
  const [shown, setShown] = useState<{ unplaced: unknown; placed: boolean }>({ unplaced: null, placed: false });
  useEffect(() => {
    if (!error) setShown({ unplaced: null, placed: false });
    else if (applyServerErrors(error, setError, FIELDS)) setShown({ unplaced: null, placed: true });
    else setShown({ unplaced: error, placed: false });
  }, [error, setError]);
  const unplaced = shown.unplaced;

  return (
    <form className="form" noValidate onSubmit={handleSubmit(onSubmit)}>
      {unplaced ? <ProblemMessage error={unplaced} showFieldErrors /> : null}
      {shown.placed ? <p role="alert" className="problem">{t('errors.invalidFields')}</p> : null}
      <Field label={t('webinarForm.title')} error={errors.title?.message} required>
        {(p) => <input {...p} {...register('title')} maxLength={200} />}
      </Field>
      <Field label={t('webinarForm.slug')} hint={t('webinarForm.slugHint')} error={errors.slug?.message} required>
        {(p) => <input {...p} {...register('slug')} maxLength={100} />}
      </Field>
      <Field label={t('webinarForm.summary')} error={errors.summary?.message} required>
        {(p) => <textarea {...p} {...register('summary')} rows={5} maxLength={4000} />}
      </Field>
      <div className="row">
        <Field label={t('webinarForm.position')} error={errors.seriesPosition?.message} required>
          {(p) => <input {...p} type="number" min={1} max={99} {...register('seriesPosition', { valueAsNumber: true })} />}
        </Field>
        <Field label={t('webinarForm.duration')} error={errors.durationMinutes?.message} required>
          {(p) => <input {...p} type="number" min={1} max={600} {...register('durationMinutes', { valueAsNumber: true })} />}
        </Field>
      </div>
      <fieldset className="checks">
        <legend>{t('webinarForm.topics')}</legend>
        {(topics.data ?? []).map((topic) => (
          <label key={topic} className="check">
            <input type="checkbox" value={topic} {...register('topics')} /> {topicLabel(t, topic)}
          </label>
        ))}
        {errors.topics?.message && <p className="field-error">{errors.topics.message}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('webinarForm.recordings')}</legend>
        {recordings.fields.length === 0 && <p className="muted">{t('webinarForm.noRecordings')}</p>}
        {recordings.fields.map((field, i) => (
          <div className="row repeat" key={field.id}>
            <Field label={t('webinarForm.recordingLabel', { n: i + 1 })} error={errors.recordings?.[i]?.label?.message}>
              {(p) => <input {...p} {...register(`recordings.${i}.label`)} />}
            </Field>
            <Field label={t('webinarForm.url', { n: i + 1 })} error={errors.recordings?.[i]?.url?.message}>
              {(p) => <input {...p} type="url" {...register(`recordings.${i}.url`)} />}
            </Field>
            <button type="button" className="secondary small" onClick={() => recordings.remove(i)}>
              {t('common.remove')}<span className="visually-hidden"> {t('webinarForm.recordingLabel', { n: i + 1 })}</span>
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => recordings.append({ label: '', url: '' })}>
          {t('webinarForm.addRecording')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('webinarForm.resources')}</legend>
        {resources.fields.length === 0 && <p className="muted">{t('webinarForm.noResources')}</p>}
        {resources.fields.map((field, i) => (
          <div className="row repeat" key={field.id}>
            <Field label={t('webinarForm.resourceTitle', { n: i + 1 })} error={errors.resources?.[i]?.title?.message}>
              {(p) => <input {...p} {...register(`resources.${i}.title`)} />}
            </Field>
            <Field label={t('webinarForm.kind', { n: i + 1 })} error={errors.resources?.[i]?.kind?.message}>
              {(p) => (
                <select {...p} {...register(`resources.${i}.kind`)}>
                  {RESOURCE_KINDS.map((k) => <option key={k} value={k}>{t(`series.kind.${k}`)}</option>)}
                </select>
              )}
            </Field>
            <Field label={t('webinarForm.url', { n: i + 1 })} error={errors.resources?.[i]?.url?.message}>
              {(p) => <input {...p} type="url" {...register(`resources.${i}.url`)} />}
            </Field>
            <button type="button" className="secondary small" onClick={() => resources.remove(i)}>
              {t('common.remove')}<span className="visually-hidden"> {t('webinarForm.resourceTitle', { n: i + 1 })}</span>
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => resources.append({ title: '', kind: 'worksheet', url: '' })}>
          {t('webinarForm.addResource')}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>{submitLabel}</button>
      </div>
    </form>
  );
}
