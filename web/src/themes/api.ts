import { useQueries, useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client';
import type { Library, Themes } from '../api/types';

export interface Range {
  from?: string;
  to?: string;
}

export function useLibraryThemes(libraryId: string | null | undefined, range: Range) {
  return useQuery({
    queryKey: ['themes', 'library', libraryId, range],
    queryFn: ({ signal }) => get<Themes>(`/api/notes/themes${query({ libraryId, ...range })}`, signal),
    enabled: !!libraryId,
  });
}

export function useCohortThemes(cohortId: string | null | undefined, range: Range) {
  return useQuery({
    queryKey: ['themes', 'cohort', cohortId, range],
    queryFn: ({ signal }) => get<Themes>(`/api/notes/themes/cohort${query({ cohortId, ...range })}`, signal),
    enabled: !!cohortId,
  });
}

/** Staff: every library's themes of one cohort, for the library × theme heat map. */
export function useThemesPerLibrary(libraries: Library[], range: Range, enabled: boolean) {
  return useQueries({
    queries: libraries.map((library) => ({
      queryKey: ['themes', 'library', library.id, range],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        get<Themes>(`/api/notes/themes${query({ libraryId: library.id, ...range })}`, signal),
      enabled,
    })),
  });
}
