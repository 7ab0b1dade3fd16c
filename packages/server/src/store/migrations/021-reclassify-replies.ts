import { type Classification, classifyAll } from '@hashchat/core/chat/classify';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The rule changed (core/chat/classify.ts): a reply to an answer is a comment in that answer's
 * thread, not another answer, unless it says "A n". The room index keeps each status's
 * classification from when it was written, so rooms written before still count those replies
 * (and replies to them) as answers, in the room, transcript and recap alike. This runs core's
 * `classifyAll` over every room again and turns each such answer into a comment. Nothing else
 * stores a figure derived from it: answer counts, transcripts and recaps are computed on read.
 *
 * What the rule cannot know now is taken from the rows as written: the questions stay the
 * questions they are (who was a host then, which status was an agenda item), and a status is
 * classified by its text as first written (an edit does not reclassify it). Only an answer the
 * current rule makes a comment is changed, so running it again changes nothing.
 *
 * A session at a time, a page of statuses at a time (in status order, so a reply's parent is
 * on its page or an earlier one, already rewritten): a large database is never read whole.
 */
export async function up(db: Kysely<unknown>, _d: Dialect): Promise<void> {
  await reclassifyRooms(db);
}

interface PageRow {
  status_id: number | string;
  account_id: number | string;
  in_reply_to_id: number | string | null;
  kind: Classification['kind'];
  question_number: number | null;
  text: string;
}

/** Reclassifies every room, `pageSize` statuses at a time; returns how many statuses became comments. */
export async function reclassifyRooms(db: Kysely<unknown>, pageSize = 500): Promise<number> {
  let changed = 0;
  let session = 0;
  for (;;) {
    const next = await sql<{ id: number | string | null }>`SELECT min(session_id) AS id
      FROM session_statuses WHERE session_id > ${session}`.execute(db);
    const id = next.rows[0]?.id;
    if (id === null || id === undefined) return changed;
    session = Number(id);
    changed += await reclassifySession(db, session, pageSize);
  }
}

async function reclassifySession(db: Kysely<unknown>, sessionId: number, pageSize: number): Promise<number> {
  let changed = 0;
  let after = 0;
  for (;;) {
    // A status's text as first written: an edit keeps the original as its first version.
    const page = await sql<PageRow>`SELECT ss.status_id, ss.account_id, ss.in_reply_to_id, ss.kind,
        ss.question_number,
        COALESCE((SELECT e.text FROM status_edits e WHERE e.status_id = ss.status_id ORDER BY e.id LIMIT 1),
          s.text) AS text
      FROM session_statuses ss INNER JOIN statuses s ON s.id = ss.status_id
      WHERE ss.session_id = ${sessionId} AND ss.status_id > ${after}
      ORDER BY ss.status_id LIMIT ${pageSize}`.execute(db);
    const rows = page.rows;
    if (rows.length === 0) return changed;
    after = Number(rows[rows.length - 1]!.status_id);

    const onPage = new Set(rows.map((r) => String(r.status_id)));
    const parentIds = [
      ...new Set(
        rows
          .filter((r) => r.in_reply_to_id !== null && !onPage.has(String(r.in_reply_to_id)))
          .map((r) => Number(r.in_reply_to_id)),
      ),
    ];
    const earlier = new Map<string, Classification>();
    if (parentIds.length > 0) {
      const parents = await sql<Pick<PageRow, 'status_id' | 'kind' | 'question_number'>>`SELECT status_id,
          kind, question_number
        FROM session_statuses
        WHERE session_id = ${sessionId} AND status_id IN (${sql.join(parentIds)})`.execute(db);
      for (const p of parents.rows) earlier.set(String(p.status_id), classification(p));
    }

    const questions = new Map<string, number>();
    for (const r of rows)
      if (r.kind === 'question' && r.question_number !== null)
        questions.set(String(r.status_id), Number(r.question_number));
    const now = classifyAll(
      rows.map((r) => ({
        id: String(r.status_id),
        accountId: String(r.account_id),
        text: r.text,
        inReplyToId: r.in_reply_to_id === null ? null : String(r.in_reply_to_id),
      })),
      // The questions as written stand in for who was a host and what the agenda was.
      new Set(),
      questions,
      earlier,
    );

    const toComment = rows
      .filter((r) => r.kind === 'answer' && now.get(String(r.status_id))?.kind === 'comment')
      .map((r) => Number(r.status_id));
    if (toComment.length > 0) {
      await sql`UPDATE session_statuses SET kind = 'comment', question_number = NULL
        WHERE session_id = ${sessionId} AND status_id IN (${sql.join(toComment)})`.execute(db);
      changed += toComment.length;
    }
  }
}

const classification = (r: Pick<PageRow, 'kind' | 'question_number'>): Classification => ({
  kind: r.kind,
  questionNumber: r.question_number === null ? null : Number(r.question_number),
});
