import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store';

/**
 * For store tests: opens a migrated SQLite file in a directory of its own, closed and removed
 * after each test. Call at the top of a test file; call the returned function in a test.
 */
export function tempSqliteStore(prefix: string): () => Promise<Store> {
  let store: Store | null = null;
  let dir = '';
  afterEach(async () => {
    await store?.close();
    store = null;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = '';
  });
  return async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    store = await openStore({ kind: 'sqlite', file: path.join(dir, 'db.sqlite') });
    return store;
  };
}
