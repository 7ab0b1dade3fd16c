import type { FieldError, FieldErrors } from '@hashchat/api/entities/error';

export type { FieldError, FieldErrors };

/** A non-2xx answer of the server: its status, its `error` text and any field `details`. */
export class ApiError extends Error {
  readonly status: number;
  readonly details: FieldErrors;

  constructor(status: number, message: string, details: FieldErrors = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
  }
}

const SERVER_FAULT = 'The server had a problem. Try again in a moment.';

/** A message fit to show a person for any thrown value. */
export function errorMessage(error: unknown): string {
  // A server fault's own text ("boom", a stack line) means nothing to a person.
  if (error instanceof ApiError) return error.status >= 500 ? SERVER_FAULT : error.message;
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection.';
  return 'Something went wrong.';
}

/** What a page says when reading what it shows failed: a 404 is "missing", anything else an error. */
export function loadFailure(error: unknown): { status: 'missing' } | { status: 'error'; error: string } {
  return error instanceof ApiError && error.status === 404
    ? { status: 'missing' }
    : { status: 'error', error: errorMessage(error) };
}
