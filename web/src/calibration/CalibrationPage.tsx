import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isStaff, useUser } from '../auth/session';
import { Page } from '../ui/Page';
import { QueryState } from '../ui/States';
import { useLibraries } from '../roster/api';
import { useCalibrations } from './api';
import { CalibrationForm } from './CalibrationForm';
import { Stages } from './Stages';
import { Timeline } from './Timeline';

export function CalibrationPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  const staff = isStaff(user);
  const [search, setSearch] = useSearchParams();
  const libraries = useLibraries();
  const libraryId = staff ? search.get('library') ?? libraries.data?.[0]?.id ?? null : user?.libraryId ?? null;
  const history = useCalibrations(libraryId);
  const libraryName = libraries.data?.find((l) => l.id === libraryId)?.name;

  return (
    <Page title={t('calibration.title')} lead={t('calibration.lead')}>
      {staff && (
        <div className="filters">
          <div className="field">
            <label htmlFor="calibration-library">{t('calibration.library')}</label>
            <select id="calibration-library" value={libraryId ?? ''} onChange={(e) => setSearch({ library: e.target.value }, { replace: true })}>
              {(libraries.data ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </div>
        </div>
      )}
      <div className="two-columns">
        <section aria-labelledby="stages-title" className="section">
          <h2 id="stages-title">{t('calibration.stagesTitle')}</h2>
          <Stages current={history.data?.current ?? null} />
        </section>
        <div>
          {libraryId && !staff && (
            <section aria-labelledby="record-title" className="section">
              <h2 id="record-title">{t('calibration.recordTitle')}</h2>
              <CalibrationForm libraryId={libraryId} />
            </section>
          )}
          <section aria-labelledby="history-title" className="section">
            <h2 id="history-title">{libraryName ? t('calibration.historyOf', { name: libraryName }) : t('calibration.history')}</h2>
            {libraryId ? (
              <QueryState query={history}>{(h) => <Timeline history={h} />}</QueryState>
            ) : (
              <p className="empty">{t('calibration.noLibrary')}</p>
            )}
          </section>
        </div>
      </div>
    </Page>
  );
}

export { CalibrationPage as Component };
