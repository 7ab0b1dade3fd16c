import { z } from 'zod';

/** An instant as the server writes it: UTC, ISO 8601 with milliseconds and Z. */
export const instant = () => z.iso.datetime();

/** An id: database ids travel as strings, as in the Mastodon API. */
export const id = () => z.string();
