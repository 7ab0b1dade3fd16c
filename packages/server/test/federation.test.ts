// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
import { signRequest } from '@fedify/fedify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorKeyPairs } from '../src/federation/keys';
import { sweepEarlyReminders } from '../src/services/chats/reminders';
import { findAccountByUsername } from '../src/store/accounts';
import { findStatusByUri } from '../src/store/remote-accounts';
import { addQuestion, chatWithSession, post } from './live-helpers';
import {
  followRemote,
  type Instance,
  registerUser,
  resolveAccount,
  startInstances,
} from './support/federation';
import { SseClient } from './support/sse';
import { startTestServer } from './support/test-server';
import { waitFor } from './support/wait';

/** Two Hashchat servers on loopback, federating: follows, deliveries, Undo and Delete across them. */
let a: Instance;
let b: Instance;
beforeAll(async () => {
  [a, b] = await startInstances(2);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

const homeTexts = async (api: any) =>
  ((await api.get('/api/v1/timelines/home?limit=40')).body as any[]).map((s) => s.reblog ?? s);

describe('federation between two servers', () => {
  it('a remote account follows a person by handle, gets the Accept, then their public statuses', async () => {
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    const aliceOnB = await resolveAccount(bob.api, `@${alice.username}@${a.host}`);
    const account = await bob.api.get(`/api/v1/accounts/${aliceOnB}`);
    expect(account.body).toMatchObject({
      acct: `${alice.username}@${a.host}`,
      username: alice.username,
      url: `${a.url}/@${alice.username}`,
      uri: `${a.url}/users/${alice.username.toLowerCase()}`,
    });
    const followed = await bob.api.post(`/api/v1/accounts/${aliceOnB}/follow`);
    expect(followed.body).toMatchObject({ following: false, requested: true });
    await followRemote(bob.api, aliceOnB);
    // A counts bob among alice's followers.
    await waitFor(
      async () => (await alice.api.get(`/api/v1/accounts/${alice.id}`)).body.followers_count === 1,
    );

    const status = await post(alice.api, 'Hello fediverse #federated');
    const seen = await waitFor(async () => (await homeTexts(bob.api)).find((s) => s.uri === status.uri), {
      what: "alice's status in bob's home timeline",
    });
    expect(seen).toMatchObject({
      account: { id: aliceOnB, acct: `${alice.username}@${a.host}` },
      url: status.url,
      visibility: 'public',
    });
    expect(seen.content).toContain('Hello fediverse');
    // Its hashtag's timeline on B has it too.
    const tagged = await bob.api.get('/api/v1/timelines/tag/federated');
    expect(tagged.body.map((s: any) => s.uri)).toContain(status.uri);

    // Deleted on A: gone from B.
    expect((await alice.api.delete(`/api/v1/statuses/${status.id}`)).status).toBe(200);
    await waitFor(async () => !(await homeTexts(bob.api)).some((s) => s.uri === status.uri), {
      what: 'the Delete to reach B',
    });

    // Unfollowed (Undo): A stops delivering.
    await bob.api.post(`/api/v1/accounts/${aliceOnB}/unfollow`);
    await waitFor(
      async () => (await alice.api.get(`/api/v1/accounts/${alice.id}`)).body.followers_count === 0,
      {
        what: 'the Undo to reach A',
      },
    );
    const after = await post(alice.api, 'Nobody on B hears this');
    await a.ctx.federation?.settled();
    const home = await homeTexts(bob.api);
    expect(home.some((s) => s.uri === after.uri)).toBe(false);
  });

  it('a remote account follows a chat by its handle and gets the questions the hosts publish', async () => {
    const { host, hashtag, chatId, sessionId } = await chatWithSession(a, { live: true });
    const chat = await host.api.get(`/api/v1/chats/${chatId}`);
    const handle = chat.body.fediverse_handle as string;
    expect(handle).toBe(`chat.${hashtag}@${a.host}`);
    const bob = await registerUser(b.url);
    const chatOnB = await resolveAccount(bob.api, `@${handle}`);
    await followRemote(bob.api, chatOnB);
    const question = await addQuestion(host.api, sessionId, 'What brought you here?');
    const published = await host.api.post(`/api/v1/questions/${question.id}/publish`);
    expect(published.status).toBe(200);
    const uri = published.body.status.uri as string;
    const seen = await waitFor(async () => (await homeTexts(bob.api)).find((s) => s.uri === uri), {
      what: "the chat's Announce of Q1 in bob's home timeline",
      timeoutMs: 10_000,
    });
    expect(seen.content).toContain('What brought you here?');
  });
});

describe('actors', () => {
  const ap = { accept: 'application/activity+json' };

  it('a person: WebFinger, then a Person with inbox, outbox, collections and both keys', async () => {
    const alice = await registerUser(a.url);
    const id = `${a.url}/users/${alice.username.toLowerCase()}`;
    const wf = await fetch(`${a.url}/.well-known/webfinger?resource=acct:${alice.username}@${a.host}`);
    expect(wf.status).toBe(200);
    expect((await wf.json()).links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: 'self', type: 'application/activity+json', href: id }),
      ]),
    );
    const person = await (await fetch(id, { headers: ap })).json();
    expect(person).toMatchObject({
      id,
      type: 'Person',
      preferredUsername: alice.username,
      url: `${a.url}/@${alice.username}`,
      inbox: `${id}/inbox`,
      outbox: `${id}/outbox`,
      followers: `${id}/followers`,
      following: `${id}/following`,
      featured: `${id}/featured`,
      endpoints: { sharedInbox: `${a.url}/inbox` },
      publicKey: { id: `${id}#main-key`, owner: id },
    });
    expect(person.publicKey.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect([person.assertionMethod].flat().map((k: any) => k.type)).toEqual(['Multikey', 'Multikey']);
    // A browser asking for the actor is sent to the profile page.
    const page = await fetch(id, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`${a.url}/@${alice.username.toLowerCase()}`);
  });

  it("a chat: its handle finds a Group with the chat's title, description and next session", async () => {
    const { host, hashtag, chatId } = await chatWithSession(a);
    await host.api.patch(`/api/v1/chats/${chatId}`, { description: 'Books <b>and</b> more' });
    const wf = await fetch(`${a.url}/.well-known/webfinger?resource=acct:chat.${hashtag}@${a.host}`);
    const self = (await wf.json()).links.find((l: any) => l.rel === 'self').href as string;
    expect(self).toBe(`${a.url}/users/chat-${chatId}`);
    const group = await (await fetch(self, { headers: ap })).json();
    expect(group).toMatchObject({
      type: 'Group',
      preferredUsername: `chat.${hashtag}`,
      name: 'Live chat',
      url: `${a.url}/chats/${chatId}`,
      inbox: `${self}/inbox`,
      followers: `${self}/followers`,
    });
    expect(group.summary).toContain('Books &lt;b&gt;and&lt;/b&gt; more');
    expect(group.summary).toContain('Next session');
    expect([group.attachment].flat()[0]).toMatchObject({ type: 'PropertyValue', name: 'Next session' });
    // A username can never be taken for a chat: no account is named like one.
    expect(
      (await fetch(`${a.url}/.well-known/webfinger?resource=acct:chat.nothing${Date.now()}@${a.host}`))
        .status,
    ).toBe(404);
  });

  it('an inbox refuses a body over its limit', async () => {
    const res = await fetch(`${a.url}/inbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/activity+json' },
      body: 'x'.repeat(600 * 1024),
    });
    expect(res.status).toBe(413);
  });
});

describe('statuses across servers', () => {
  it('edits arrive as Update, replies reach the author they answer, and a status URL serves its Note', async () => {
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    const aliceOnB = await resolveAccount(bob.api, `@${alice.username}@${a.host}`);
    await followRemote(bob.api, aliceOnB);
    const status = await post(alice.api, 'First draft');
    const onB = await waitFor(async () => (await homeTexts(bob.api)).find((s) => s.uri === status.uri));
    expect(
      (await alice.api.request('PUT', `/api/v1/statuses/${status.id}`, { status: 'Second draft' })).status,
    ).toBe(200);
    await waitFor(
      async () => (await bob.api.get(`/api/v1/statuses/${onB.id}`)).body.content.includes('Second draft'),
      { what: 'the Update to reach B' },
    );
    expect((await bob.api.get(`/api/v1/statuses/${onB.id}`)).body.edited_at).not.toBeNull();

    // Bob answers on B; alice's server gets it (she is the author it replies to) and threads it.
    const reply = await post(bob.api, 'Nice one', onB.id);
    const context = await waitFor(
      async () => {
        const c = await alice.api.get(`/api/v1/statuses/${status.id}/context`);
        return c.body.descendants.length > 0 && c.body;
      },
      { what: "bob's reply in alice's thread on A" },
    );
    expect(context.descendants[0]).toMatchObject({
      uri: reply.uri,
      account: { acct: `${bob.username}@${b.host}` },
      in_reply_to_id: status.id,
    });

    // A pasted link resolves: the status's page, asked for as ActivityPub, is its Note.
    const note = await fetch(status.url, { headers: { accept: 'application/activity+json' } });
    expect(note.status).toBe(200);
    expect(await note.json()).toMatchObject({ type: 'Note', id: status.uri, content: '<p>Second draft</p>' });
    const found = await bob.api.get(
      `/api/v2/search?q=${encodeURIComponent(status.url)}&resolve=true&type=statuses`,
    );
    expect(found.body.statuses.map((s: any) => s.uri)).toEqual([status.uri]);
  });

  it("a favourite and a boost of a remote status reach its author's server, and their undoing too", async () => {
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    const status = await post(bob.api, 'Boost me if you like it');
    const found = await alice.api.get(
      `/api/v2/search?q=${encodeURIComponent(status.url)}&resolve=true&type=statuses`,
    );
    const onA = found.body.statuses.find((s: any) => s.uri === status.uri);
    expect(onA).toBeTruthy();
    const counts = async () => {
      const s = (await bob.api.get(`/api/v1/statuses/${status.id}`)).body;
      return `${s.favourites_count}/${s.reblogs_count}`;
    };
    const notified = async (type: string) =>
      ((await bob.api.get(`/api/v1/notifications?types[]=${type}`)).body as any[]).find(
        (n) => n.status?.id === status.id && n.account.acct === `${alice.username}@${a.host}`,
      );

    expect((await alice.api.post(`/api/v1/statuses/${onA.id}/favourite`)).status).toBe(200);
    await waitFor(async () => (await counts()) === '1/0', { what: 'the Like to reach B' });
    expect(await notified('favourite')).toBeTruthy();
    expect((await alice.api.post(`/api/v1/statuses/${onA.id}/reblog`)).status).toBe(200);
    await waitFor(async () => (await counts()) === '1/1', { what: 'the Announce to reach B' });
    expect(await notified('reblog')).toBeTruthy();

    expect((await alice.api.post(`/api/v1/statuses/${onA.id}/unfavourite`)).status).toBe(200);
    await waitFor(async () => (await counts()) === '0/1', { what: 'the Undo(Like) to reach B' });
    expect(await notified('favourite')).toBeFalsy();
    expect((await alice.api.post(`/api/v1/statuses/${onA.id}/unreblog`)).status).toBe(200);
    await waitFor(async () => (await counts()) === '0/0', { what: 'the Undo(Announce) to reach B' });
    expect(await notified('reblog')).toBeFalsy();
  });

  it('a block ends the follow on the other server too', async () => {
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    const aliceOnB = await resolveAccount(bob.api, `@${alice.username}@${a.host}`);
    await followRemote(bob.api, aliceOnB);
    await waitFor(
      async () => (await alice.api.get(`/api/v1/accounts/${alice.id}`)).body.followers_count === 1,
    );
    expect((await bob.api.post(`/api/v1/accounts/${aliceOnB}/block`)).status).toBe(200);
    await waitFor(
      async () => (await alice.api.get(`/api/v1/accounts/${alice.id}`)).body.followers_count === 0,
      {
        what: 'the Block (and Undo Follow) to reach A',
      },
    );
  });
});

describe('a chat on the fediverse', () => {
  it('a remote answer to Q1 joins the live room as the answer to Q1', async () => {
    const { host, hashtag, chatId, sessionId } = await chatWithSession(a, { live: true });
    const stream = new SseClient(`${a.url}/api/v1/streaming/hashtag?tag=${hashtag}`);
    await stream.live;
    const handle = (await host.api.get(`/api/v1/chats/${chatId}`)).body.fediverse_handle as string;
    const bob = await registerUser(b.url);
    await followRemote(bob.api, await resolveAccount(bob.api, `@${handle}`));
    const q = await addQuestion(host.api, sessionId, 'Where do you read?');
    const published = (await host.api.post(`/api/v1/questions/${q.id}/publish`)).body;
    const q1OnB = await waitFor(
      async () => (await homeTexts(bob.api)).find((s) => s.uri === published.status.uri),
      {
        what: 'Q1 on B',
        timeoutMs: 10_000,
      },
    );
    const answer = await post(bob.api, `A1 On the train #${hashtag}`, q1OnB.id);
    const inRoom = await waitFor(
      async () =>
        (await host.api.get(`/api/v1/sessions/${sessionId}/room`)).body.find(
          (s: any) => s.uri === answer.uri,
        ),
      { what: "bob's answer in the room on A" },
    );
    expect(inRoom).toMatchObject({
      account: { acct: `${bob.username}@${b.host}` },
      chat: { kind: 'answer', question_number: 1 },
    });
    // Live on the hashtag's stream, and in the transcript under Q1.
    await stream.waitFor((events) =>
      events.some((e) => e.event === 'update' && JSON.parse(e.data).uri === answer.uri),
    );
    stream.close();
    const transcript = await host.api.get(`/api/v1/sessions/${sessionId}/transcript?question_number=1`);
    expect(JSON.stringify(transcript.body)).toContain(answer.uri);
    // The recap counts bob among the participants, by his full handle.
    const recap = (await host.api.get(`/api/v1/sessions/${sessionId}/recap`)).body;
    expect(recap.participants_count).toBe(2);
    expect(recap.top_participants.map((p: any) => p.account.acct)).toContain(`${bob.username}@${b.host}`);

    // Banned from the room: the next answer stays out.
    const bobOnA = inRoom.account.id as string;
    expect(
      (
        await host.api.post(`/api/v1/sessions/${sessionId}/moderation`, {
          action: 'ban',
          account_id: bobOnA,
          reason: 'spam',
          category: 'spam',
        })
      ).status,
    ).toBe(200);
    const refused = async () =>
      (await a.ctx.metrics.remoteStatuses.get()).values.find((v) => v.labels.outcome === 'refused')?.value ??
      0;
    const before = await refused();
    const banned = await post(bob.api, `A1 Buy my book #${hashtag}`, q1OnB.id);
    await waitFor(async () => (await refused()) > before, { what: 'A to refuse the banned answer' });
    expect(
      (await host.api.get(`/api/v1/sessions/${sessionId}/room`)).body.map((s: any) => s.uri),
    ).not.toContain(banned.uri);

    // Bob edits it, then deletes it, on B: the room on A follows.
    const roomStatus = async () =>
      (await host.api.get(`/api/v1/sessions/${sessionId}/room`)).body.find((s: any) => s.uri === answer.uri);
    await bob.api.request('PUT', `/api/v1/statuses/${answer.id}`, { status: 'A1 On the night train' });
    await waitFor(async () => (await roomStatus())?.content.includes('night train'), {
      what: 'the edit in the room',
    });
    await bob.api.delete(`/api/v1/statuses/${answer.id}`);
    await waitFor(async () => (await roomStatus()) === undefined, { what: 'the deletion in the room' });
  });

  it("the chat's Group shares every status of a live session, or only its questions when the hosts say so", async () => {
    const { host, hashtag, chatId } = await chatWithSession(a, { live: true });
    const handle = (await host.api.get(`/api/v1/chats/${chatId}`)).body.fediverse_handle as string;
    const bob = await registerUser(b.url);
    await followRemote(bob.api, await resolveAccount(bob.api, `@${handle}`));
    const carol = await registerUser(a.url);
    const shared = await post(carol.api, `I read on the bus #${hashtag}`);
    const seen = await waitFor(async () => (await homeTexts(bob.api)).find((s) => s.uri === shared.uri), {
      what: "carol's room status announced to B",
    });
    expect(seen.account.acct).toBe(`${carol.username}@${a.host}`);

    const patched = await host.api.patch(`/api/v1/chats/${chatId}`, { fediverse_announces: 'questions' });
    expect(patched.body.fediverse_announces).toBe('questions');
    const announces = async () =>
      (await a.ctx.metrics.activitiesQueued.get()).values.find((v) => v.labels.type === 'Announce')?.value ??
      0;
    const before = await announces();
    await post(carol.api, `Not shared #${hashtag}`);
    await a.ctx.federation?.settled();
    expect(await announces()).toBe(before);
  });

  it("a session going live reaches the chat's remote followers", async () => {
    const { host, chatId, sessionId } = await chatWithSession(a);
    const handle = (await host.api.get(`/api/v1/chats/${chatId}`)).body.fediverse_handle as string;
    const bob = await registerUser(b.url);
    const chatOnB = await resolveAccount(bob.api, `@${handle}`);
    await followRemote(bob.api, chatOnB);
    expect((await host.api.post(`/api/v1/sessions/${sessionId}/start`)).status).toBe(200);
    const live = await waitFor(
      async () =>
        (await homeTexts(bob.api)).find((s) => s.account.id === chatOnB && s.content.includes('Live now')),
      { what: "the chat's live note on B" },
    );
    expect(live.content).toContain('Live chat');
  });
});

