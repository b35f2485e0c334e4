import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { download, request } from '../api/client';
import { isStaff, useUser } from '../auth/session';
import { Markdown } from '../notes/Markdown';
import { Page } from '../ui/Page';
import { ProblemMessage } from '../ui/ProblemMessage';
import { QueryState } from '../ui/States';
import { useLibraries } from '../roster/api';

/** A library's public-knowledge report (themes with evidence, calibration history): Markdown or CSV. */
export function ReportsPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  const staff = isStaff(user);
  const libraries = useLibraries();
  const [search, setSearch] = useSearchParams();
  const libraryId = staff ? search.get('library') ?? libraries.data?.[0]?.id ?? null : user?.libraryId ?? null;
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState(false);
  const markdown = useQuery({
    queryKey: ['report', libraryId],
    queryFn: ({ signal }) =>
      request<string>(`/api/notes/reports/${libraryId}`, { accept: 'text/markdown', signal }).then((a) => a.data),
    enabled: preview && !!libraryId,
  });
  const path = `/api/notes/reports/${libraryId}`;
  const name = libraries.data?.find((l) => l.id === libraryId)?.name;

  return (
    <Page title={t('reports.title')} lead={t('reports.lead')}>
      {staff && (
        <div className="filters">
          <div className="field">
            <label htmlFor="report-library">{t('reports.library')}</label>
            <select id="report-library" value={libraryId ?? ''} onChange={(e) => { setPreview(false); setSearch({ library: e.target.value }, { replace: true }); }}>
              {(libraries.data ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
            </select>
          </div>
        </div>
      )}
      {!libraryId ? <p className="empty">{t('reports.noLibrary')}</p> : (
        <>
          {name && <h2>{name}</h2>}
          <div className="actions">
            <button type="button" className="primary" onClick={() => {
              setError(null);
              download(path, 'text/markdown', `public-knowledge-${libraryId}.md`).catch(setError);
            }}>{t('reports.markdown')}</button>
            <button type="button" className="secondary" onClick={() => {
              setError(null);
              download(path, 'text/csv', `public-knowledge-${libraryId}.csv`).catch(setError);
            }}>{t('reports.csv')}</button>
            <button type="button" className="secondary" aria-expanded={preview} aria-controls="report-preview" onClick={() => setPreview((p) => !p)}>
              {preview ? t('reports.hidePreview') : t('reports.preview')}
            </button>
          </div>
          {error ? <ProblemMessage error={error} /> : null}
          <div id="report-preview">
            {preview && (
              <QueryState query={markdown}>
                {(text) => <div className="card report" lang="en"><Markdown text={text} /></div>}
              </QueryState>
            )}
          </div>
        </>
      )}
    </Page>
  );
}

export { ReportsPage as Component };
