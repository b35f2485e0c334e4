import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CalibrationHistory } from '../api/types';
import { useFormat } from '../i18n/format';
import { Empty } from '../ui/States';

/** A library's calibrations, newest first, as a timeline. */
export function Timeline({ history }: { history: CalibrationHistory }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (history.history.length === 0) return <Empty>{t('calibration.emptyHistory')}</Empty>;
  return (
    <ol className="timeline">
      {history.history.map((c) => (
        <li key={c.id}>
          <p className="timeline-date"><time dateTime={c.calibratedAt}>{format.day(c.calibratedAt)}</time></p>
          <div className="card">
            <h3>{t(`stages.${c.stage}.name`)}</h3>
            <p className="muted small">
              {c.previousStage ? t('calibration.previously', { stage: t(`stages.${c.previousStage}.name`) }) : t('calibration.first')}
            </p>
            <p className="reasons">{c.reasons}</p>
            {c.supportingNoteIds.length > 0 && (
              <p className="small">
                {t('calibration.supporting')}{' '}
                {c.supportingNoteIds.map((id, i) => (
                  <span key={id}>{i > 0 && ', '}<Link to={`/notes/${id}`}>{t('calibration.noteN', { n: i + 1 })}</Link></span>
                ))}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
