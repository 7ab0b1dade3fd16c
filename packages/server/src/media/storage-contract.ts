import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { MediaStorage } from './storage';

const read = async (stream: Readable) => (await buffer(stream)).toString('utf8');

/** The behaviour every MediaStorage adapter has; each adapter's test file runs it against a real store. */
export function mediaStorageContract(name: string, storage: () => MediaStorage): void {
  describe(`${name} media storage`, () => {
    it('gives back what was put, bytes and size, from a buffer or a stream', async () => {
      await storage().put('abc123/original.jpg', Buffer.from('first file'));
      await storage().put('abc123/small.jpg', Readable.from([Buffer.from('second '), Buffer.from('file')]));
      const a = await storage().get('abc123/original.jpg');
      expect(a?.size).toBe(10);
      expect(await read(a!.stream)).toBe('first file');
      expect(await read((await storage().get('abc123/small.jpg'))!.stream)).toBe('second file');
    });

    it('stores a stream of known size as it is read', async () => {
      const chunks = Array.from({ length: 64 }, (_, i) => Buffer.alloc(16 * 1024, i));
      await storage().put('jkl012/original.png', Readable.from(chunks), 64 * 16 * 1024);
      const got = await storage().get('jkl012/original.png');
      expect(got?.size).toBe(64 * 16 * 1024);
      expect((await buffer(got!.stream)).equals(Buffer.concat(chunks))).toBe(true);
    });

    it('replaces a file put again under the same key', async () => {
      await storage().put('def456/original.png', Buffer.from('old'));
      await storage().put('def456/original.png', Buffer.from('new!'));
      expect(await read((await storage().get('def456/original.png'))!.stream)).toBe('new!');
    });

    it('answers null for a key it does not have, and forgets a deleted one', async () => {
      expect(await storage().get('nothing0/original.jpg')).toBeNull();
      await storage().put('ghi789/original.webp', Buffer.from('x'));
      await storage().delete('ghi789/original.webp');
      expect(await storage().get('ghi789/original.webp')).toBeNull();
      // Deleting what is gone is no error.
      await storage().delete('ghi789/original.webp');
    });

    it("gives each file a URL under the server's /media/", () => {
      expect(storage().url('abc123/original.jpg')).toBe('http://example.test/media/abc123/original.jpg');
    });
  });
}
