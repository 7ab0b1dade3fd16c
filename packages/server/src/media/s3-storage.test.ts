import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { S3Storage } from './s3-storage';
import { mediaStorageContract } from './storage-contract';

// A real S3-protocol server (s3rver, in process, on loopback) behind the real AWS SDK client.
const dir = mkdtempSync(path.join(tmpdir(), 'hashchat-s3-'));
const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory: dir,
  configureBuckets: [{ name: 'media' }],
});
let storage: S3Storage;

beforeAll(async () => {
  const address = (await server.run()) as AddressInfo;
  storage = new S3Storage(
    {
      endpoint: `http://127.0.0.1:${address.port}`,
      region: 'us-east-1',
      bucket: 'media',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      forcePathStyle: true,
    },
    'http://example.test',
  );
});
afterAll(async () => {
  storage?.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

mediaStorageContract('S3', () => storage);
