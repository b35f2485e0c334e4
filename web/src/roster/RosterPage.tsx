import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { Page } from '../ui/Page';
import { ProblemMessage } from '../ui/ProblemMessage';
import { QueryState } from '../ui/States';
import { useFormat } from '../i18n/format';
import { roster, useCohortLibraries, useCohorts, useMembers, useRosterChange, useStaffList } from './api';
import { RosterForm } from './RosterForm';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Removal {
  kind: 'library' | 'member';
  id: string;
  name: string;
}

/** Staff: cohorts, their libraries, each library's team, and the program staff; add and remove. */
export function RosterPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useSearchParams();
  const cohorts = useCohorts();
  const cohortId = search.get('cohort') ?? cohorts.data?.[0]?.id ?? null;
  const libraries = useCohortLibraries(cohortId);
  const libraryId = search.get('library') ?? libraries.data?.[0]?.id ?? null;
  const members = useMembers(libraryId);
  const staff = useStaffList(true);
  const [removal, setRemoval] = useState<Removal | null>(null);
  const remove = useRosterChange((r: Removal) => (r.kind === 'library' ? roster.removeLibrary(r.id) : roster.removeMember(r.id)));
  const createCohort = useRosterChange(roster.createCohort);
  const addLibrary = useRosterChange(roster.addLibrary);
  const addMember = useRosterChange(roster.addMember);
  const addStaff = useRosterChange(roster.addStaff);
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []), []);

  const required = t('validation.required');
  const email = z.string().trim().min(1, required).max(254).email(t('validation.email'));
  const cohortSchema = z.object({
    name: z.string().trim().min(1, required).max(200),
    slug: z.string().trim().min(1, required).max(100).regex(SLUG, t('validation.slug')),
    startsOn: z.string().min(1, required),
    endsOn: z.string().min(1, required),
  }).refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, { path: ['endsOn'], message: t('validation.endAfterStart') });
  const librarySchema = z.object({
    name: z.string().trim().min(1, required).max(200),
    city: z.string().trim().min(1, required).max(100),
    state: z.string().trim().regex(/^[A-Za-z]{2}$/, t('validation.state')),
    contactEmail: email,
    timeZone: z.string().trim().min(1, required).max(64)
      .refine((v) => zones.length === 0 || zones.includes(v) || v === 'UTC', t('validation.timeZone')),
  });
  const memberSchema = z.object({
    name: z.string().trim().min(1, required).max(200),
    email,
    teamRole: z.string().trim().max(100),
  });
  const staffSchema = z.object({ name: z.string().trim().min(1, required).max(200), email });

  function choose(next: Record<string, string>) {
    const merged = new URLSearchParams(search);
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value);
      else merged.delete(key);
    }
    setSearch(merged, { replace: true });
  }

  return (
    <Page title={t('roster.title')} lead={t('roster.lead')}>
      <datalist id="time-zones">{zones.map((z) => <option key={z} value={z} />)}</datalist>
      {remove.isError && <ProblemMessage error={remove.error} />}
      <section className="section" aria-labelledby="cohorts-title">
        <h2 id="cohorts-title">{t('roster.cohorts')}</h2>
        <QueryState query={cohorts} empty={t('roster.noCohorts')} isEmpty={(c) => c.length === 0}>
          {(list) => (
            <ul className="select-list">
              {list.map((c) => (
                <li key={c.id}>
                  <button type="button" className={c.id === cohortId ? 'selected' : ''} aria-pressed={c.id === cohortId}
                    onClick={() => choose({ cohort: c.id, library: '' })}>
                    {c.name}
                  </button>
                  <span className="muted small"> {format.day(c.startsOn)} – {format.day(c.endsOn)}</span>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        <details>
          <summary>{t('roster.addCohort')}</summary>
          <RosterForm
            title={t('roster.addCohort')}
            schema={cohortSchema}
            defaults={{ name: '', slug: '', startsOn: '', endsOn: '' }}
            fields={[
              { name: 'name', label: t('roster.name'), required: true },
              { name: 'slug', label: t('webinarForm.slug'), required: true, hint: t('webinarForm.slugHint') },
              { name: 'startsOn', label: t('roster.startsOn'), type: 'date', required: true },
              { name: 'endsOn', label: t('roster.endsOn'), type: 'date', required: true },
            ]}
            submitLabel={t('roster.add')}
            onSubmit={(v) => createCohort.mutateAsync(v)}
          />
        </details>
      </section>

      {cohortId && (
        <section className="section" aria-labelledby="libraries-title">
          <h2 id="libraries-title">{t('roster.libraries')}</h2>
          <QueryState query={libraries} empty={t('roster.noLibraries')} isEmpty={(l) => l.length === 0}>
            {(list) => (
              <ul className="select-list">
                {list.map((l) => (
                  <li key={l.id}>
                    <button type="button" className={l.id === libraryId ? 'selected' : ''} aria-pressed={l.id === libraryId}
                      onClick={() => choose({ library: l.id })}>
                      {l.name}
                    </button>
                    <span className="muted small"> {l.city}, {l.state} · {l.timeZone}</span>
                    <Link className="small" to={`/libraries/${l.id}`}>{t('roster.open')}<span className="visually-hidden"> {l.name}</span></Link>
                    <button type="button" className="danger small" onClick={() => setRemoval({ kind: 'library', id: l.id, name: l.name })}>
                      {t('common.remove')}<span className="visually-hidden"> {l.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
          <details>
            <summary>{t('roster.addLibrary')}</summary>
            <RosterForm
              title={t('roster.addLibrary')}
              schema={librarySchema}
              defaults={{ name: '', city: '', state: '', contactEmail: '', timeZone: '' }}
              fields={[
                { name: 'name', label: t('roster.name'), required: true },
                { name: 'city', label: t('roster.city'), required: true },
                { name: 'state', label: t('roster.state'), required: true, hint: t('roster.stateHint') },
                { name: 'contactEmail', label: t('roster.contactEmail'), type: 'email', required: true },
                { name: 'timeZone', label: t('roster.timeZone'), required: true, list: 'time-zones', hint: t('roster.timeZoneHint') },
              ]}
              submitLabel={t('roster.add')}
              onSubmit={(v) => addLibrary.mutateAsync({ cohortId, ...v })}
            />
          </details>
        </section>
      )}

      {libraryId && (
        <section className="section" aria-labelledby="members-title">
          <h2 id="members-title">
            {t('roster.members', { name: libraries.data?.find((l) => l.id === libraryId)?.name ?? '' })}
          </h2>
          <QueryState query={members} empty={t('roster.noMembers')} isEmpty={(m) => m.length === 0}>
            {(list) => (
              <ul className="select-list">
                {list.map((m) => (
                  <li key={m.id}>
                    <span>{m.name}</span>
                    <span className="muted small"> {m.email}{m.teamRole ? ` · ${m.teamRole}` : ''}</span>
                    <button type="button" className="danger small" onClick={() => setRemoval({ kind: 'member', id: m.id, name: m.name })}>
                      {t('common.remove')}<span className="visually-hidden"> {m.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
          <details>
            <summary>{t('roster.addMember')}</summary>
            <RosterForm
              title={t('roster.addMember')}
              schema={memberSchema}
              defaults={{ name: '', email: '', teamRole: '' }}
              fields={[
                { name: 'name', label: t('roster.name'), required: true },
                { name: 'email', label: t('roster.email'), type: 'email', required: true },
                { name: 'teamRole', label: t('roster.teamRole') },
              ]}
              submitLabel={t('roster.add')}
              onSubmit={(v) => addMember.mutateAsync({ libraryId, ...v, teamRole: v.teamRole || undefined })}
            />
          </details>
        </section>
      )}

      <section className="section" aria-labelledby="staff-title">
        <h2 id="staff-title">{t('roster.staff')}</h2>
        <QueryState query={staff} empty={t('roster.noStaff')} isEmpty={(s) => s.length === 0}>
          {(list) => (
            <ul className="select-list">
              {list.map((m) => (
                <li key={m.id}>
                  <span>{m.name}</span>
                  <span className="muted small"> {m.email}</span>
                  <button type="button" className="danger small" onClick={() => setRemoval({ kind: 'member', id: m.id, name: m.name })}>
                    {t('common.remove')}<span className="visually-hidden"> {m.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
        <details>
          <summary>{t('roster.addStaff')}</summary>
          <RosterForm
            title={t('roster.addStaff')}
            schema={staffSchema}
            defaults={{ name: '', email: '' }}
            fields={[
              { name: 'name', label: t('roster.name'), required: true },
              { name: 'email', label: t('roster.email'), type: 'email', required: true },
            ]}
            submitLabel={t('roster.add')}
            onSubmit={(v) => addStaff.mutateAsync(v)}
          />
        </details>
      </section>

      <ConfirmDialog
        open={!!removal}
        title={removal?.kind === 'library' ? t('roster.removeLibraryTitle') : t('roster.removeMemberTitle')}
        message={t('roster.removeText', { name: removal?.name ?? '' })}
        confirmLabel={t('common.remove')}
        busy={remove.isPending}
        onCancel={() => setRemoval(null)}
        onConfirm={() => removal && remove.mutate(removal, { onSettled: () => setRemoval(null) })}
      />
    </Page>
  );
}

export { RosterPage as Component };
