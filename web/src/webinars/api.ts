import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../api/client';
import { ApiError } from '../api/problem';
import type { Page, Progress, Webinar, WebinarInput } from '../api/types';

export interface WebinarFilter {
  status?: string;
  q?: string;
  topic?: string;
}

export function useWebinars(filter: WebinarFilter = {}) {
  return useQuery({
    queryKey: ['webinars', filter],
    queryFn: ({ signal }) =>
      get<Page<Webinar>>(`/api/catalog/webinars${query({ ...filter, sort: 'position', size: 100 })}`, signal),
  });
}

export function useTopics() {
  return useQuery({
    queryKey: ['topics'],
    queryFn: ({ signal }) => get<string[]>('/api/catalog/topics', signal),
    staleTime: Infinity,
  });
}

/** Email links use the slug, or the id when a webinar had none: try the slug first, then the id. */
export async function findWebinar(key: string, staff: boolean, signal?: AbortSignal): Promise<{ webinar: Webinar; etag: string }> {
  const page = await get<Page<Webinar>>(
    `/api/catalog/webinars${query({ slug: key, status: staff ? 'all' : 'published' })}`, signal);
  const id = page.items[0]?.id ?? key;
  const answer = await request<Webinar>(`/api/catalog/webinars/${encodeURIComponent(id)}`, { signal });
  return { webinar: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
}

export function useWebinar(key: string, staff: boolean) {
  return useQuery({
    queryKey: ['webinar', key, staff],
    queryFn: ({ signal }) => findWebinar(key, staff, signal),
  });
}

export function useLibraryProgress(libraryId: string | null | undefined) {
  return useQuery({
    queryKey: ['progress', libraryId],
    queryFn: ({ signal }) => get<Progress[]>(`/api/catalog/libraries/${libraryId}/progress`, signal),
    enabled: !!libraryId,
  });
}

export function useMarkProgress(libraryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ webinarId, resourceKey, done }: { webinarId: string; resourceKey?: string; done: boolean }) => {
      const path = `/api/catalog/libraries/${libraryId}/progress/${webinarId}/${resourceKey ? `resources/${encodeURIComponent(resourceKey)}` : 'watched'}`;
      return request<Progress>(path, { method: done ? 'PUT' : 'DELETE' }).then((a) => a.data);
    },
    onSuccess: (updated) => {
      client.setQueryData<Progress[]>(['progress', libraryId], (old) => {
        const rest = (old ?? []).filter((p) => p.webinarId !== updated.webinarId);
        return [...rest, updated];
      });
    },
  });
}

export function useWebinarAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ webinar, action }: { webinar: Webinar; action: 'publish' | 'archive' }) =>
      request<Webinar>(`/api/catalog/webinars/${webinar.id}/${action}`, {
        method: 'POST',
        ifMatch: `"${webinar.version}"`,
      }).then((a) => a.data),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webinars'] }).then(() =>
      client.invalidateQueries({ queryKey: ['webinar'] })),
  });
}

export function useReorder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      request<Webinar[]>('/api/catalog/webinars/reorder', { method: 'POST', body: { ids } }).then((a) => a.data),
    onSettled: () => client.invalidateQueries({ queryKey: ['webinars'] }),
  });
}

export async function createWebinar(input: WebinarInput): Promise<Webinar> {
  return (await request<Webinar>('/api/catalog/webinars', { method: 'POST', body: input })).data;
}

export async function updateWebinar(id: string, input: WebinarInput, etag: string): Promise<{ webinar: Webinar; etag: string }> {
  const answer = await request<Webinar>(`/api/catalog/webinars/${id}`, { method: 'PUT', body: input, ifMatch: etag });
  return { webinar: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
}

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === 412;
}
