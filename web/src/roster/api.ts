import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, request } from '../api/client';
import type { Cohort, Library, Member, User } from '../api/types';
import { isStaff, useUser } from '../auth/session';

export function useCohorts(enabled = true) {
  return useQuery({
    queryKey: ['cohorts'],
    queryFn: ({ signal }) => get<Cohort[]>('/api/catalog/cohorts', signal),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCohortLibraries(cohortId: string | null | undefined) {
  return useQuery({
    queryKey: ['libraries', cohortId],
    queryFn: ({ signal }) => get<Library[]>(`/api/catalog/cohorts/${cohortId}/libraries`, signal),
    enabled: !!cohortId,
    staleTime: 5 * 60_000,
  });
}

async function visibleLibraries(user: User, signal?: AbortSignal): Promise<Library[]> {
  if (!isStaff(user)) {
    return user.cohortId ? get<Library[]>(`/api/catalog/cohorts/${user.cohortId}/libraries`, signal) : [];
  }
  const cohorts = await get<Cohort[]>('/api/catalog/cohorts', signal);
  const lists = await Promise.all(cohorts.map((c) => get<Library[]>(`/api/catalog/cohorts/${c.id}/libraries`, signal)));
  return lists.flat();
}

/** Every library the reader may see: a member's cohort, or every cohort's for staff. */
export function useLibraries() {
  const user = useUser().data;
  return useQuery({
    queryKey: ['libraries', 'visible', user?.subject],
    queryFn: ({ signal }) => visibleLibraries(user!, signal),
    enabled: !!user,
    staleTime: 5 * 60_000,
  });
}

/** A library's name for display; the id itself when it is not (or no longer) on the roster. */
export function useLibraryName() {
  const libraries = useLibraries().data ?? [];
  return (id: string | null | undefined) => libraries.find((l) => l.id === id)?.name ?? id ?? '';
}

export function useMembers(libraryId: string | null | undefined) {
  return useQuery({
    queryKey: ['members', libraryId],
    queryFn: ({ signal }) => get<Member[]>(`/api/catalog/libraries/${libraryId}/members`, signal),
    enabled: !!libraryId,
  });
}

export function useStaffList(enabled: boolean) {
  return useQuery({
    queryKey: ['staff'],
    queryFn: ({ signal }) => get<Member[]>('/api/catalog/staff', signal),
    enabled,
  });
}

/** A roster change, then the lists that show it are read again. */
export function useRosterChange<T>(run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['cohorts'] }),
        client.invalidateQueries({ queryKey: ['libraries'] }),
        client.invalidateQueries({ queryKey: ['members'] }),
        client.invalidateQueries({ queryKey: ['staff'] }),
      ]);
    },
  });
}

export const roster = {
  createCohort: (body: { name: string; slug: string; startsOn: string; endsOn: string }) =>
    request<Cohort>('/api/catalog/cohorts', { method: 'POST', body }),
  addLibrary: ({ cohortId, ...body }: { cohortId: string; name: string; city: string; state: string; contactEmail: string; timeZone: string }) =>
    request<Library>(`/api/catalog/cohorts/${cohortId}/libraries`, { method: 'POST', body }),
  removeLibrary: (id: string) => request<void>(`/api/catalog/libraries/${id}`, { method: 'DELETE' }),
  addMember: ({ libraryId, ...body }: { libraryId: string; name: string; email: string; teamRole?: string }) =>
    request<Member>(`/api/catalog/libraries/${libraryId}/members`, { method: 'POST', body }),
  addStaff: (body: { name: string; email: string }) => request<Member>('/api/catalog/staff', { method: 'POST', body }),
  removeMember: (id: string) => request<void>(`/api/catalog/members/${id}`, { method: 'DELETE' }),
};
