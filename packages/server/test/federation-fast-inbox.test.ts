// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStatusByUri } from '../src/store/remote-accounts';
import { actorId, createNote, deleteNote } from './fixtures/mastodon-activities';
import { addQuestion, chatWithSession } from './live-helpers';
import { type Instance, startInstances } from './support/federation';
import { MastodonPeer } from './support/mastodon-peer';
import { waitFor } from './support/wait';

/**
 * The shared inbox's fast path (federation/fast-inbox.ts): a Mastodon-shaped reply from a
 * known account is checked and stored without Fedify; every POST it is not sure of goes on to
 * Fedify, which refuses what it refuses. Each refusal here is one the fast path looked at (its
 * counter says why it let go) and that ends with nothing stored.
 */
let a: Instance;
let peer: MastodonPeer;
let other: MastodonPeer;
let inbox: string;
let hostInbox: string;
let reply: (text: string, by?: MastodonPeer) => ReturnType<typeof createNote>;
let q1: { id: string; uri: string };
let sessionId: string;
let roomNow: () => Promise<any[]>;

const fastPath = async (): Promise<Record<string, number>> =>
  Object.fromEntries(
    (await a.ctx.metrics.inboxFastPath.get()).values.map((v) => [v.labels.outcome, v.value]),
  );

/** Posts `request` and checks what the fast path did and that nothing of `activity` was stored. */
async function refused(
  request: Request | Promise<Request>,
  activity: ReturnType<typeof createNote>,
  outcome: string,
  status: number,
): Promise<void> {
  const before = (await fastPath())[outcome] ?? 0;
  const res = await fetch(await request);
  expect(res.status).toBe(status);
  expect((await fastPath())[outcome]).toBe(before + 1);
  expect(await findStatusByUri(a.ctx.store.db, activity.object.id)).toBeUndefined();
  expect((await roomNow()).map((s) => s.uri)).not.toContain(activity.object.id);
}

beforeAll(async () => {
  [a] = await startInstances(1);
  peer = await new MastodonPeer().start();
  other = await new MastodonPeer().start();
  inbox = `${a.url}/inbox`;
  const chat = await chatWithSession(a, { live: true });
  sessionId = chat.sessionId;
  const host = chat.host;
  hostInbox = `${a.url}/users/${host.username.toLowerCase()}/inbox`;
  const hostUri = `${a.url}/users/${host.username.toLowerCase()}`;
  const mention = { href: hostUri, name: `@${host.username}@${a.host}`, url: `${a.url}/@${host.username}` };
  const q = await addQuestion(host.api, sessionId, 'Where do you read?');
  q1 = (await host.api.post(`/api/v1/questions/${q.id}/publish`)).body.status;
  roomNow = async () => (await host.api.get(`/api/v1/sessions/${sessionId}/room`)).body as any[];
  let n = 0;
  reply = (text, by = peer) =>
    createNote(by, { n: `${Date.now()}${n++}`, inReplyTo: q1.uri, mention, hashtag: chat.hashtag, text });
  // First contact: both accounts unknown here, so Fedify takes these (and reads their actors).
  for (const p of [peer, other]) {
    const first = reply('A1 Hello', p);
    expect((await p.send(inbox, first)).status).toBe(202);
    await waitFor(async () => (await findStatusByUri(a.ctx.store.db, first.object.id)) !== undefined, {
      what: 'the first reply stored',
    });
  }
  expect((await fastPath()).key).toBe(2);
});
afterAll(async () => {
  await a?.close();
  await peer?.close();
  await other?.close();
});

describe('the shared inbox fast path', () => {
  it("takes a known account's Mastodon reply: 202 once stored, the answer to Q1 in the room", async () => {
    const taken = (await fastPath()).taken ?? 0;
    const r = reply('A1 On the train');
    expect((await peer.send(inbox, r)).status).toBe(202);
    expect((await fastPath()).taken).toBe(taken + 1);
    // Answered after handling: already in the room when the POST returns.
    const answer = (await roomNow()).find((s) => s.uri === r.object.id);
    expect(answer).toMatchObject({ in_reply_to_id: q1.id, chat: { kind: 'answer', question_number: 1 } });
    // The same POST again stores nothing more.
    expect((await peer.send(inbox, r)).status).toBe(202);
    expect((await roomNow()).filter((s) => s.uri === r.object.id)).toHaveLength(1);
  });

  it('takes a signed Create once: replayed after its Delete, the note does not come back', async () => {
    const r = reply('A1 Said then unsaid');
    const signed = await peer.signed(inbox, r);
    const replay = new Request(signed.url, {
      method: 'POST',
      headers: signed.headers,
      body: await signed.clone().text(),
    });
    expect((await fetch(signed)).status).toBe(202);
    expect(await findStatusByUri(a.ctx.store.db, r.object.id)).toBeDefined();
    expect((await peer.send(inbox, deleteNote(peer, r.object.id.split('/').pop() as string))).status).toBe(
      202,
    );
    await waitFor(async () => (await findStatusByUri(a.ctx.store.db, r.object.id)) === undefined, {
      what: 'the note deleted',
    });
    const taken = (await fastPath()).taken;
    expect((await fetch(replay)).status).toBe(202);
    expect((await fastPath()).taken).toBe(taken + 1);
    expect(await findStatusByUri(a.ctx.store.db, r.object.id)).toBeUndefined();
    expect((await roomNow()).map((s) => s.uri)).not.toContain(r.object.id);
  });

  it('refuses a forged signature (a key that is not the actor’s)', async () => {
    const r = reply('A1 Forged');
    const before = (await fastPath()).signature ?? 0;
    expect((await peer.forge(inbox, r)).status).toBe(401);
    expect((await fastPath()).signature).toBe(before + 1);
    expect(await findStatusByUri(a.ctx.store.db, r.object.id)).toBeUndefined();
    expect((await roomNow()).map((s) => s.uri)).not.toContain(r.object.id);
  });

  it('refuses a body that is not the one the Digest was signed for', async () => {
    const r = reply('A1 Signed');
    const signed = await peer.signed(inbox, r);
    const tampered = { ...r, object: { ...r.object, content: '<p>A1 Swapped</p>' } };
    const req = new Request(inbox, {
      method: 'POST',
      headers: signed.headers,
      body: JSON.stringify(tampered),
    });
    await refused(req, tampered, 'digest', 401);
  });

  it("refuses an activity signed with another actor's key", async () => {
    const r = reply('A1 Not mine');
    await refused(other.signed(inbox, r), r, 'actor', 401);
  });

  it("takes nothing whose note is not the actor's own (attributedTo another account)", async () => {
    const r = reply('A1 Put in their mouth');
    const spoofed = { ...r, object: { ...r.object, attributedTo: actorId(other) } };
    // Fedify verifies the signature, then its listener drops the note: 202, nothing stored.
    await refused(peer.signed(inbox, spoofed), spoofed, 'shape', 202);
  });

  it('refuses a signature whose Date is more than an hour old', async () => {
    const r = reply('A1 Late');
    await refused(peer.signed(inbox, r, new Date(Date.now() - 2 * 60 * 60 * 1000)), r, 'date', 401);
  });

  it('refuses a signed POST replayed to another inbox than the one it was signed for', async () => {
    const r = reply('A1 Replayed');
    const signed = await peer.signed(hostInbox, r);
    const req = new Request(inbox, { method: 'POST', headers: signed.headers, body: await signed.text() });
    await refused(req, r, 'signature', 401);
  });
});
