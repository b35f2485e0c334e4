import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../api/types';
import { Field } from '../ui/Field';
import { applyServerErrors } from '../ui/formErrors';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useNotes } from '../notes/api';
import { useCalibrate } from './api';

export function CalibrationForm({ libraryId }: { libraryId: string }) {
  const { t } = useTranslation();
  const schema = useMemo(() => z.object({
    stage: z.enum(STAGES, { error: t('calibration.chooseStage') }),
    reasons: z.string().trim().min(1, t('validation.required')).max(4000, t('validation.max', { count: 4000 })),
    supportingNoteIds: z.array(z.string()).max(50),
  }), [t]);
  type Values = z.infer<typeof schema>;
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting } } =
    useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reasons: '', supportingNoteIds: [] } });
  const calibrate = useCalibrate(libraryId);
  const notes = useNotes({ libraryId }, 20);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  useEffect(() => {
    const error = calibrate.error;
    setUnplaced(error && !applyServerErrors(error, setError, ['stage', 'reasons', 'supportingNoteIds']) ? error : null);
  }, [calibrate.error, setError]);

  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit((values) => calibrate.mutateAsync(values).then(() => reset()).catch(() => undefined))}
    >
      {unplaced ? <ProblemMessage error={unplaced} showFieldErrors /> : null}
      {calibrate.isSuccess && <p role="status" className="ok">{t('calibration.recorded')}</p>}
      <fieldset className="choices" aria-describedby={errors.stage ? 'stage-error' : undefined}>
        <legend>{t('calibration.stage')}</legend>
        {STAGES.map((stage) => (
          <label key={stage} className="check">
            <input type="radio" value={stage} {...register('stage')} aria-invalid={errors.stage ? true : undefined} />
            {t(`stages.${stage}.name`)}
          </label>
        ))}
        {errors.stage?.message && <p id="stage-error" className="field-error">{errors.stage.message}</p>}
      </fieldset>
      <Field label={t('calibration.reasons')} hint={t('calibration.reasonsHint')} error={errors.reasons?.message} required>
        {(p) => <textarea {...p} rows={5} maxLength={4000} {...register('reasons')} />}
      </Field>
      {(notes.data?.items.length ?? 0) > 0 && (
        <fieldset className="checks">
          <legend>{t('calibration.supportingNotes')}</legend>
          {notes.data!.items.map((n) => (
            <label key={n.id} className="check">
              <input type="checkbox" value={n.id} {...register('supportingNoteIds')} /> {n.title}
            </label>
          ))}
        </fieldset>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>{t('calibration.record')}</button>
      </div>
    </form>
  );
}
