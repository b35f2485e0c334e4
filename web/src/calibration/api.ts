import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../api/client';
import type { Calibration, CalibrationHistory, Stage } from '../api/types';

export function useCalibrations(libraryId: string | null | undefined) {
  return useQuery({
    queryKey: ['calibrations', libraryId],
    queryFn: ({ signal }) => get<CalibrationHistory>(`/api/notes/calibrations${query({ libraryId })}`, signal),
    enabled: !!libraryId,
  });
}

export function useCalibrate(libraryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { stage: Stage; reasons: string; supportingNoteIds: string[] }) =>
      request<Calibration>('/api/notes/calibrations', { method: 'POST', body: { libraryId, ...body } }).then((a) => a.data),
    onSuccess: () => client.invalidateQueries({ queryKey: ['calibrations', libraryId] }),
  });
}
