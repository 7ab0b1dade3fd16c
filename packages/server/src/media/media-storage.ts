import type { Config } from '../config';
import { DiskStorage } from './disk-storage';
import type { S3Settings } from './s3-storage';
import type { MediaStorage } from './storage';

/**
 * A bucket whose S3 client loads on the first file operation: the AWS SDK adds some 20 MB to the
 * process, which a server on the folder storage, or one that has not touched a file yet, does
 * not pay.
 */
export class LazyS3Storage implements MediaStorage {
  private loaded: Promise<import('./s3-storage').S3Storage> | null = null;

  constructor(
    readonly settings: S3Settings,
    private readonly publicUrl: string,
  ) {}

  /** The loaded bucket client (loading it now if it is not yet). */
  client(): Promise<import('./s3-storage').S3Storage> {
    this.loaded ??= import('./s3-storage').then(
      ({ S3Storage }) => new S3Storage(this.settings, this.publicUrl),
    );
    return this.loaded;
  }

  async put(...args: Parameters<MediaStorage['put']>): Promise<void> {
    return (await this.client()).put(...args);
  }

  async get(key: string): ReturnType<MediaStorage['get']> {
    return (await this.client()).get(key);
  }

  async delete(key: string): Promise<void> {
    return (await this.client()).delete(key);
  }

  url(key: string): string {
    return `${this.publicUrl}/media/${key}`;
  }

  /** Closes the client if it was loaded. */
  async close(): Promise<void> {
    if (this.loaded) (await this.loaded).close();
  }
}

const built = new WeakMap<Config, MediaStorage>();

/** The media storage of a configuration (one per process and configuration): a bucket when MEDIA_S3_BUCKET is set, else the folder. */
export function mediaStorage(config: Config): MediaStorage {
  let storage = built.get(config);
  if (!storage) {
    storage = config.media.s3
      ? new LazyS3Storage(config.media.s3, config.publicUrl)
      : new DiskStorage(config.media.dir, config.publicUrl);
    built.set(config, storage);
  }
  return storage;
}
