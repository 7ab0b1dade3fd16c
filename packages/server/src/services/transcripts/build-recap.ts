import { computeRecap } from '@hashchat/core/chat/recap';
import { parseText } from '@hashchat/core/text/parse';
import type { Context } from '../../context';
import { serializeAccount } from '../../present/account';
import { serializeRecap } from '../../present/recap';
import { distinctFollowersOfParticipants, findRecap, returningParticipants } from '../../store/transcripts';
import type { TranscriptDocument } from './load-transcript';
import type { RecapData } from './recap-data';

/** Computes the recap figures of a loaded transcript (its own published recap thread left out). */
export async function computeSessionRecap(ctx: Context, doc: TranscriptDocument): Promise<RecapData> {
  const db = ctx.store.db;
  const [returning, reach, published] = await Promise.all([
    returningParticipants(db, doc.sessionRow),
    distinctFollowersOfParticipants(db, Number(doc.sessionRow.id)),
    findRecap(db, Number(doc.sessionRow.id)),
  ]);
  const publishedIds: string[] = published ? JSON.parse(published.status_ids) : [];
  const skip = new Set(publishedIds);
  const followers = new Map<string, number>();
  for (const [id, a] of doc.accounts) followers.set(String(id), Number(a.followers_count));
  const figures = computeRecap({
    statuses: doc.rows
      .filter((r) => !skip.has(String(r.id)))
      .map((r) => ({
        id: String(r.id),
        accountId: String(r.account_id),
        kind: r.kind,
        questionNumber: r.question_number === null ? null : Number(r.question_number),
        createdAt: Number(r.created_at),
        late: Number(r.late) === 1,
        favouritesCount: Number(r.favourites_count),
        reblogsCount: Number(r.reblogs_count),
        language: r.language,
        links: r.text.includes('http') ? parseText(r.text).links : [],
        mentionedAccountIds: (doc.mentions.get(Number(r.id)) ?? []).map(String),
      })),
    hostIds: doc.hostIds,
    returningIds: new Set([...returning].map(String)),
    followersCount: followers,
    distinctFollowers: reach,
    startedAt: Number(doc.sessionRow.started_at ?? doc.sessionRow.starts_at),
  });
  return {
    figures,
    publishedStatusIds: published?.published_at != null ? publishedIds : [],
    publishedAt: published?.published_at != null ? Number(published.published_at) : null,
  };
}

/** The Recap entity of a session. */
export async function buildRecap(ctx: Context, doc: TranscriptDocument) {
  const data = await computeSessionRecap(ctx, doc);
  const base = ctx.config.publicUrl;
  const account = (id: string) => {
    const row = doc.accounts.get(Number(id));
    return row ? serializeAccount(row, base) : null;
  };
  const statusById = new Map(doc.statuses.map((s) => [s.id, s]));
  return serializeRecap(doc, data, { account, status: (id) => statusById.get(id) ?? null }, base);
}
