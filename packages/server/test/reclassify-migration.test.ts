import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { reclassifyRooms } from '../src/store/migrations/021-reclassify-replies';
import { addQuestion, chatWithSession, post, room } from './live-helpers';
import { Api, registerUser } from './support/client';
import { startInProcessServer } from './support/in-process';
import { createTestDatabase, type TestServer } from './support/test-server';

// Runs on SQLite, and on PostgreSQL with HASHCHAT_TEST_BACKEND=scale (npm run test:scale).
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

const chatOf = (statuses: { id: string; chat: unknown }[]) => new Map(statuses.map((s) => [s.id, s.chat]));

/**
 * The room's figures as the public reads them: each status's classification, question 1's
 * thread, and the answer counts of the transcript and the recap.
 */
async function figures(server: TestServer, sessionId: string) {
  const api = new Api(server.url);
  const transcript = (await api.get(`/api/v1/sessions/${sessionId}/transcript`)).body;
  const recap = (await api.get(`/api/v1/sessions/${sessionId}/recap`)).body;
  return {
    chat: chatOf(await room(api, sessionId)),
    thread: (await room(api, sessionId, 'question=1')).map((s) => s.id).sort(),
    transcript: transcript.questions.map((q: { answers_count: number }) => q.answers_count),
    recap: recap.answers_per_question.map((a: { count: number }) => a.count),
  };
}

/** Puts replies back as the old rule stored them (answers to question 1), and 021 as not yet run. */
async function oldState(server: TestServer, sessionId: string, ids: string[]) {
  const db = server.ctx.store.db;
  await db
    .updateTable('session_statuses')
    .set({ kind: 'answer', question_number: 1 })
    .where('session_id', '=', Number(sessionId))
    .where(
      'status_id',
      'in',
      ids.map((id) => Number(id)),
    )
    .execute();
  await sql`DELETE FROM kysely_migration WHERE name = '021-reclassify-replies'`.execute(db);
}

it('migration 021 turns replies to answers stored as answers into comments, in the room, transcript and recap', async () => {
  const database = await createTestDatabase();
  cleanup.push(() => database.drop());
  const first = await startInProcessServer({ database });
  cleanup.push(() => first.close());

  const { host, hashtag, sessionId } = await chatWithSession(first, { live: true });
  const [eli, pat, kim, lou] = await Promise.all([1, 2, 3, 4].map(() => registerUser(first.url)));
  const q = (
    await host.api.post(`/api/v1/questions/${(await addQuestion(host.api, sessionId, 'First?')).id}/publish`)
  ).body;
  const answer = await post(eli.api, `A1 Coffee before anything #${hashtag}`);
  const love = await post(host.api, 'Love this, thanks for sharing!', answer.id);
  const same = await post(pat.api, `@${eli.username} Same here, coffee first`, answer.id);
  const saysA1 = await post(kim.api, `@${eli.username} A1 Tea for me`, answer.id);
  const toQuestion = await post(lou.api, 'Reading the news', q.status.id);
  const toComment = await post(pat.api, 'Ha, agreed', love.id);
  // Classified by its text as written: an edit that drops "A1" leaves it an answer.
  const edited = await kim.api.request('PUT', `/api/v1/statuses/${saysA1.id}`, {
    status: `@${eli.username} Tea for me`,
  });
  expect(edited.status).toBe(200);

  const replies = [love.id, same.id, toComment.id];
  await oldState(first, sessionId, replies);
  const before = await figures(first, sessionId);
  for (const id of replies) expect(before.chat.get(id)).toMatchObject({ kind: 'answer', question_number: 1 });
  expect(before.transcript).toEqual([6]);
  expect(before.recap).toEqual([6]);
  await first.close();

  // A start runs the migrations: 021 among them.
  const second = await startInProcessServer({ database });
  cleanup.push(() => second.close());
  const after = await figures(second, sessionId);
  for (const id of replies)
    expect(after.chat.get(id)).toMatchObject({ kind: 'comment', question_number: null });
  for (const id of [answer.id, saysA1.id, toQuestion.id])
    expect(after.chat.get(id)).toMatchObject({ kind: 'answer', question_number: 1 });
  expect(after.chat.get(q.status.id)).toMatchObject({ kind: 'question', question_number: 1 });
  expect(after.thread).toEqual([q.status.id, answer.id, saysA1.id, toQuestion.id].sort());
  expect(after.transcript).toEqual([3]);
  expect(after.recap).toEqual([3]);

  // Again: nothing to change.
  const db = second.ctx.store.db as never;
  expect(await reclassifyRooms(db)).toBe(0);
  // Two statuses a page: parents on earlier pages (the answer, the question, "Love this")
  // count as on the same page.
  await oldState(second, sessionId, replies);
  expect(await reclassifyRooms(db, 2)).toBe(3);
  expect(await figures(second, sessionId)).toEqual(after);
});
