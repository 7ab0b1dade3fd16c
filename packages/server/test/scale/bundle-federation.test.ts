import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUser } from '../support/client';
import { buildServer, type Instance, startInstance } from './support/instances';

// Federation from the built bundle, as `npm start` runs it: an inlined second copy of
// @fedify/vocab once made Fedify refuse the server's own keys (`instanceof CryptographicKey`),
// so every actor document and every inbox Follow answered 500 while the in-process tests passed.

let server: Instance;
const dir = mkdtempSync(join(tmpdir(), 'hashchat-bundle-fed-'));

beforeAll(async () => {
  await buildServer();
  server = await startInstance('bundle', { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}` });
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built server on the fediverse', () => {
  it('serves an account as an actor with its public key', async () => {
    const user = await registerUser(server.url);
    const res = await fetch(`${server.url}/users/${user.username.toLowerCase()}`, {
      headers: { accept: 'application/activity+json' },
    });
    expect(res.status).toBe(200);
    const actor = (await res.json()) as { type: string; publicKey?: { publicKeyPem?: string } };
    expect(actor.type).toBe('Person');
    expect(actor.publicKey?.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });
});
