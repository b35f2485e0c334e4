import { ApiError, problemOf } from './problem';

// Every call goes to the same origin: the gateway relays the session's token to the services. The
// browser holds only the HttpOnly session cookie; unsafe methods carry the CSRF token that the
// gateway put in the XSRF-TOKEN cookie (the one cookie readable by scripts).

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function csrfToken(): string | undefined {
  const match = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : undefined;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sent as If-Match (the resource's ETag) for version-checked writes. */
  ifMatch?: string;
  accept?: string;
  signal?: AbortSignal;
}

export interface Answer<T> {
  data: T;
  etag: string | null;
  status: number;
}

export function headersFor(method: string, accept = 'application/json'): Record<string, string> {
  const headers: Record<string, string> = { Accept: accept };
  if (UNSAFE.has(method)) {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  return headers;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<Answer<T>> {
  const method = options.method ?? 'GET';
  const headers = headersFor(method, options.accept);
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0);
  }
  if (!response.ok) throw await problemOf(response);
  const etag = response.headers.get('ETag');
  if (response.status === 204) return { data: undefined as T, etag, status: 204 };
  const type = response.headers.get('Content-Type') ?? '';
  const data = (type.includes('json') ? await response.json() : await response.text()) as T;
  return { data, etag, status: response.status };
}

export async function get<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path, { signal })).data;
}

/** A query string from the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Downloads a response body as a file (CSV and Markdown need an Accept header a plain link cannot send). */
export async function download(path: string, accept: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Accept: accept }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0);
  }
  if (!response.ok) throw await problemOf(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="([^"]+)"/i.exec(disposition)?.[1];
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name ? decodeURIComponent(name) : plain ?? fallbackName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
