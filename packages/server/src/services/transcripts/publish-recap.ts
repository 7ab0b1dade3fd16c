import { conflict } from '@hashchat/core/errors';
import type { Context } from '../../context';
import { transcriptUrls } from '../../present/recap';
import type { StatusEntity } from '../../present/status';
import { claimRecap, completeRecap, findRecap, releaseRecap } from '../../store/transcripts';
import { loadSession, requireHost } from '../chats/access';
import { presentStatuses } from '../status-views';
import { createStatus } from '../statuses';
import { computeSessionRecap } from './build-recap';
import { loadTranscript } from './load-transcript';
import { recapThreadTexts } from './recap-thread';

export interface PublishedRecap {
  statuses: StatusEntity[];
  published_at: string;
  /** False when this call wrote the thread; true when it had been published before. */
  already_published: boolean;
}

async function existing(ctx: Context, sessionId: number, viewerId: number): Promise<PublishedRecap | null> {
  const row = await findRecap(ctx.store.db, sessionId);
  if (!row) return null;
  if (row.published_at === null) throw conflict('This recap is being published; try again in a moment');
  const ids: string[] = JSON.parse(row.status_ids);
  return {
    statuses: await presentStatuses(ctx, ids.map(Number), viewerId),
    published_at: new Date(Number(row.published_at)).toISOString(),
    already_published: true,
  };
}

/**
 * Posts the recap of an ended session from the host's account as a thread (hosts and
 * co-hosts only). Once per session: the session is claimed first, and a second call returns
 * the statuses of the first.
 */
export async function publishRecap(
  ctx: Context,
  actorId: number,
  sessionId: number,
): Promise<PublishedRecap> {
  const db = ctx.store.db;
  const { session, chat } = await loadSession(db, sessionId);
  await requireHost(db, chat, actorId);
  const done = await existing(ctx, sessionId, actorId);
  if (done) return done;
  if (session.state !== 'ended')
    throw conflict(`This session is ${session.state}; a recap is published once it has ended`);
  if (!(await claimRecap(db, sessionId, actorId, ctx.now()))) {
    const raced = await existing(ctx, sessionId, actorId);
    if (raced) return raced;
    throw conflict('This recap is being published; try again in a moment');
  }
  try {
    const doc = await loadTranscript(ctx, sessionId);
    const { figures } = await computeSessionRecap(ctx, doc);
    const acct = (id: string) => doc.accounts.get(Number(id))?.username ?? null;
    const best = figures.topAnswers[0];
    const texts = recapThreadTexts({
      hashtag: chat.hashtag,
      participantsCount: figures.participantsCount,
      statusesCount: figures.statusesCount,
      newParticipantsCount: figures.newParticipantsCount,
      topAnswer: best
        ? {
            acct: acct(best.accountId) ?? '?',
            questionNumber: best.questionNumber,
            favouritesCount: best.favouritesCount,
          }
        : null,
      topParticipants: figures.topParticipants
        .filter((p) => !doc.hostIds.has(p.accountId))
        .slice(0, 5)
        .map((p) => acct(p.accountId))
        .filter((a): a is string => a !== null),
      links: figures.links.slice(0, 10).map((l) => l.url),
      transcriptUrl: transcriptUrls(ctx.config.publicUrl, sessionId).transcript_url,
      limit: ctx.config.maxStatusChars,
    });
    const ids: number[] = [];
    for (const status of texts) {
      const created = await createStatus(
        ctx,
        actorId,
        {
          status,
          inReplyToId: ids.length > 0 ? ids[ids.length - 1] : null,
          visibility: 'public',
          language: chat.language || null,
          spoilerText: '',
          sensitive: false,
        },
        null,
      );
      ids.push(created.id);
    }
    const publishedAt = ctx.now();
    await completeRecap(db, sessionId, ids, publishedAt);
    return {
      statuses: await presentStatuses(ctx, ids, actorId),
      published_at: new Date(publishedAt).toISOString(),
      already_published: false,
    };
  } catch (err) {
    await releaseRecap(db, sessionId);
    throw err;
  }
}
