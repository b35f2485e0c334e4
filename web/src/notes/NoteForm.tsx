import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Note, NoteInput, Webinar } from '../api/types';
import { Field } from '../ui/Field';
import { applyServerErrors } from '../ui/formErrors';
import { ProblemMessage } from '../ui/ProblemMessage';
import { splitLabels } from './api';

function today(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

// The notes service's UploadNoteRequest limits. The body may stay empty when files come with the note.
export function noteSchema(t: TFunction, bodyRequired: () => boolean) {
  const labels = z.string().max(5000).refine((v) => splitLabels(v).length <= 50, t('validation.maxItems', { count: 50 }))
    .refine((v) => splitLabels(v).every((l) => l.length <= 100), t('validation.max', { count: 100 }));
  return z.object({
    title: z.string().trim().min(1, t('validation.required')).max(200, t('validation.max', { count: 200 })),
    body: z.string().max(100_000, t('validation.max', { count: 100_000 })),
    conversationDate: z.string().min(1, t('validation.required'))
      .refine((v) => v <= today(), t('validation.notFuture')),
    place: z.string().trim().min(1, t('validation.required')).max(200, t('validation.max', { count: 200 })),
    facilitator: z.string().trim().min(1, t('validation.required')).max(200, t('validation.max', { count: 200 })),
    participants: z.string().refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) <= 10_000),
      t('validation.between', { min: 0, max: 10000 })),
    segments: labels,
    tags: labels,
    webinarId: z.string(),
    visibility: z.enum(['private', 'cohort']),
  }).refine((v) => !bodyRequired() || v.body.trim().length > 0, { path: ['body'], message: t('notes.form.bodyOrFile') });
}

export type NoteValues = z.infer<ReturnType<typeof noteSchema>>;

const FIELDS = ['title', 'body', 'conversationDate', 'place', 'facilitator', 'participants', 'segments', 'tags',
  'webinarId', 'visibility'] as const;

export function noteValues(note?: Note, webinarId = ''): NoteValues {
  return {
    title: note?.title ?? '',
    body: note?.body ?? '',
    conversationDate: note?.conversationDate ?? today(),
    place: note?.place ?? '',
    facilitator: note?.facilitator ?? '',
    participants: note?.participants != null ? String(note.participants) : '',
    segments: note?.segments.join(', ') ?? '',
    tags: note?.tags.join(', ') ?? '',
    webinarId: note?.webinarId ?? webinarId,
    visibility: note?.visibility ?? 'cohort',
  };
}

export function noteInput(values: NoteValues): NoteInput {
  return {
    title: values.title.trim(),
    body: values.body.trim() ? values.body : undefined,
    conversationDate: values.conversationDate,
    place: values.place.trim(),
    facilitator: values.facilitator.trim(),
    participants: values.participants === '' ? null : Number(values.participants),
    segments: splitLabels(values.segments),
    tags: splitLabels(values.tags),
    webinarId: values.webinarId || null,
    visibility: values.visibility,
  };
}

interface Props {
  initial: NoteValues;
  webinars: Webinar[];
  submitLabel: string;
  onSubmit: (values: NoteValues) => Promise<unknown>;
  error?: unknown;
  /** The body is required unless files come along (upload with files). */
  bodyRequired: () => boolean;
  /** Extra content before the submit button (the file picker of the upload). */
  children?: ReactNode;
  busy?: boolean;
}

export function NoteForm({ initial, webinars, submitLabel, onSubmit, error, bodyRequired, children, busy }: Props) {
  const { t } = useTranslation();
  const schema = useMemo(() => noteSchema(t, bodyRequired), [t, bodyRequired]);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } =
    useForm<NoteValues>({ resolver: zodResolver(schema), defaultValues: initial });
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
      <Field label={t('notes.form.title')} error={errors.title?.message} required>
        {(p) => <input {...p} {...register('title')} maxLength={200} />}
      </Field>
      <div className="row">
        <Field label={t('notes.form.date')} error={errors.conversationDate?.message} required>
          {(p) => <input {...p} type="date" max={today()} {...register('conversationDate')} />}
        </Field>
        <Field label={t('notes.form.participants')} error={errors.participants?.message}>
          {(p) => <input {...p} type="number" min={0} max={10000} inputMode="numeric" {...register('participants')} />}
        </Field>
      </div>
      <div className="row">
        <Field label={t('notes.form.place')} error={errors.place?.message} required>
          {(p) => <input {...p} {...register('place')} maxLength={200} />}
        </Field>
        <Field label={t('notes.form.facilitator')} error={errors.facilitator?.message} required>
          {(p) => <input {...p} {...register('facilitator')} maxLength={200} />}
        </Field>
      </div>
      <Field label={t('notes.form.body')} hint={t('notes.form.bodyHint')} error={errors.body?.message}>
        {(p) => <textarea {...p} {...register('body')} rows={10} />}
      </Field>
      <div className="row">
        <Field label={t('notes.form.segments')} hint={t('notes.form.commaHint')} error={errors.segments?.message}>
          {(p) => <input {...p} {...register('segments')} />}
        </Field>
        <Field label={t('notes.form.tags')} hint={t('notes.form.commaHint')} error={errors.tags?.message}>
          {(p) => <input {...p} {...register('tags')} />}
        </Field>
      </div>
      <Field label={t('notes.form.webinar')} error={errors.webinarId?.message}>
        {(p) => (
          <select {...p} {...register('webinarId')}>
            <option value="">{t('notes.form.noWebinar')}</option>
            {webinars.map((w) => <option key={w.id} value={w.id}>{w.title}</option>)}
          </select>
        )}
      </Field>
      <fieldset className="choices">
        <legend>{t('notes.form.visibility')}</legend>
        <label className="check">
          <input type="radio" value="cohort" {...register('visibility')} /> {t('notes.visibility.cohort')}
        </label>
        <label className="check">
          <input type="radio" value="private" {...register('visibility')} /> {t('notes.visibility.private')}
        </label>
        {errors.visibility?.message && <p className="field-error">{errors.visibility.message}</p>}
      </fieldset>
      {children}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting || busy}>{submitLabel}</button>
      </div>
    </form>
  );
}
