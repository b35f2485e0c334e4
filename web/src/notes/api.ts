import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { get, query, request } from '../api/client';
import type { AttachmentText, Note, NoteInput, Page } from '../api/types';

export interface NoteFilter {
  libraryId?: string;
  from?: string;
  to?: string;
  segment?: string;
  tag?: string;
  q?: string;
  page?: number;
}

export const PAGE_SIZE = 20;

export function useNotes(filter: NoteFilter, size = PAGE_SIZE) {
  return useQuery({
    queryKey: ['notes', filter, size],
    queryFn: ({ signal }) => get<Page<Note>>(`/api/notes${query({ ...filter, size })}`, signal),
    placeholderData: (previous) => previous,
  });
}

/** A failed extraction is retried by the server: the page asks again until it settles. */
export function needsPolling(note: Note | undefined): boolean {
  return !!note && note.attachments.some((a) => a.extraction === 'failed' && a.extractionAttempts < 6);
}

export function useNote(id: string) {
  return useQuery({
    queryKey: ['note', id],
    queryFn: async ({ signal }) => {
      const answer = await request<Note>(`/api/notes/${encodeURIComponent(id)}`, { signal });
      return { note: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
    },
    refetchInterval: (q) => (needsPolling(q.state.data?.note) ? 4000 : false),
  });
}

export function useAttachmentText(noteId: string, attachmentId: string, enabled: boolean, version: number) {
  return useQuery({
    queryKey: ['attachment-text', noteId, attachmentId, version],
    queryFn: ({ signal }) =>
      get<AttachmentText>(`/api/notes/${noteId}/attachments/${attachmentId}/text`, signal),
    enabled,
  });
}

export async function updateNote(id: string, input: NoteInput, etag: string) {
  const answer = await request<Note>(`/api/notes/${id}`, { method: 'PUT', body: input, ifMatch: etag });
  return { note: answer.data, etag: answer.etag ?? `"${answer.data.version}"` };
}

export function useDeleteNote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag }: { id: string; etag: string }) =>
      request<void>(`/api/notes/${id}`, { method: 'DELETE', ifMatch: etag }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notes'] }),
  });
}

/** Comma-separated labels to a list, and back. */
export function splitLabels(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
