// biome-ignore-all lint/suspicious/noExplicitAny: API tests read untyped JSON bodies; each test asserts the fields it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepEarlyReminders } from '../src/services/chats/reminders';
import { findAccountByUri, findStatusByUri } from '../src/store/remote-accounts';
import {
  AS_PUBLIC,
  actorId,
  announce,
  createNote,
  deleteNote,
  follow,
  like,
  undo,
  updatePerson,
} from './fixtures/mastodon-activities';
import { addQuestion, chatWithSession, post } from './live-helpers';
import { Api } from './support/client';
import { type Instance, registerUser, startInstances } from './support/federation';
import { MastodonPeer, mastodonAccepts, verifySignature } from './support/mastodon-peer';
import { SseClient } from './support/sse';
import { waitFor } from './support/wait';

/**
 * Contract tests against a Mastodon 4.x stand-in: it sends activities shaped exactly as Mastodon
 * sends them, signed with draft-cavage signatures only, and checks what Hashchat delivers back
 * against what Mastodon requires of it.
 */
let a: Instance;
let peer: MastodonPeer;
beforeAll(async () => {
  [a] = await startInstances(1);
  peer = await new MastodonPeer().start();
});
afterAll(async () => {
  await a?.close();
  await peer?.close();
});

describe('a Mastodon peer', () => {
  it("answers Q1 from its own app: the room's answer, live on the stream, in the transcript, its exports and the recap; a forgery shows nowhere; Delete and a room ban hold", async () => {
    const { host, hashtag, sessionId } = await chatWithSession(a, { live: true });
    const peerHost = new URL(peer.origin).host;
    const acct = `${peer.user}@${peerHost}`;
    const hostUri = `${a.url}/users/${host.username.toLowerCase()}`;
    const mention = { href: hostUri, name: `@${host.username}@${a.host}`, url: `${a.url}/@${host.username}` };
    const stream = new SseClient(`${a.url}/api/v1/streaming/hashtag?tag=${hashtag}`);
    await stream.live;
    const q = await addQuestion(host.api, sessionId, 'Where do you read?');
    const q1 = (await host.api.post(`/api/v1/questions/${q.id}/publish`)).body.status;
    const roomNow = async () => (await host.api.get(`/api/v1/sessions/${sessionId}/room`)).body as any[];

    // A forged reply (signed by a key that is not the peer's) is refused and stored nowhere.
    const n = `${Date.now()}`;
    const forged = createNote(peer, { n: `${n}0`, inReplyTo: q1.uri, mention, hashtag, text: 'A1 Forged' });
    expect((await peer.forge(`${a.url}/inbox`, forged)).status).toBe(401);

    // The real reply, as Mastodon sends it: the answer to Q1, by peer@host.
    const reply = createNote(peer, { n, inReplyTo: q1.uri, mention, hashtag, text: 'A1 On the train' });
    expect((await peer.send(`${a.url}/inbox`, reply)).status).toBe(202);
    const answer = await waitFor(async () => (await roomNow()).find((s) => s.uri === reply.object.id), {
      what: "the peer's answer in the room",
    });
    expect(answer).toMatchObject({
      url: reply.object.url,
      in_reply_to_id: q1.id,
      account: { acct, url: `${peer.origin}/@${peer.user}` },
      chat: { kind: 'answer', question_number: 1 },
    });
    // Their profile here is found by their whole handle (the web app's profile page asks so).
    const looked = await host.api.get(`/api/v1/accounts/lookup?acct=${encodeURIComponent(acct)}`);
    expect(looked.body).toMatchObject({ id: answer.account.id, acct, url: `${peer.origin}/@${peer.user}` });
    await stream.waitFor((events) =>
      events.some((e) => e.event === 'update' && JSON.parse(e.data).uri === reply.object.id),
    );
    stream.close();
    const updates = stream.events.filter((e) => e.event === 'update').map((e) => JSON.parse(e.data).uri);
    expect(updates).not.toContain(forged.object.id);
    expect(await findStatusByUri(a.ctx.store.db, forged.object.id)).toBeUndefined();
    expect((await roomNow()).map((s) => s.uri)).not.toContain(forged.object.id);

    // The transcript holds it under Q1, and every export names peer@host and links the original.
    const transcript = await host.api.get(`/api/v1/sessions/${sessionId}/transcript?question_number=1`);
    expect((transcript.body.statuses as any[]).map((s) => s.uri)).toContain(reply.object.id);
    expect(JSON.stringify(transcript.body)).not.toContain(forged.object.id);
    const csv = (await host.api.get(`/api/v1/sessions/${sessionId}/transcript.csv`)).body as string;
    const row = csv.split('\r\n').find((l) => l.startsWith(`${answer.id},`));
    expect(row).toContain(`,${acct},answer,1,`);
    expect(row).toContain(reply.object.url);
    const md = (await host.api.get(`/api/v1/sessions/${sessionId}/transcript.md`)).body as string;
    expect(md).toContain(`**@${acct}** [`);
    expect(md).toContain(`](${reply.object.url})`);
    const json = (await host.api.get(`/api/v1/sessions/${sessionId}/transcript.json`)).body;
    expect(json.statuses.find((s: any) => s.uri === reply.object.id)).toMatchObject({
      url: reply.object.url,
      account: { acct, url: `${peer.origin}/@${peer.user}` },
    });
    for (const doc of [csv, md, JSON.stringify(json)]) expect(doc).not.toContain('Forged');

    // The recap counts the peer as a participant (new to the chat) and among its answers to Q1.
    const recap = (await host.api.get(`/api/v1/sessions/${sessionId}/recap`)).body;
    expect(recap.participants_count).toBe(2);
    expect(recap.new_participants_count).toBe(2);
    expect(recap.answers_per_question).toEqual([{ question_number: 1, count: 1 }]);
    expect(recap.top_participants.map((p: any) => p.account.acct)).toContain(acct);

    // Delete (a Tombstone): gone from the room and the transcript.
    expect((await peer.send(`${a.url}/inbox`, deleteNote(peer, n))).status).toBe(202);
    await waitFor(async () => !(await roomNow()).some((s) => s.uri === reply.object.id), {
      what: 'the deletion in the room',
    });
    const after = await host.api.get(`/api/v1/sessions/${sessionId}/transcript`);
    expect(JSON.stringify(after.body)).not.toContain(reply.object.id);

    // A room ban of the remote account keeps their next answer out.
    expect(
      (
        await host.api.post(`/api/v1/sessions/${sessionId}/moderation`, {
          action: 'ban',
          account_id: answer.account.id,
          reason: 'spam',
          category: 'spam',
        })
      ).status,
    ).toBe(200);
    const refused = async () =>
      (await a.ctx.metrics.remoteStatuses.get()).values.find((v) => v.labels.outcome === 'refused')?.value ??
      0;
    const before = await refused();
    const banned = createNote(peer, {
      n: `${n}2`,
      inReplyTo: q1.uri,
      mention,
      hashtag,
      text: 'A1 Buy my book',
    });
    expect((await peer.send(`${a.url}/inbox`, banned)).status).toBe(202);
    await waitFor(async () => (await refused()) > before, { what: 'the banned answer refused' });
    expect((await roomNow()).map((s) => s.uri)).not.toContain(banned.object.id);
  });

  it("holds a remote account's first answers for review in a chat that reviews new accounts: new from its first contact here", async () => {
    const { host, hashtag, chatId, sessionId } = await chatWithSession(a, { live: true });
    expect(
      (await host.api.patch(`/api/v1/chats/${chatId}/moderation_settings`, { min_account_age_days: 2 }))
        .status,
    ).toBe(200);
    const hostUri = `${a.url}/users/${host.username.toLowerCase()}`;
    const mention = { href: hostUri, name: `@${host.username}@${a.host}`, url: `${a.url}/@${host.username}` };
    const n = `${Date.now()}`;
    const note = createNote(peer, { n, inReplyTo: null, mention, hashtag, text: 'Hello from afar' });
    expect((await peer.send(`${a.url}/inbox`, note)).status).toBe(202);
    // The peer's actor says it was made in 2024; here it counts from when this server first met it.
    const queue = async () => (await host.api.get(`/api/v1/sessions/${sessionId}/moderation/queue`)).body;
    const held = await waitFor(
      async () => (await queue()).pending.find((p: any) => p.status.uri === note.object.id),
      {
        what: "the peer's status held for review",
      },
    );
    expect(held.reason).toBe('account newer than 2 days');
    expect(held.status.account.acct).toBe(`${peer.user}@${new URL(peer.origin).host}`);
    const roomUris = async () =>
      ((await host.api.get(`/api/v1/sessions/${sessionId}/room`)).body as any[]).map((s) => s.uri);
    expect(await roomUris()).not.toContain(note.object.id);
    const remote = await findAccountByUri(a.ctx.store.db, actorId(peer));
    expect(Number(remote?.created_at)).toBeGreaterThan(Date.parse('2025-01-01'));
    // Approved by a host, it joins the room like a local newcomer's.
    expect(
      (
        await host.api.post(`/api/v1/sessions/${sessionId}/moderation`, {
          action: 'approve',
          status_id: held.status.id,
        })
      ).status,
    ).toBe(200);
    await waitFor(async () => (await roomUris()).includes(note.object.id), {
      what: 'the approved status in the room',
    });
  });

  it("forwards a report about its account's status as a Flag from the instance actor, signed, the reporter unnamed", async () => {
    const alice = await registerUser(a.url);
    const aliceUri = `${a.url}/users/${alice.username.toLowerCase()}`;
    const n = `${Date.now()}`;
    const note = createNote(peer, {
      n,
      inReplyTo: null,
      mention: { href: aliceUri, name: `@${alice.username}@${a.host}`, url: `${a.url}/@${alice.username}` },
      hashtag: 'offers',
      text: 'Cheap watches here',
    });
    expect((await peer.send(`${a.url}/inbox`, note)).status).toBe(202);
    const status = await waitFor(async () => {
      const got = (await alice.api.get('/api/v1/notifications?types[]=mention')).body;
      return got.find((x: any) => x.status?.uri === note.object.id)?.status;
    });
    const flags = () => peer.received.filter((r) => r.json.type === 'Flag');
    const before = flags().length;

    // Not forwarded unless asked.
    const kept = await alice.api.post('/api/v1/reports', {
      account_id: status.account.id,
      status_ids: [status.id],
      comment: 'spam',
      category: 'spam',
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ forwarded: false, status_ids: [status.id], category: 'spam' });

    const sent = await alice.api.post('/api/v1/reports', {
      account_id: status.account.id,
      status_ids: [status.id],
      comment: 'Selling fakes',
      category: 'spam',
      forward: true,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      forwarded: true,
      comment: 'Selling fakes',
      target_account: { acct: `${peer.user}@${new URL(peer.origin).host}` },
    });
    const flag = await peer.next('Flag', (r) => r.json.content === 'Selling fakes');
    const instanceActor = `${a.url}/users/instance-actor`;
    expect(mastodonAccepts(flag, `${instanceActor}#main-key`)).toEqual([]);
    expect(await verifySignature(flag, peer.origin)).toBe(`${instanceActor}#main-key`);
    expect(flag.path).toBe('/inbox');
    expect(flag.json.actor).toBe(instanceActor);
    expect([flag.json.object].flat()).toEqual([actorId(peer), note.object.id]);
    expect(flag.body).not.toContain(alice.username);
    expect(flags().length).toBe(before + 1);
    // The instance actor is an Application anyone can fetch, found by WebFinger too.
    const doc = await (
      await fetch(instanceActor, { headers: { accept: 'application/activity+json' } })
    ).json();
    expect(doc).toMatchObject({
      type: 'Application',
      preferredUsername: 'instance-actor',
      inbox: `${instanceActor}/inbox`,
    });
    const wf = await fetch(`${a.url}/.well-known/webfinger?resource=acct:instance-actor@${a.host}`);
    expect((await wf.json()).links).toEqual(
      expect.arrayContaining([expect.objectContaining({ rel: 'self', href: instanceActor })]),
    );

    // Bad input changes nothing: someone else's status, an unknown account, oneself.
    const local = await post(alice.api, 'mine');
    const bad = [
      { account_id: status.account.id, status_ids: [local.id], forward: true },
      { account_id: '999999999', forward: true },
      { account_id: alice.id },
    ];
    expect(
      await Promise.all(bad.map(async (b) => (await alice.api.post('/api/v1/reports', b)).status)),
    ).toEqual([404, 404, 422]);
    expect((await new Api(a.url).post('/api/v1/reports', { account_id: alice.id })).status).toBe(401);
    await a.ctx.federation?.settled();
    expect(flags().length).toBe(before + 1);
  });

  it("lets a chat's moderators send a report about the peer's status in their room on to the peer's server, once", async () => {
    const { host, hashtag, chatId } = await chatWithSession(a, { live: true });
    const hostUri = `${a.url}/users/${host.username.toLowerCase()}`;
    const mention = { href: hostUri, name: `@${host.username}@${a.host}`, url: `${a.url}/@${host.username}` };
    const n = `${Date.now()}`;
    const note = createNote(peer, { n, inReplyTo: null, mention, hashtag, text: 'Buy followers cheap' });
    expect((await peer.send(`${a.url}/inbox`, note)).status).toBe(202);
    const carol = await registerUser(a.url);
    const status = await waitFor(async () => {
      const tag = (await carol.api.get(`/api/v1/timelines/tag/${hashtag}`)).body as any[];
      return tag.find((s) => s.uri === note.object.id);
    });
    const filed = await carol.api.post(`/api/v1/chats/${chatId}/reports`, {
      status_id: status.id,
      category: 'spam',
      comment: 'Spam in the room',
    });
    expect(filed.status).toBe(200);
    expect(filed.body.forwarded).toBe(false);
    const forward = (api: Api, id: string) => api.post(`/api/v1/reports/${id}/forward`);
    expect((await forward(carol.api, filed.body.id)).status).toBe(403);

    const sent = await forward(host.api, filed.body.id);
    expect(sent.status).toBe(200);
    expect(sent.body.forwarded).toBe(true);
    const flag = await peer.next('Flag', (r) => r.json.content === 'Spam in the room');
    expect(await verifySignature(flag, peer.origin)).toBe(`${a.url}/users/instance-actor#main-key`);
    expect([flag.json.object].flat()).toEqual([actorId(peer), note.object.id]);
    expect(flag.body).not.toContain(carol.username);
    expect((await forward(host.api, filed.body.id)).status).toBe(409);

    // A report about a local account stays here.
    const local = await post(carol.api, `Mine #${hashtag}`);
    const dave = await registerUser(a.url);
    const aboutLocal = await dave.api.post(`/api/v1/chats/${chatId}/reports`, { status_id: local.id });
    expect((await forward(host.api, aboutLocal.body.id)).status).toBe(422);
    await a.ctx.federation?.settled();
    expect(
      peer.received.filter((r) => r.json.type === 'Flag' && r.json.content === 'Spam in the room'),
    ).toHaveLength(1);
  });

  it("is reminded of a followed chat's session by its Group: one mention-less Note to the followers, signed", async () => {
    const { host, chatId, sessionId } = await chatWithSession(a, {
      startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      endsAt: new Date(Date.now() + 70 * 60_000).toISOString(),
    });
    const group = `${a.url}/users/chat-${chatId}`;
    expect((await peer.send(`${group}/inbox`, follow(peer, group, `${Date.now()}`))).status).toBe(202);
    await peer.next('Accept', (r) => r.json.actor === group);
    const isReminder = (r: { json: Record<string, unknown> }) =>
      r.json.type === 'Create' &&
      String((r.json.object as any)?.id).endsWith(`/sessions/${sessionId}/reminder`);
    // The sweep runs on its own too; asked again here, the reminder still goes once.
    await sweepEarlyReminders(a.ctx);
    const got = await peer.next('Create', isReminder);
    await sweepEarlyReminders(a.ctx);
    await a.ctx.federation?.settled();
    expect(peer.received.filter(isReminder)).toHaveLength(1);
    expect(mastodonAccepts(got, `${group}#main-key`)).toEqual([]);
    expect(await verifySignature(got, peer.origin)).toBe(`${group}#main-key`);
    const note = got.json.object as any;
    const list = (v: unknown) => [v].flat();
    expect(note).toMatchObject({ type: 'Note', attributedTo: group });
    expect(list(note.to)).toEqual([`${group}/followers`]);
    expect(list(note.cc)).toEqual([AS_PUBLIC]);
    expect(list(note.tag ?? []).filter((t: any) => t.type === 'Mention')).toEqual([]);
    expect(note.content).toContain('Starting soon');
    expect(note.content).toContain((await host.api.get(`/api/v1/sessions/${sessionId}`)).body.url);
  });

  it("votes for a town hall's approved question by liking its status, once", async () => {
    const { host, hashtag, sessionId } = await chatWithSession(a, { live: true });
    await host.api.request('PUT', `/api/v1/sessions/${sessionId}/town_hall`, {
      town_hall: true,
      submission_marker: '#ask',
    });
    const carol = await registerUser(a.url);
    const asked = await post(carol.api, `#ask When does the library open? #${hashtag}`);
    const submissions = async () =>
      (await host.api.get(`/api/v1/sessions/${sessionId}/submissions?sort=newest&limit=80`)).body as any[];
    const submission = await waitFor(async () => (await submissions()).find((x) => x.status_id === asked.id));
    expect((await host.api.post(`/api/v1/submissions/${submission.id}/approve`)).status).toBe(200);
    for (const n of ['l1', 'l2'])
      expect((await peer.send(`${a.url}/inbox`, like(peer, asked.uri, `${n}-${Date.now()}`))).status).toBe(
        202,
      );
    await waitFor(async () => (await submissions()).find((x) => x.id === submission.id)?.votes_count === 1, {
      what: "the peer's vote",
    });
    await waitFor(
      async () => (await carol.api.get(`/api/v1/statuses/${asked.id}`)).body.favourites_count === 1,
    );
    expect((await submissions()).find((x) => x.id === submission.id)?.votes_count).toBe(1);
  });

  it("links a remote status's images where they are: url, alt text, size, blurhash; only http(s), at most 4", async () => {
    const alice = await registerUser(a.url);
    const aliceUri = `${a.url}/users/${alice.username.toLowerCase()}`;
    const files = `${peer.origin}/system/media_attachments/files`;
    const image = (name: string, extra: Record<string, unknown> = {}) => ({
      type: 'Document',
      mediaType: 'image/jpeg',
      url: `${files}/${name}.jpg`,
      name: `Alt of ${name}`,
      blurhash: 'UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH',
      focalPoint: [0, 0],
      width: 1200,
      height: 800,
      ...extra,
    });
    const create = createNote(peer, {
      n: `${Date.now()}`,
      inReplyTo: null,
      mention: { href: aliceUri, name: `@${alice.username}@${a.host}`, url: `${a.url}/@${alice.username}` },
      hashtag: 'menu',
      text: 'Our new dish',
      attachment: [
        image('dish'),
        image('script', { url: 'javascript:alert(1)' }),
        { type: 'Document', mediaType: 'video/mp4', url: `${files}/clip.mp4`, name: null },
        image('bouquet', { type: 'Image', blurhash: 'not a blurhash!', width: null, height: null }),
        image('slide'),
        image('fifth'),
      ],
    });
    expect((await peer.send(`${a.url}/inbox`, create)).status).toBe(202);
    const status = await waitFor(async () => {
      const n = (await alice.api.get('/api/v1/notifications?types[]=mention')).body;
      return n.find((x: any) => x.status?.uri === create.object.id)?.status;
    });
    const media = status.media_attachments;
    expect(media.map((m: any) => m.remote_url)).toEqual([
      `${files}/dish.jpg`,
      `${files}/clip.mp4`,
      `${files}/bouquet.jpg`,
      `${files}/slide.jpg`,
    ]);
    expect(media[0]).toMatchObject({
      type: 'image',
      url: `${files}/dish.jpg`,
      preview_url: `${files}/dish.jpg`,
      description: 'Alt of dish',
      blurhash: 'UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH',
      meta: { original: { width: 1200, height: 800, aspect: 1.5 } },
    });
    expect(media[1]).toMatchObject({
      type: 'unknown',
      url: `${files}/clip.mp4`,
      preview_url: null,
      description: null,
    });
    expect(media[2]).toMatchObject({ type: 'image', blurhash: null, meta: { focus: { x: 0, y: 0 } } });
    expect(media[2].meta.original).toBeUndefined();
    // Linked, not copied: the rows hold no files, and reading the status again shows the same.
    const rows = await a.ctx.store.db
      .selectFrom('media_attachments')
      .selectAll()
      .where('status_id', '=', Number(status.id))
      .execute();
    expect(rows.map((r) => [r.file_key, r.preview_key, r.incoming_key])).toEqual(
      Array(4).fill([null, null, null]),
    );
    expect((await alice.api.get(`/api/v1/statuses/${status.id}`)).body.media_attachments).toEqual(media);
    // An edit that changes them (Mastodon's Update of the Note) replaces them; one that does not keeps them.
    const update = (attachment: Record<string, unknown>[], n: number) => ({
      ...create,
      id: `${create.object.id}#updates/${n}`,
      type: 'Update',
      object: {
        ...create.object,
        updated: new Date().toISOString(),
        content: `<p>Edit ${n}</p>`,
        attachment,
      },
    });
    const statusNow = async () => (await alice.api.get(`/api/v1/statuses/${status.id}`)).body;
    const sameFour = create.object.attachment;
    expect((await peer.send(`${a.url}/inbox`, update(sameFour, 1))).status).toBe(202);
    await waitFor(async () => (await statusNow()).content.includes('Edit 1'));
    expect((await statusNow()).media_attachments).toEqual(media);
    expect(
      (await peer.send(`${a.url}/inbox`, update([image('slide', { name: 'The slide' })], 2))).status,
    ).toBe(202);
    const edited = await waitFor(async () => {
      const s = await statusNow();
      return s.content.includes('Edit 2') && s;
    });
    expect(edited.media_attachments).toMatchObject([
      { remote_url: `${files}/slide.jpg`, description: 'The slide' },
    ]);
  });

  it('follows, gets an Accept and statuses it can take, replies, likes, boosts, edits its profile, deletes and unfollows', async () => {
    const alice = await registerUser(a.url);
    const aliceUri = `${a.url}/users/${alice.username.toLowerCase()}`;
    const account = async () => (await alice.api.get(`/api/v1/accounts/${alice.id}`)).body;

    // Follow → Accept, signed with alice's key the way Mastodon verifies it.
    const f = follow(peer, aliceUri, `${Date.now()}`);
    expect((await peer.send(`${a.url}/users/${alice.username.toLowerCase()}/inbox`, f)).status).toBe(202);
    const accept = await peer.next('Accept', (r) => r.json.actor === aliceUri);
    expect(mastodonAccepts(accept, `${aliceUri}#main-key`)).toEqual([]);
    expect(accept.json).toMatchObject({
      actor: aliceUri,
      object: { type: 'Follow', id: f.id, actor: actorId(peer) },
    });
    expect((await account()).followers_count).toBe(1);

    // alice's public status, as a Create(Note) Mastodon takes: addressing, author, content,
    // language map, hashtag and mention tags, sensitivity and times.
    const posted = (
      await alice.api.post('/api/v1/statuses', {
        status: `Q1 Where do you read? #books @${peer.user}@${new URL(peer.origin).host}`,
        language: 'en',
      })
    ).body;
    const create = await peer.next('Create', (r) => (r.json.object as any)?.id === posted.uri);
    expect(mastodonAccepts(create, `${aliceUri}#main-key`)).toEqual([]);
    // The peer is both a follower and mentioned: one delivery, to its shared inbox.
    expect(peer.received.filter((r) => (r.json.object as any)?.id === posted.uri)).toHaveLength(1);
    expect(create.path).toBe('/inbox');
    const note = create.json.object as any;
    // JSON-LD compacts a one-element array to its element; Mastodon reads both.
    const list = (v: unknown) => [v].flat();
    expect(create.json.actor).toBe(aliceUri);
    expect(list(create.json.to)).toEqual([AS_PUBLIC]);
    expect(list(note.to)).toEqual([AS_PUBLIC]);
    expect(note).toMatchObject({
      type: 'Note',
      attributedTo: aliceUri,
      url: posted.url,
      sensitive: false,
      contentMap: { en: posted.content },
      content: posted.content,
    });
    expect(list(note.cc)).toEqual(expect.arrayContaining([`${aliceUri}/followers`, actorId(peer)]));
    expect(typeof note.published).toBe('string');
    expect(list(note.tag)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'Hashtag', name: '#books' }),
        expect.objectContaining({ type: 'Mention', href: actorId(peer) }),
      ]),
    );

    // A reply with a mention and a hashtag: threaded, the mention notified, the tag timeline has it.
    const n = `${Date.now()}`;
    const reply = createNote(peer, {
      n,
      inReplyTo: posted.uri,
      mention: { href: aliceUri, name: `@${alice.username}@${a.host}`, url: `${a.url}/@${alice.username}` },
      hashtag: 'books',
      text: 'A1 On the train',
    });
    expect((await peer.send(`${a.url}/inbox`, reply)).status).toBe(202);
    const threaded = await waitFor(async () => {
      const c = (await alice.api.get(`/api/v1/statuses/${posted.id}/context`)).body;
      return c.descendants[0];
    });
    expect(threaded).toMatchObject({
      uri: reply.object.id,
      url: reply.object.url,
      in_reply_to_id: posted.id,
      account: { acct: `${peer.user}@${new URL(peer.origin).host}`, url: `${peer.origin}/@${peer.user}` },
      tags: [expect.objectContaining({ name: 'books' })],
      mentions: [expect.objectContaining({ id: alice.id })],
    });
    const notes = (await alice.api.get('/api/v1/notifications?types[]=mention')).body;
    expect(notes.map((x: any) => x.status?.uri)).toContain(reply.object.id);
    // Sanitized like any remote HTML: the profile's script and onclick are gone.
    const remote = await findAccountByUri(a.ctx.store.db, actorId(peer));
    expect(remote?.note).not.toMatch(/script|onclick/);

    // Like and Announce count on alice's status.
    expect((await peer.send(`${a.url}/inbox`, like(peer, posted.uri, n))).status).toBe(202);
    expect((await peer.send(`${a.url}/inbox`, announce(peer, posted.uri, aliceUri, `${n}1`))).status).toBe(
      202,
    );
    await waitFor(async () => {
      const s = (await alice.api.get(`/api/v1/statuses/${posted.id}`)).body;
      return s.favourites_count === 1 && s.reblogs_count === 1;
    });

    // Update(Person): the new name shows.
    peer.rename('Renamed Peer');
    expect(
      (await peer.send(`${a.url}/inbox`, updatePerson(peer, peer.publicKeyPem, 'Renamed Peer'))).status,
    ).toBe(202);
    await waitFor(
      async () => (await findAccountByUri(a.ctx.store.db, actorId(peer)))?.display_name === 'Renamed Peer',
    );

    // Delete with a Tombstone: the reply is gone.
    expect((await peer.send(`${a.url}/inbox`, deleteNote(peer, n))).status).toBe(202);
    await waitFor(
      async () =>
        (await alice.api.get(`/api/v1/statuses/${posted.id}/context`)).body.descendants.length === 0,
    );

    // Undo(Follow): no longer a follower.
    expect((await peer.send(`${a.url}/inbox`, undo(peer, f, n))).status).toBe(202);
    await waitFor(async () => (await account()).followers_count === 0);

    // Delete of the actor itself (the account is gone there): suspended here, hidden from search.
    const gone = {
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${actorId(peer)}#delete`,
      type: 'Delete',
      actor: actorId(peer),
      to: [AS_PUBLIC],
      object: actorId(peer),
    };
    expect((await peer.send(`${a.url}/inbox`, gone)).status).toBe(202);
    await waitFor(async () => (await findAccountByUri(a.ctx.store.db, actorId(peer)))?.suspended_at != null);
  });
});
