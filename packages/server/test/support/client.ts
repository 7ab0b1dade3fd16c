// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
/** A small HTTP client for API tests: real requests over loopback, JSON in and out. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** How requests to one base URL are sent when not over the network (see startInProcessServer). */
export type Transport = (url: string, init: RequestInit) => Promise<Response>;
const transports = new Map<string, Transport>();

/** Sends requests for `base` through `transport`; returns how to stop. */
export function registerTransport(base: string, transport: Transport): () => void {
  transports.set(base, transport);
  return () => transports.delete(base);
}

/** `fetch`, or the in-process transport registered for the URL's origin. */
export function send(url: string, init: RequestInit = {}): Promise<Response> {
  const transport = transports.get(new URL(url).origin);
  return transport ? transport(url, init) : fetch(url, init);
}

export class Api {
  constructor(
    readonly base: string,
    readonly token: string | null = null,
  ) {}

  as(token: string | null): Api {
    return new Api(this.base, token);
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: BodyInit | undefined;
    if (body instanceof URLSearchParams || body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await send(this.base + path, { method, headers: h, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body ?? {});
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }
}

let counter = 0;

/** Registers an app and a user through the public API (as a Mastodon client would) and returns the user's API. */
export async function registerUser(
  base: string,
  username?: string,
  scopes = 'read write follow push',
): Promise<{ api: Api; id: string; username: string; token: string }> {
  const anon = new Api(base);
  const app = await anon.post('/api/v1/apps', {
    client_name: 'tests',
    redirect_uris: 'urn:ietf:wg:oauth:2.0:oob',
    scopes,
  });
  if (app.status !== 200) throw new Error(`app: ${app.status} ${JSON.stringify(app.body)}`);
  const tok = await anon.post('/oauth/token', {
    grant_type: 'client_credentials',
    client_id: app.body.client_id,
    client_secret: app.body.client_secret,
    scope: scopes,
  });
  const name = username ?? `user${process.pid % 1000}_${++counter}_${Math.random().toString(36).slice(2, 6)}`;
  const reg = await anon.as(tok.body.access_token).post('/api/v1/accounts', {
    username: name,
    email: `${name}@example.org`,
    password: 'correct horse battery',
    agreement: true,
    locale: 'en',
  });
  if (reg.status !== 200) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  const api = anon.as(reg.body.access_token);
  const me = await api.get('/api/v1/accounts/verify_credentials');
  return { api, id: me.body.id, username: name, token: reg.body.access_token };
}
