import { ApiError, type FieldErrors } from './api-error';
import { nextMaxIdFromLink } from './link-header';
import type { Page } from './page';
import { takePreloaded } from './preload';

let csrfToken: string | null = null;

/** Remembers the CSRF token of the cookie session; every non-GET request sends it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token to send on a write made outside `api` (an upload with progress). */
export function getCsrfToken(): string | null {
  return csrfToken;
}

export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Builds `path?query`; array values repeat the key (`id[]=1&id[]=2`). */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const url = buildUrl(path, options.query);
  const preloaded = method === 'GET' ? takePreloaded(url) : null;
  if (preloaded) {
    if (!preloaded.ok) throw await toApiError(preloaded);
    return preloaded;
  }
  const response = await fetch(url, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const data = (await response.json()) as { error?: string; details?: FieldErrors };
    return new ApiError(response.status, data.error ?? response.statusText, data.details ?? {});
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`);
  }
}

/** Calls the API and returns the parsed JSON body (undefined for an empty body). */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Calls a paginated list endpoint. The next cursor comes from the `Link` header, or is the last
 * id of a full page when the server sends no header; a short page has no next.
 */
export async function apiPage<T extends { id: string }>(
  path: string,
  options: RequestOptions = {},
): Promise<Page<T>> {
  const response = await send(path, options);
  const items = (await response.json()) as T[];
  const fromLink = nextMaxIdFromLink(response.headers.get('Link'));
  const limit = Number(options.query?.limit ?? 0);
  // A short page is the last one, whatever the header says.
  if (items.length === 0 || (limit > 0 && items.length < limit)) return { items, nextMaxId: null };
  return { items, nextMaxId: response.headers.has('Link') ? fromLink : items[items.length - 1].id };
}
