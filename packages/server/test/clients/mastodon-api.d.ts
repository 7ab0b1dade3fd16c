/** The parts of mastodon-api 1.3 (which ships no types) the client suite calls. */
declare module 'mastodon-api' {
  import type { EventEmitter } from 'node:events';

  interface Reply {
    // biome-ignore lint/suspicious/noExplicitAny: the library returns the server's JSON untyped.
    data: any;
    resp: { headers: Record<string, string | undefined> };
  }
  interface Stream extends EventEmitter {
    stop(): void;
  }

  export default class Mastodon {
    constructor(config: { access_token: string; api_url: string; timeout_ms?: number });
    get(path: string, params?: Record<string, unknown>): Promise<Reply>;
    post(path: string, params?: Record<string, unknown>): Promise<Reply>;
    delete(path: string, params?: Record<string, unknown>): Promise<Reply>;
    stream(path: string, params?: Record<string, unknown>): Stream;
    static createOAuthApp(
      url: string,
      clientName: string,
      scopes: string,
      redirectUri: string,
    ): Promise<{ id: string; client_id: string; client_secret: string }>;
    static getAuthorizationUrl(
      clientId: string,
      clientSecret: string,
      baseUrl: string,
      scope: string,
      redirectUri: string,
    ): Promise<string>;
    static getAccessToken(
      clientId: string,
      clientSecret: string,
      code: string,
      baseUrl: string,
      redirectUri?: string,
    ): Promise<string>;
  }
}
