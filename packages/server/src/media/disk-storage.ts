import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaStorage } from './storage';

const SAFE_KEY = /^[a-z0-9]+(\/[a-z0-9.]+)*$/;

/** Media files in a folder: written to a temporary name and renamed, so a reader never sees half a file. */
export class DiskStorage implements MediaStorage {
  constructor(
    private readonly dir: string,
    private readonly publicUrl: string,
  ) {}

  private file(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`not a media key: ${key}`);
    return path.join(this.dir, key);
  }

  async put(key: string, body: Buffer | Readable, _size?: number): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
    try {
      if (Buffer.isBuffer(body)) await writeFile(tmp, body);
      else await pipeline(body, createWriteStream(tmp));
      await rename(tmp, target);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async get(key: string) {
    const file = this.file(key);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    return { stream: createReadStream(file), size: info.size };
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  url(key: string): string {
    return `${this.publicUrl}/media/${key}`;
  }
}
