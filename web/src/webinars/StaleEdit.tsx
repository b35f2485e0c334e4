import { useTranslation } from 'react-i18next';
import type { Webinar } from '../api/types';
import { useFormat } from '../i18n/format';
import { valuesOf, type WebinarValues } from './WebinarForm';
import { TableWrap } from '../ui/TableWrap';

interface Props {
  /** The version the edit started from, the reader's values, and the newer version saved meanwhile. */
  base: WebinarValues;
  mine: WebinarValues;
  theirs: Webinar;
  onReapply: () => void;
  onDiscard: () => void;
}

export const SHOWN = ['title', 'slug', 'summary', 'topics', 'seriesPosition', 'durationMinutes', 'recordings', 'resources'] as const;

export function text(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'object' && v ? Object.values(v).filter(Boolean).join(' · ') : String(v))).join('; ');
  }
  return String(value ?? '');
}

/** The fields the reader changed, compared with the version the edit started from. */
export function changedFields(base: WebinarValues, mine: WebinarValues) {
  return SHOWN.filter((key) => text(mine[key]) !== text(base[key]));
}

/** The newer version with the reader's own changes on top: what "apply my change" saves. */
export function reapplied(base: WebinarValues, mine: WebinarValues, theirs: Webinar): WebinarValues {
  const merged: WebinarValues = { ...valuesOf(theirs) };
  for (const key of changedFields(base, mine)) (merged as Record<string, unknown>)[key] = mine[key];
  return merged;
}

/** 412: someone else saved a newer version while this one was being edited. */
export function StaleEdit({ base, mine, theirs, onReapply, onDiscard }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const newer = valuesOf(theirs);
  const differing = changedFields(base, mine).filter((key) => text(mine[key]) !== text(newer[key]));
  return (
    <section className="stale" role="alert" aria-labelledby="stale-title">
      <h2 id="stale-title">{t('stale.title')}</h2>
      <p>{t('stale.text', { date: format.dateTime(theirs.updatedAt) })}</p>
      {differing.length > 0 ? (
        <TableWrap label={t('stale.caption')}>
          <table>
            <caption>{t('stale.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stale.field')}</th>
                <th scope="col">{t('stale.theirs')}</th>
                <th scope="col">{t('stale.mine')}</th>
              </tr>
            </thead>
            <tbody>
              {differing.map((key) => (
                <tr key={key}>
                  <th scope="row">{t(`stale.fields.${key}`)}</th>
                  <td>{text(newer[key])}</td>
                  <td>{text(mine[key])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p>{t('stale.same')}</p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onReapply}>{t('stale.reapply')}</button>
        <button type="button" className="secondary" onClick={onDiscard}>{t('stale.discard')}</button>
      </div>
    </section>
  );
}
