import { z } from 'zod';
import { id, instant } from './common';

/** Mastodon's Marker entity: where an account stopped reading a timeline. */
export const markerSchema = z
  .object({ last_read_id: id(), version: z.number().int(), updated_at: instant() })
  .meta({ id: 'Marker' });

/** Markers by timeline; a timeline never marked is absent. */
export const markersSchema = z
  .object({ home: markerSchema.optional(), notifications: markerSchema.optional() })
  .meta({ id: 'Markers' });

/** Mastodon's Preferences entity: the defaults apps pre-fill in their composer. */
export const preferencesSchema = z
  .object({
    'posting:default:visibility': z.enum(['public', 'unlisted', 'private', 'direct']),
    'posting:default:sensitive': z.boolean(),
    'posting:default:language': z.string().nullable(),
    'reading:expand:media': z.enum(['default', 'show_all', 'hide_all']),
    'reading:expand:spoilers': z.boolean(),
  })
  .meta({ id: 'Preferences' });