describe('reminders across servers', () => {
  it("a chat's remote follower on another Hashchat finds the Group's reminder in their home timeline", async () => {
    const { host, chatId } = await chatWithSession(a, {
      startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 70 * 60_000).toISOString(),
    });
    const handle = (await host.api.get(`/api/v1/chats/${chatId}`)).body.fediverse_handle as string;
    const bob = await registerUser(b.url);
    const chatOnB = await resolveAccount(bob.api, `@${handle}`);
    await followRemote(bob.api, chatOnB);
    await sweepEarlyReminders(a.ctx);
    const reminder = await waitFor(
      async () =>
        (await homeTexts(bob.api)).find(
          (s) => s.account.id === chatOnB && s.content.includes('Starting soon'),
        ),
      { what: "the Group's reminder on B" },
    );
    expect(reminder.visibility).toBe('unlisted');
    expect(reminder.mentions).toEqual([]);
  });
});

describe('key rotation', () => {
  it("an admin rotates a person's keys: the new key signs, the old one stays published, and the peer takes the next status", async () => {
    const admin = await registerUser(a.url, undefined, 'read write follow push admin:read admin:write');
    await a.ctx.store.db
      .updateTable('accounts')
      .set({ role: 'admin' })
      .where('id', '=', Number(admin.id))
      .execute();
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    const aliceOnB = await resolveAccount(bob.api, `@${alice.username}@${a.host}`);
    await followRemote(bob.api, aliceOnB);
    const id = `${a.url}/users/${alice.username.toLowerCase()}`;
    const ap = { accept: 'application/activity+json' };
    const before = await (await fetch(id, { headers: ap })).json();
    const oldPem = before.publicKey.publicKeyPem as string;
    const first = await post(alice.api, 'Signed with the first key');
    await waitFor(async () => (await homeTexts(bob.api)).some((s) => s.uri === first.uri), {
      what: 'the first status on B',
    });

    // Only an admin may rotate keys, and only a local account's.
    expect((await alice.api.post(`/api/v1/admin/accounts/${alice.id}/rotate_keys`)).status).toBe(403);
    const bobOnA = await resolveAccount(alice.api, `@${bob.username}@${b.host}`);
    expect((await admin.api.post(`/api/v1/admin/accounts/${bobOnA}/rotate_keys`)).status).toBe(404);
    const rotated = await admin.api.post(`/api/v1/admin/accounts/${alice.id}/rotate_keys`);
    expect(rotated.status).toBe(200);

    // The document lists the new key first under a new keyId, the old one still (grace period).
    const after = await (await fetch(id, { headers: ap })).json();
    const keys = [after.publicKey].flat() as { id: string; publicKeyPem: string }[];
    expect(keys).toHaveLength(2);
    expect(keys[0].id).toMatch(new RegExp(`^${id}#rsa-`));
    expect(keys[0].publicKeyPem).not.toBe(oldPem);
    expect(keys[1]).toMatchObject({ id: `${id}#main-key`, publicKeyPem: oldPem });
    expect([after.assertionMethod].flat()).toHaveLength(4);

    // B is sent an Update of the actor (signed with the new key) and keeps the new key.
    const storedKey = async () =>
      (await findAccountByUsername(b.ctx.store.db, `${alice.username}@${a.host}`))?.public_key ?? '';
    await waitFor(
      async () => (JSON.parse((await storedKey()) || '{}') as { id?: string }).id === keys[0].id,
      {
        what: "alice's new key on B, by the actor Update",
      },
    );

    // The next status is signed with the new key: B fetches it by its keyId and takes the status.
    const second = await post(alice.api, 'Signed with the new key');
    await waitFor(async () => (await homeTexts(bob.api)).some((s) => s.uri === second.uri), {
      what: 'the status signed with the new key on B',
    });
    const cached = await b.ctx.store.db
      .selectFrom('federation_kv')
      .select('key')
      .where('key', 'like', `%${keys[0].id}%`)
      .execute();
    expect(cached.length).toBeGreaterThan(0);
  });

  it("an admin rotates a chat's keys: its Group publishes the new key first", async () => {
    const admin = await registerUser(a.url, undefined, 'read write follow push admin:read admin:write');
    await a.ctx.store.db
      .updateTable('accounts')
      .set({ role: 'admin' })
      .where('id', '=', Number(admin.id))
      .execute();
    const { chatId } = await chatWithSession(a);
    const id = `${a.url}/users/chat-${chatId}`;
    const ap = { accept: 'application/activity+json' };
    const before = await (await fetch(id, { headers: ap })).json();
    expect(before.publicKey.id).toBe(`${id}#main-key`);
    expect((await admin.api.post(`/api/v1/admin/chats/${chatId}/rotate_keys`)).status).toBe(200);
    expect((await admin.api.post('/api/v1/admin/chats/999999999/rotate_keys')).status).toBe(404);
    const keys = [(await (await fetch(id, { headers: ap })).json()).publicKey].flat();
    expect(keys.map((k: any) => k.id)).toEqual([expect.stringMatching(/#rsa-/), `${id}#main-key`]);
    expect(keys[1].publicKeyPem).toBe(before.publicKey.publicKeyPem);
  });
});

describe('the inbox', () => {
  /** A Create(Note) from bob on B mentioning alice on A, signed (draft-cavage) with bob's real key. */
  async function signedCreate(body?: (json: string) => string) {
    const alice = await registerUser(a.url);
    const bob = await registerUser(b.url);
    // A knows bob's account once it has read his actor; B serves it (and his key) at this URI.
    const bobUri = `${b.url}/users/${bob.username.toLowerCase()}`;
    const noteUri = `${bobUri}/statuses/${Date.now()}`;
    const activity = JSON.stringify({
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${noteUri}/activity`,
      type: 'Create',
      actor: bobUri,
      to: ['https://www.w3.org/ns/activitystreams#Public'],
      object: {
        id: noteUri,
        type: 'Note',
        attributedTo: bobUri,
        to: ['https://www.w3.org/ns/activitystreams#Public'],
        content: `<p>Hi @${alice.username}</p>`,
        tag: [{ type: 'Mention', href: `${a.url}/users/${alice.username.toLowerCase()}` }],
      },
    });
    const row = await findAccountByUsername(b.ctx.store.db, bob.username);
    const [rsa] = await actorKeyPairs(b.ctx, 'account', Number(row!.id));
    const signed = await signRequest(
      new Request(`${a.url}/inbox`, {
        method: 'POST',
        headers: { 'content-type': 'application/activity+json', accept: 'application/activity+json' },
        body: activity,
      }),
      rsa.privateKey,
      new URL(`${bobUri}#main-key`),
      { spec: 'draft-cavage-http-signatures-12' },
    );
    const sent = body ? body(activity) : activity;
    return {
      alice,
      noteUri,
      request: new Request(signed.url, { method: 'POST', headers: signed.headers, body: sent }),
    };
  }

  it('takes a correctly signed activity', async () => {
    const { request, noteUri } = await signedCreate();
    const res = await fetch(request);
    expect(res.status).toBe(202);
    await waitFor(() => findStatusByUri(a.ctx.store.db, noteUri), { what: 'the note stored on A' });
  });

  it('refuses a tampered body (its Digest no longer matches) with 401 and stores nothing', async () => {
    const { request, noteUri } = await signedCreate((json) => json.replace('<p>Hi', '<p>Pwned'));
    const res = await fetch(request);
    expect(res.status).toBe(401);
    await a.ctx.federation?.settled();
    expect(await findStatusByUri(a.ctx.store.db, noteUri)).toBeUndefined();
  });

  it('refuses an unsigned or forged activity with 401', async () => {
    const { request, noteUri } = await signedCreate();
    const unsigned = new Headers(request.headers);
    unsigned.delete('signature');
    const body = await request.text();
    expect((await fetch(request.url, { method: 'POST', headers: unsigned, body })).status).toBe(401);
    const forged = new Headers(request.headers);
    forged.set(
      'signature',
      (forged.get('signature') ?? '').replace(/signature="[^"]+"/, `signature="${'A'.repeat(344)}"`),
    );
    expect((await fetch(request.url, { method: 'POST', headers: forged, body })).status).toBe(401);
    expect(await findStatusByUri(a.ctx.store.db, noteUri)).toBeUndefined();
  });
});

describe('with FEDERATION_ENABLED=false', () => {
  it('serves no actor, WebFinger or inbox, and chats have no handle', async () => {
    const off = await startTestServer({ env: { FEDERATION_ENABLED: 'false' } });
    try {
      const u = await registerUser(off.url);
      const actor = await fetch(`${off.url}/users/${u.username.toLowerCase()}`, {
        headers: { accept: 'application/activity+json' },
      });
      expect(actor.headers.get('content-type') ?? '').not.toMatch(/activity\+json/);
      const wf = await fetch(
        `${off.url}/.well-known/webfinger?resource=acct:${u.username}@${new URL(off.url).host}`,
      );
      expect(wf.status).toBe(404);
      expect((await fetch(`${off.url}/inbox`, { method: 'POST', body: '{}' })).status).toBe(404);
      const chat = await u.api.post('/api/v1/chats', {
        hashtag: `off${Date.now()}`,
        title: 'Off',
        time_zone: 'UTC',
      });
      expect(chat.body.fediverse_handle).toBeNull();
      expect((await fetch(`${off.url}/nodeinfo/2.1`).then((r) => r.json())).protocols).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
