import { useEffect, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { Field } from '../ui/Field';
import { applyServerErrors } from '../ui/formErrors';
import { ProblemMessage } from '../ui/ProblemMessage';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'date';
  required?: boolean;
  hint?: string;
  list?: string;
}

interface Props<T extends FieldValues> {
  title: string;
  schema: z.ZodType<T, T>;
  fields: FieldSpec[];
  defaults: DefaultValues<T>;
  submitLabel: string;
  onSubmit: (values: T) => Promise<unknown>;
}

/** A small add form of the roster: client checks first, then the server's field errors in place. */
export function RosterForm<T extends FieldValues>({ title, schema, fields, defaults, submitLabel, onSubmit }: Props<T>) {
  const { t } = useTranslation();
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting } } =
    useForm<T>({ resolver: zodResolver(schema), defaultValues: defaults });
  const [error, setFailure] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    setUnplaced(error && !applyServerErrors(error, setError, fields.map((f) => f.name)) ? error : null);
  }, [error, setError, fields]);

  return (
    <form
      className="form compact"
      noValidate
      aria-label={title}
      onSubmit={handleSubmit(async (values) => {
        setFailure(null);
        setDone(false);
        try {
          await onSubmit(values);
          reset(defaults);
          setDone(true);
        } catch (e) {
          setFailure(e);
        }
      })}
    >
      <h3>{title}</h3>
      {unplaced ? <ProblemMessage error={unplaced} showFieldErrors /> : null}
      {done && <p role="status" className="ok">{t('roster.added')}</p>}
      <div className="row wrap">
        {fields.map((f) => (
          <Field key={f.name} label={f.label} hint={f.hint} required={f.required}
            error={(errors as Record<string, { message?: string }>)[f.name]?.message}>
            {(p) => <input {...p} type={f.type ?? 'text'} list={f.list} {...register(f.name as Path<T>)} />}
          </Field>
        ))}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={isSubmitting}>{submitLabel}</button>
      </div>
    </form>
  );
}
