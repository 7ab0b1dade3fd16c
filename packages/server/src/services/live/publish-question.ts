import { conflict, notFound } from '@hashchat/core/errors';
import type { Context } from '../../context';
import type { QuestionEntity } from '../../present/question';
import { findQuestion, listAgenda, UNPUBLISHED } from '../../store/agenda';
import { mediaForQuestions } from '../../store/media';
import { loadSession, requireHost } from '../chats/access';
import { createStatus } from '../statuses';
import { type Opened, presentQuestions } from './agenda';
import { numberAgenda } from './agenda-numbers';
import { questionStatusText } from './question-text';
import { QuestionAlreadyPublished } from './room-index';

/** Who publishes: a host pressing Next/Publish, or the scheduler at the item's time (as the chat's owner). */
export type Publisher = { actorId: number } | 'job';

/**
 * Publishes an agenda item as a status from the publisher's account, exactly once: the claim on
 * the item and the status are one transaction (see indexStatusInRooms), so of two racing
 * publishers (a double click, two co-hosts, the scheduler and a host) one writes and the
 * others roll back and get the same item, with its status. Returns null when a job finds
 * nothing to do.
 */
export async function publishQuestion(
  ctx: Context,
  questionId: number,
  by: Publisher,
): Promise<QuestionEntity | null> {
  const db = ctx.store.db;
  const q = await findQuestion(db, questionId);
  if (!q) {
    if (by === 'job') return null;
    throw notFound();
  }
  const opened = await loadSession(db, Number(q.session_id));
  if (by !== 'job') await requireHost(db, opened.chat, by.actorId);
  if (q.state === 'published') return present(ctx, opened, questionId, by);
  const state = opened.session.state;
  if (q.state === 'skipped' || (state !== 'scheduled' && state !== 'live')) {
    if (by === 'job') return null;
    throw conflict(
      q.state === 'skipped'
        ? 'This question was skipped'
        : `This session is ${state}; its questions can no longer be published`,
    );
  }
  const number = numberAgenda(await listAgenda(db, Number(q.session_id))).get(questionId) ?? null;
  const text = questionStatusText(q, number, [opened.chat.hashtag, opened.session.extra_tag]);
  const author = by === 'job' ? Number(opened.chat.owner_id) : by.actorId;
  // The image the item holds goes out with it, if processed (the agenda's checks took only ready ones).
  const held = (await mediaForQuestions(db, [questionId])).get(questionId);
  const mediaIds = held && held.status_id === null && held.state === 'ready' ? [Number(held.id)] : [];
  try {
    await createStatus(
      ctx,
      author,
      {
        status: text,
        inReplyToId: null,
        visibility: 'public',
        language: opened.chat.language,
        spoilerText: '',
        sensitive: false,
        mediaIds,
      },
      null,
      { agenda: { questionId, questionNumber: number } },
    );
  } catch (err) {
    if (!(err instanceof QuestionAlreadyPublished)) throw err;
  }
  const after = await findQuestion(db, questionId);
  if (after?.state === 'published') return present(ctx, opened, questionId, by);
  if (by === 'job') return null;
  throw conflict(`This question is ${after?.state ?? 'gone'} and cannot be published`);
}

/** A second Next this soon after an item went out is taken for a double click. */
export const NEXT_DEBOUNCE_MS = 2000;

/**
 * The host console's Next: publishes the first unpublished item of the agenda. With
 * `expectedId` (the item the console shows as next), a repeated click after it went out
 * returns it instead of publishing the one after. Without it, a Next within
 * NEXT_DEBOUNCE_MS of the last publication returns that item (a double click, or two
 * co-hosts pressing at once) instead of publishing another.
 */
export async function publishNext(
  ctx: Context,
  actorId: number,
  sessionId: number,
  expectedId: number | null,
): Promise<QuestionEntity> {
  const db = ctx.store.db;
  const opened = await loadSession(db, sessionId);
  await requireHost(db, opened.chat, actorId);
  if (expectedId !== null) {
    const expected = await findQuestion(db, expectedId);
    if (!expected || Number(expected.session_id) !== sessionId) throw notFound();
    return (await publishQuestion(ctx, expectedId, { actorId }))!;
  }
  const agenda = await listAgenda(db, sessionId);
  const now = ctx.now();
  const recent = agenda
    .filter(
      (r) =>
        r.state === 'published' && r.published_at !== null && now - Number(r.published_at) < NEXT_DEBOUNCE_MS,
    )
    .sort((x, y) => Number(y.published_at) - Number(x.published_at))[0];
  if (recent) return present(ctx, opened, Number(recent.id), { actorId });
  const next = agenda.find((r) => UNPUBLISHED.includes(r.state));
  if (!next) throw conflict('Every item of the agenda is published or skipped');
  return (await publishQuestion(ctx, Number(next.id), { actorId }))!;
}

async function present(ctx: Context, opened: Opened, questionId: number, by: Publisher) {
  const agenda = await listAgenda(ctx.store.db, Number(opened.session.id));
  const row = agenda.find((r) => Number(r.id) === questionId)!;
  const viewer = by === 'job' ? null : by.actorId;
  const [entity] = await presentQuestions(ctx, opened, agenda, [row], viewer);
  return entity;
}
