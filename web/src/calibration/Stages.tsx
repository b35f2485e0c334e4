import { useTranslation } from 'react-i18next';
import { STAGES, type Stage } from '../api/types';

/** The five stages of community life, explained; the current one marked. */
export function Stages({ current }: { current: Stage | null }) {
  const { t } = useTranslation();
  return (
    <ol className="stages">
      {STAGES.map((stage) => (
        <li key={stage} className={stage === current ? 'stage current' : 'stage'} aria-current={stage === current ? 'step' : undefined}>
          <h3>{t(`stages.${stage}.name`)}{stage === current && <span className="badge badge-good">{t('calibration.current')}</span>}</h3>
          <p>{t(`stages.${stage}.text`)}</p>
        </li>
      ))}
    </ol>
  );
}
