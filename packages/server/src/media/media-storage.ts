import type { Config } from '../config';
import { DiskStorage } from './disk-storage';
import type { MediaStorage } from './storage';

const built = new WeakMap<Config, MediaStorage>();

/** The media storage of a configuration (one per process and configuration). */
export function mediaStorage(config: Config): MediaStorage {
  let storage = built.get(config);
  if (!storage) {
    storage = new DiskStorage(config.media.dir, config.publicUrl);
    built.set(config, storage);
  }
  return storage;
}
