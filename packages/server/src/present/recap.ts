import { durationMinutes } from '@hashchat/core/chat/session-clock';
import type { TranscriptDocument } from '../services/transcripts/load-transcript';
import type { RecapData } from '../services/transcripts/recap-data';
import { RECAP_DEFINITIONS } from '../services/transcripts/recap-definitions';
import type { AccountEntity } from './account';
import type { RoomStatusEntity } from './room-status';

const iso = (ms: number) => new Date(ms).toISOString();

export interface RecapLookups {
  account(id: string): AccountEntity | null;
  status(id: string): RoomStatusEntity | null;
}

/** Where a session's transcript, exports and recap live. */
export function transcriptUrls(baseUrl: string, sessionId: number | string) {
  const api = `${baseUrl}/api/v1/sessions/${sessionId}`;
  return {
    transcript_url: `${baseUrl}/sessions/${sessionId}`,
    recap_url: `${baseUrl}/sessions/${sessionId}#recap`,
    exports: {
      html: `${api}/transcript.html`,
      markdown: `${api}/transcript.md`,
      csv: `${api}/transcript.csv`,
      json: `${api}/transcript.json`,
    },
  };
}

/** The room's polls with their results, oldest first (the statuses are in time order). */
function polls(doc: TranscriptDocument) {
  const text = new Map(doc.rows.map((r) => [String(r.id), r.text]));
  return doc.statuses.flatMap((s) =>
    s.poll ? [{ status_id: s.id, text: text.get(s.id) ?? '', account: s.account, poll: s.poll }] : [],
  );
}

/** The Recap entity: a session's figures, with accounts and statuses as API entities. */
export function serializeRecap(
  doc: TranscriptDocument,
  data: RecapData,
  look: RecapLookups,
  baseUrl: string,
) {
  const f = data.figures;
  const withAccount = <T extends { accountId: string }>(list: T[]) =>
    list.flatMap((x) => {
      const account = look.account(x.accountId);
      return account ? [{ x, account }] : [];
    });
  const row = doc.sessionRow;
  const startedAt = row.started_at === null ? null : Number(row.started_at);
  const endedAt = row.ended_at === null ? null : Number(row.ended_at);
  return {
    session: doc.session,
    final: doc.final,
    generated_at: iso(doc.generatedAt),
    started_at: startedAt === null ? null : iso(startedAt),
    ended_at: endedAt === null ? null : iso(endedAt),
    duration_minutes: durationMinutes(startedAt, endedAt),
    statuses_count: f.statusesCount,
    late_statuses_count: f.lateStatusesCount,
    participants_count: f.participantsCount,
    new_participants_count: f.newParticipantsCount,
    returning_participants_count: f.returningParticipantsCount,
    hosts_statuses_count: f.hostsStatusesCount,
    hosts_share: Math.round(f.hostsShare * 10_000) / 10_000,
    answers_per_question: f.answersPerQuestion.map((a) => ({
      question_number: a.questionNumber,
      count: a.count,
    })),
    posts_per_minute: f.postsPerMinute.map((m) => ({ minute: m.minute, at: iso(m.at), count: m.count })),
    peak_minute: f.peakMinute
      ? { minute: f.peakMinute.minute, at: iso(f.peakMinute.at), count: f.peakMinute.count }
      : null,
    top_participants: withAccount(f.topParticipants).map(({ x, account }) => ({
      account,
      statuses_count: x.statusesCount,
    })),
    top_answers: f.topAnswers.flatMap((a) => {
      const status = look.status(a.statusId);
      return status
        ? [
            {
              status,
              question_number: a.questionNumber,
              favourites_count: a.favouritesCount,
              reblogs_count: a.reblogsCount,
            },
          ]
        : [];
    }),
    polls: polls(doc),
    most_mentioned: withAccount(f.mostMentioned).map(({ x, account }) => ({
      account,
      mentions_count: x.mentionsCount,
    })),
    links: f.links.map((l) => ({
      url: l.url,
      count: l.count,
      title: null as string | null,
      status_id: l.firstStatusId,
    })),
    languages: f.languages,
    potential_reach: f.potentialReach,
    potential_impressions: f.potentialImpressions,
    definitions: RECAP_DEFINITIONS,
    published:
      data.publishedAt === null
        ? null
        : { status_ids: data.publishedStatusIds, published_at: iso(data.publishedAt) },
    ...transcriptUrls(baseUrl, doc.session.id),
  };
}

export type RecapEntity = ReturnType<typeof serializeRecap>;
