import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download, get } from '../api/client';
import type { ProgressMatrix } from '../api/types';
import { useFormat } from '../i18n/format';
import { Page } from '../ui/Page';
import { ProblemMessage } from '../ui/ProblemMessage';
import { QueryState } from '../ui/States';
import { useCohorts } from '../roster/api';
import { TableWrap } from '../ui/TableWrap';

function level(cell: ProgressMatrix['rows'][number]['cells'][number]): number {
  const parts = 1 + cell.resourcesTotal;
  const done = (cell.watched ? 1 : 0) + cell.resourcesDone.length;
  return Math.round((done / parts) * 4);
}

/** Staff: the cohort's library × webinar matrix as a heat map, and as CSV. */
export function ProgressPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const cohorts = useCohorts();
  const [search, setSearch] = useSearchParams();
  const cohortId = search.get('cohort') ?? cohorts.data?.[0]?.id ?? null;
  const matrix = useQuery({
    queryKey: ['progress-matrix', cohortId],
    queryFn: ({ signal }) => get<ProgressMatrix>(`/api/catalog/cohorts/${cohortId}/progress`, signal),
    enabled: !!cohortId,
  });
  const [downloadError, setDownloadError] = useState<unknown>(null);

  return (
    <Page
      title={t('progress.title')}
      lead={t('progress.lead')}
      actions={cohortId && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDownloadError(null);
            download(`/api/catalog/cohorts/${cohortId}/progress`, 'text/csv', `progress-${cohortId}.csv`).catch(setDownloadError);
          }}
        >
          {t('progress.csv')}
        </button>
      )}
    >
      {downloadError ? <ProblemMessage error={downloadError} /> : null}
      <div className="filters">
        <div className="field">
          <label htmlFor="progress-cohort">{t('progress.cohort')}</label>
          <select id="progress-cohort" value={cohortId ?? ''} onChange={(e) => setSearch({ cohort: e.target.value }, { replace: true })}>
            {(cohorts.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
      </div>
      {cohorts.isSuccess && cohorts.data.length === 0 && <p className="empty">{t('progress.noCohorts')}</p>}
      {cohortId && (
        <QueryState query={matrix} empty={t('progress.empty')} isEmpty={(m) => m.rows.length === 0 || m.webinars.length === 0}>
          {(m) => (
            <>
              <TableWrap label={t('progress.caption', { name: m.cohortName })}>
                <table className="heat progress-matrix">
                  <caption>{t('progress.caption', { name: m.cohortName })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('progress.library')}</th>
                      {m.webinars.map((w) => (
                        <th scope="col" key={w.webinarId}>
                          <Link to={`/webinars/${w.slug}`}>{w.seriesPosition}. {w.title}</Link>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {m.rows.map((row) => (
                      <tr key={row.libraryId}>
                        <th scope="row"><Link to={`/libraries/${row.libraryId}`}>{row.libraryName}</Link></th>
                        {row.cells.map((cell) => (
                          <td key={cell.webinarId} className={`heat-${level(cell)}`}>
                            <span>{cell.watched ? t('progress.watched') : t('progress.notWatched')}</span>
                            {cell.resourcesTotal > 0 && (
                              <span className="small"> · {t('progress.resources', {
                                done: format.number(cell.resourcesDone.length), total: format.number(cell.resourcesTotal),
                              })}</span>
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              <p className="legend muted small">{t('progress.legend')}</p>
            </>
          )}
        </QueryState>
      )}
    </Page>
  );
}

export { ProgressPage as Component };
