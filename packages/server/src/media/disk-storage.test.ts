import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiskStorage } from './disk-storage';
import { mediaStorageContract } from './storage-contract';

const dir = mkdtempSync(path.join(tmpdir(), 'hashchat-disk-storage-'));
const storage = new DiskStorage(dir, 'http://example.test');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

mediaStorageContract('disk', () => storage);

describe('disk media storage keys', () => {
  it.each(['../etc/passwd', 'a/../../b', '/abs/file.jpg', 'A/B.jpg', ''])('refuses %j', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/not a media key/);
  });
});
