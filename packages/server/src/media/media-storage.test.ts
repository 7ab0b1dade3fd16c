import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { DiskStorage } from './disk-storage';
import { LazyS3Storage, mediaStorage } from './media-storage';
import { S3Storage } from './s3-storage';

describe('the media storage a configuration picks', () => {
  it('is the ./data/media folder by default', () => {
    const config = loadConfig({});
    expect(config.media.dir).toBe(path.resolve('data/media'));
    expect(config.media.s3).toBeNull();
    expect(mediaStorage(config)).toBeInstanceOf(DiskStorage);
  });

  it('is a bucket when MEDIA_S3_BUCKET is set, path-style when an endpoint is given', async () => {
    const config = loadConfig({
      MEDIA_S3_BUCKET: 'hashchat-media',
      MEDIA_S3_ENDPOINT: 'http://127.0.0.1:9000',
      MEDIA_S3_ACCESS_KEY_ID: 'id',
      MEDIA_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(config.media.s3).toMatchObject({
      bucket: 'hashchat-media',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      forcePathStyle: true,
    });
    const storage = mediaStorage(config);
    // The SDK loads with the first file operation, not with the server.
    expect(storage).toBeInstanceOf(LazyS3Storage);
    expect(storage.url('a/b.jpg')).toBe(`${config.publicUrl}/media/a/b.jpg`);
    const client = await (storage as LazyS3Storage).client();
    expect(client).toBeInstanceOf(S3Storage);
    expect(await (storage as LazyS3Storage).client()).toBe(client);
    await (storage as LazyS3Storage).close();
  });
});
