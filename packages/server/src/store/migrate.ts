import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import type { Dialect } from './dialect';
import * as m001 from './migrations/001-core';
import * as m002 from './migrations/002-chats';
import * as m003 from './migrations/003-room';
import * as m004 from './migrations/004-moderation';
import * as m005 from './migrations/005-transcripts';
import * as m006 from './migrations/006-read-indexes';
import * as m010 from './migrations/010-follow-options';
import * as m011 from './migrations/011-markers';
import * as m012 from './migrations/012-favourite-ids-bookmarks';
import * as m013 from './migrations/013-media';
import * as m014 from './migrations/014-scheduled-statuses-polls-edits';
import * as m015 from './migrations/015-federation';
import * as m016 from './migrations/016-federation-delivery';
import * as m017 from './migrations/017-lists-filters-pins';
import * as m018 from './migrations/018-question-media';
import * as m019 from './migrations/019-actor-key-rotation';
import * as m020 from './migrations/020-remote-media';
import * as m021 from './migrations/021-reclassify-replies';
import * as m023 from './migrations/023-account-reports';
import * as m024 from './migrations/024-group-reminders';
import * as m025 from './migrations/025-curated-stream';
import type { Database } from './schema';

type DialectMigration = {
  up(db: Kysely<unknown>, d: Dialect): Promise<void>;
  down?(db: Kysely<unknown>, d: Dialect): Promise<void>;
};

/** Numbered migrations, in order. Add new ones at the end; never edit one that has shipped. */
const migrations: Record<string, DialectMigration> = {
  '001-core': m001,
  '002-chats': m002,
  '003-room': m003,
  '004-moderation': m004,
  '005-transcripts': m005,
  '006-read-indexes': m006,
  '010-follow-options': m010,
  '011-markers': m011,
  '012-favourite-ids-bookmarks': m012,
  '013-media': m013,
  '014-scheduled-statuses-polls-edits': m014,
  '015-federation': m015,
  '016-federation-delivery': m016,
  '017-lists-filters-pins': m017,
  '018-question-media': m018,
  '019-actor-key-rotation': m019,
  '020-remote-media': m020,
  '021-reclassify-replies': m021,
  '023-account-reports': m023,
  '024-group-reminders': m024,
  '025-curated-stream': m025,
};

/** Brings the schema up to date; run on every start. */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<void> {
  const provided: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(migrations)) {
    provided[name] = {
      up: (k) => m.up(k, dialect),
      down: m.down ? (k) => m.down!(k, dialect) : undefined,
    };
  }
  // Branches land in any order (015 after 018 on a database that ran main in between): each
  // migration touches only its own tables, so an unordered one is safe to apply late (021
  // rewrites rows of the room index only, and reads nothing a later migration adds).
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => provided },
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed)
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
}
