import { useQuery } from '@tanstack/react-query';
import { get, query, request } from '../api/client';
import { ApiError, problemOf } from '../api/problem';
import type { Delivery, DigestPreview, Frequency, Page, Preferences, UnsubscribeTarget } from '../api/types';

export function usePreferences() {
  return useQuery({
    queryKey: ['preferences'],
    queryFn: ({ signal }) => get<Preferences>('/api/notifications/preferences/me', signal),
  });
}

export async function savePreferences(body: Omit<Preferences, 'recipientId' | 'email' | 'customized'>) {
  return (await request<Preferences>('/api/notifications/preferences/me', { method: 'PUT', body })).data;
}

export interface DeliveryFilter {
  status?: string;
  recipient?: string;
  kind?: string;
  page?: number;
}

export function useDeliveries(filter: DeliveryFilter) {
  return useQuery({
    queryKey: ['deliveries', filter],
    queryFn: ({ signal }) => get<Page<Delivery>>(`/api/notifications/deliveries${query({ ...filter, size: 25 })}`, signal),
    placeholderData: (previous) => previous,
  });
}

export function useDigestPreview(recipient: string) {
  return useQuery({
    queryKey: ['digest-preview', recipient],
    queryFn: ({ signal }) => get<DigestPreview[]>(`/api/notifications/digests/preview${query({ recipient })}`, signal),
    enabled: !!recipient,
  });
}

// The unsubscribe link is public: the signed token in it is the only credential, no session needed.
const UNSUBSCRIBE = '/api/notifications/unsubscribe';

async function unsubscribeCall(method: 'GET' | 'POST', token: string, choice?: Frequency): Promise<UnsubscribeTarget> {
  const search = new URLSearchParams({ token });
  let response: Response;
  try {
    response = await fetch(`${UNSUBSCRIBE}?${search}`, {
      method,
      headers: method === 'POST'
        ? { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' }
        : { Accept: 'application/json' },
      body: method === 'POST' ? new URLSearchParams({ choice: choice ?? 'off' }).toString() : undefined,
      credentials: 'omit',
    });
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as UnsubscribeTarget;
}

export function useUnsubscribeTarget(token: string) {
  return useQuery({
    queryKey: ['unsubscribe', token],
    queryFn: () => unsubscribeCall('GET', token),
    enabled: !!token,
    retry: false,
  });
}

export function unsubscribe(token: string, choice: Frequency) {
  return unsubscribeCall('POST', token, choice);
}
