import { useQuery } from '@tanstack/react-query';
import { csrfToken, headersFor } from '../api/client';
import { ApiError, problemOf } from '../api/problem';
import { STAFF, type User } from '../api/types';

// Sign-in is the gateway's (backend-for-frontend): /bff/user says who is signed in, /bff/login
// starts the authorization-code flow at the identity provider, POST /bff/logout ends both sessions.

export const USER_KEY = ['bff', 'user'] as const;

async function fetchUser(): Promise<User | null> {
  let response: Response;
  try {
    response = await fetch('/bff/user', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0);
  }
  if (response.status === 401) return null;
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as User;
}

export function useUser() {
  return useQuery({ queryKey: USER_KEY, queryFn: fetchUser, staleTime: 5 * 60_000, retry: 1 });
}

/**
 * Whether a session is likely before /bff/user answers: the gateway hands the CSRF cookie to signed-in browsers
 * and clears it at sign-out. Only a hint for drawing the page's frame; /bff/user decides.
 */
export function probablySignedIn(): boolean {
  return csrfToken() !== undefined;
}

export function isStaff(user: User | null | undefined): boolean {
  return !!user && user.roles.includes(STAFF);
}

/** Only same-origin paths go to returnTo; anything else starts at home. */
export function safeReturnTo(path: string): string {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/';
}

export function signInUrl(returnTo: string): string {
  return `/bff/login?returnTo=${encodeURIComponent(safeReturnTo(returnTo))}`;
}

export function signIn(returnTo: string): void {
  window.location.assign(signInUrl(returnTo));
}

/** Ends the gateway session, then the provider's (RP-initiated logout), which returns to "/". */
export async function signOut(): Promise<void> {
  let response: Response;
  try {
    response = await fetch('/bff/logout', {
      method: 'POST',
      headers: headersFor('POST'),
      credentials: 'same-origin',
      redirect: 'manual',
    });
  } catch {
    throw new ApiError(0);
  }
  if (response.type === 'opaqueredirect') {
    window.location.assign('/');
    return;
  }
  if (!response.ok) throw await problemOf(response);
  let target = '/';
  try {
    const body = (await response.json()) as { logoutUrl?: string };
    if (body.logoutUrl) target = body.logoutUrl;
  } catch {
    target = '/';
  }
  window.location.assign(target);
}
