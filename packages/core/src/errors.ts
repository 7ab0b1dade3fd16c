/**
 * The one error type of Hashchat. Core, store and services throw it; the HTTP edge alone
 * maps its code to a status and a Mastodon-style `{"error": "..."}` body.
 */
export type ErrorCode =
  | 'Invalid' // malformed input (400)
  | 'Unauthorized' // no or bad credentials (401)
  | 'Forbidden' // authenticated but not allowed, or wrong scope (403)
  | 'NotFound' // missing, or not visible to the caller (404)
  | 'Conflict' // state does not allow it (409)
  | 'TooLarge' // body or upload too large (413)
  | 'Unprocessable' // well-formed but fails validation rules (422)
  | 'RateLimited' // too many requests (429)
  | 'Unavailable'; // a dependency is down (503)

export class HashchatError extends Error {
  readonly code: ErrorCode;
  /** Extra fields for the response body, e.g. Mastodon's `details` on 422 registration errors. */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'HashchatError';
    this.code = code;
    this.details = details;
  }
}

export const invalid = (message: string, details?: Record<string, unknown>) =>
  new HashchatError('Invalid', message, details);
export const unprocessable = (message: string, details?: Record<string, unknown>) =>
  new HashchatError('Unprocessable', message, details);
export const notFound = (message = 'Record not found') => new HashchatError('NotFound', message);
export const forbidden = (message = 'This action is not allowed') => new HashchatError('Forbidden', message);
export const unauthorized = (message = 'The access token is invalid') =>
  new HashchatError('Unauthorized', message);
export const conflict = (message: string) => new HashchatError('Conflict', message);
