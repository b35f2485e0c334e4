import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useUser } from '../auth/session';
import { Page } from '../ui/Page';
import { Pager } from '../ui/Pager';
import { QueryState, Skeleton, SkeletonCards, SkeletonLines } from '../ui/States';
import { useLibraries, useLibraryName } from '../roster/api';
import { PAGE_SIZE, useNotes, type NoteFilter } from './api';
import { NoteSummary } from './NoteSummary';

const KEYS = ['libraryId', 'from', 'to', 'segment', 'tag', 'q'] as const;

/** Notes the reader may see, with filters kept in the address (a filtered list can be shared). */
export function NotesPage() {
  const { t } = useTranslation();
  const user = useUser().data;
  const [params, setParams] = useSearchParams();
  const libraries = useLibraries();
  const nameOf = useLibraryName();
  const filter: NoteFilter = { page: Number(params.get('page') ?? 0) || 0 };
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  const [draft, setDraft] = useState<Record<string, string>>(
    Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])));
  const notes = useNotes(filter);
  const filtered = KEYS.some((k) => params.get(k));

  function apply(next: Record<string, string>, page = 0) {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value.trim()) search.set(key, value.trim());
    if (page > 0) search.set('page', String(page));
    setParams(search);
  }

  return (
    <Page
      title={t('notes.title')}
      lead={t('notes.lead')}
      actions={user?.libraryId && <Link className="button primary" to="/notes/new">{t('notes.upload')}</Link>}
    >
      <form
        className="filters"
        role="search"
        aria-label={t('notes.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <div className="field">
          <label htmlFor="notes-q">{t('notes.search')}</label>
          <input id="notes-q" type="search" value={draft.q} maxLength={500}
            onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="notes-library">{t('notes.library')}</label>
          <select id="notes-library" value={draft.libraryId} onChange={(e) => setDraft({ ...draft, libraryId: e.target.value })}>
            <option value="">{t('notes.allLibraries')}</option>
            {(libraries.data ?? []).map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="notes-from">{t('notes.from')}</label>
          <input id="notes-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="notes-to">{t('notes.to')}</label>
          <input id="notes-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="notes-segment">{t('notes.segment')}</label>
          <input id="notes-segment" value={draft.segment} maxLength={100}
            onChange={(e) => setDraft({ ...draft, segment: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="notes-tag">{t('notes.tag')}</label>
          <input id="notes-tag" value={draft.tag} maxLength={100} onChange={(e) => setDraft({ ...draft, tag: e.target.value })} />
        </div>
        <div className="filter-buttons">
          <button type="submit">{t('common.apply')}</button>
          {filtered && (
            <button type="button" className="secondary" onClick={() => {
              setDraft(Object.fromEntries(KEYS.map((k) => [k, ''])));
              apply({});
            }}>{t('common.clear')}</button>
          )}
        </div>
      </form>
      <QueryState
        query={notes}
        loadingLabel={t('notes.loading')}
        placeholder={(
          <Skeleton label={t('notes.loading')}>
            <SkeletonLines widths={['10rem']} />
            <SkeletonCards count={3} height="9rem" />
          </Skeleton>
        )}
        // Each note names its library: drawn once the names are known, not re-wrapped when they come.
        waitFor={[libraries]}
        empty={filtered ? t('notes.noMatch') : t('notes.empty')}
        isEmpty={(p) => p.items.length === 0}
      >
        {(page) => (
          <>
            <p className="muted" role="status">{t('notes.count', { count: page.total })}</p>
            <div className="stack">
              {page.items.map((note) => <NoteSummary key={note.id} note={note} libraryName={nameOf(note.libraryId)} />)}
            </div>
            <Pager page={page.page} size={PAGE_SIZE} total={page.total} onPage={(p) => apply(draft, p)} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

export { NotesPage as Component };
