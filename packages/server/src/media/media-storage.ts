import type { Config } from '../config';
import { DiskStorage } from './disk-storage';
import { S3Storage } from './s3-storage';
import type { MediaStorage } from './storage';

const built = new WeakMap<Config, MediaStorage>();

/** The media storage of a configuration (one per process and configuration): a bucket when MEDIA_S3_BUCKET is set, else the folder. */
export function mediaStorage(config: Config): MediaStorage {
  let storage = built.get(config);
  if (!storage) {
    storage = config.media.s3
      ? new S3Storage(config.media.s3, config.publicUrl)
      : new DiskStorage(config.media.dir, config.publicUrl);
    built.set(config, storage);
  }
  return storage;
}
