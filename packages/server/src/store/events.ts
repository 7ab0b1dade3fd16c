import { curatedTopic, followsOnCurated, sessionOfTopic } from '@hashchat/api/topics';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from './dialect';
import { COMMIT_PIPELINE, pgLiteral } from './dialects/postgres';
import type { Database } from './schema';

/** One committed stream event, as it travels on the bus and is read back for resuming. */
export interface StoredEvent {
  id: number;
  event: string;
  /** The serialized payload, built once; every subscriber is sent these same bytes. */
  payload: string;
  /** The account that caused it (the status author), for per-reader blocks and mutes. */
  accountId: number | null;
}

/** An event just appended, with its topics and, per topic, the id of the event before it there. */
export interface AppendedEvent extends StoredEvent {
  topics: string[];
  /**
   * Topic → id of the previous event on that topic (0 if none). Carried on the bus so a
   * process that receives events out of commit order (two instances publishing at once, or a
   * message lost while Redis was away) sees the gap and fills it from the store.
   */
  prev: Record<string, number>;
}

export interface NewEvent {
  event: string;
  payload: string;
  accountId: number | null;
  topics: string[];
}

/**
 * Appends events to the outbox inside the caller's transaction. Ids are the global, increasing
 * sequence that `Last-Event-ID` refers to; under the dialect's sequence lock, commit order is id
 * order, so the newest id on a topic read here is the previous event's, committed.
 */
export async function appendEvents(
  trx: Transaction<Database>,
  dialect: Dialect,
  written: NewEvent[],
  now: number,
): Promise<AppendedEvent[]> {
  if (written.length === 0) return [];
  await dialect.lockEventSequence(trx);
  const events = written.map(withCuratedTopics);
  const last = await latestIdsOnTopics(trx, [...new Set(events.flatMap((e) => e.topics))]);
  const out: AppendedEvent[] = [];
  const links: { topic: string; event_id: number }[] = [];
  for (let i = 0; i < events.length; i += INSERT_CHUNK) {
    const chunk = events.slice(i, i + INSERT_CHUNK);
    const { rows } = await sql<{ id: number }>`insert into events (event, payload, account_id, created_at)
      values ${sql.join(chunk.map((e) => sql`(${e.event}, ${e.payload}, ${e.accountId}, ${now})`))}
      returning id`.execute(trx);
    // One statement inserts its rows in list order, so their ids ascend in that order, whatever
    // order RETURNING lists them in.
    const ids = rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    for (const [j, e] of chunk.entries()) {
      const id = ids[j];
      const topics = [...new Set(e.topics)];
      const prev: Record<string, number> = {};
      for (const t of topics) {
        prev[t] = last.get(t) ?? 0;
        last.set(t, id);
        links.push({ topic: t, event_id: id });
      }
      out.push({ id, event: e.event, payload: e.payload, accountId: e.accountId, topics, prev });
    }
  }
  for (let i = 0; i < links.length; i += INSERT_CHUNK) {
    await sql`insert into event_topics (topic, event_id) values ${sql.join(
      links.slice(i, i + INSERT_CHUNK).map((l) => sql`(${l.topic}, ${l.event_id})`),
    )}`.execute(trx);
  }
  return out;
}

/**
 * A session's room events (`chat.*`) and deletes go to its curated topic too, whoever wrote
 * them: the curated stream is the room with fewer statuses, never a room missing its agenda,
 * spotlight, counters or a withdrawal (docs/api.md, "Curated stream").
 */
function withCuratedTopics(e: NewEvent): NewEvent {
  if (!followsOnCurated(e.event)) return e;
  const extra: string[] = [];
  for (const t of e.topics) {
    const session = sessionOfTopic(t);
    if (session !== null) extra.push(curatedTopic(session));
  }
  return extra.length === 0 ? e : { ...e, topics: [...e.topics, ...extra] };
}

/**
 * `appendEvents` as the last thing a write transaction does: on PostgreSQL the sequence lock, the
 * topics' latest ids, the events with their topics and the `commit` go to the server as one
 * message, so the lock (held until commit, by every writer in turn) is never held while a round
 * trip waits for this process. Nothing may run on `trx` afterwards (it is committed; a statement
 * is refused). Elsewhere, and with no events, it is `appendEvents`.
 */
export async function appendEventsAndCommit(
  trx: Transaction<Database>,
  dialect: Dialect,
  written: NewEvent[],
  now: number,
): Promise<AppendedEvent[]> {
  if (written.length === 0 || dialect.lockEventSequenceText === null)
    return appendEvents(trx, dialect, written, now);
  const events = written.map(withCuratedTopics);
  const topicsOf = events.map((e) => [...new Set(e.topics)]);
  const allTopics = [...new Set(topicsOf.flat())];
  const statements = [dialect.lockEventSequenceText];
  // After the lock, each statement its own snapshot (READ COMMITTED): the newest committed ids.
  const chunks: string[][] = [];
  for (let i = 0; i < allTopics.length; i += 50) chunks.push(allTopics.slice(i, i + 50));
  for (const chunk of chunks) {
    statements.push(
      `select ${chunk.map((t, j) => `(select max(event_id) from event_topics where topic = ${pgLiteral(t)}) as t${j}`).join(', ')}`,
    );
  }
  // The events in list order (their ids ascend in that order), then each one's topics by its rank.
  const values = events
    .map((e, i) => `(${i + 1}, ${pgLiteral(e.event)}, ${pgLiteral(e.payload)}, ${pgLiteral(e.accountId)})`)
    .join(', ');
  const links = topicsOf.flatMap((ts, i) => ts.map((t) => `(${i + 1}, ${pgLiteral(t)})`)).join(', ');
  const linkRows = links
    ? `, tp (ord, topic) as (values ${links}),
    lk as (insert into event_topics (topic, event_id) select tp.topic, num.id from tp join num on num.ord = tp.ord)`
    : '';
  statements.push(`with v (ord, event, payload, account_id) as (values ${values}),
    ins as (insert into events (event, payload, account_id, created_at)
      select event, payload, cast(account_id as bigint), ${pgLiteral(now)} from v order by ord returning id),
    num as (select id, row_number() over (order by id) as ord from ins)${linkRows}
    select id from num order by id`);
  statements.push('commit');
  const { rows } = await sql
    .raw<{ results: Record<string, number | string | null>[][] }>(
      `${COMMIT_PIPELINE} ${statements.join(';\n')}`,
    )
    .execute(trx);
  const results = rows[0].results;
  const last = new Map<string, number>();
  for (const [c, chunk] of chunks.entries()) {
    const row = results[1 + c][0];
    for (const [j, t] of chunk.entries()) last.set(t, Number(row[`t${j}`] ?? 0));
  }
  const ids = results[1 + chunks.length].map((r) => Number(r.id));
  if (ids.length !== events.length) throw new Error('events appended do not match');
  return events.map((e, i) => {
    const prev: Record<string, number> = {};
    for (const t of topicsOf[i]) {
      prev[t] = last.get(t) ?? 0;
      last.set(t, ids[i]);
    }
    return {
      id: ids[i],
      event: e.event,
      payload: e.payload,
      accountId: e.accountId,
      topics: topicsOf[i],
      prev,
    };
  });
}

/** Rows per multi-row INSERT, well under both databases' limits on bound parameters. */
const INSERT_CHUNK = 200;

/** The newest event id on each topic (0 when none), one indexed lookup per topic in one round trip. */
export async function latestIdsOnTopics(
  db: Kysely<Database>,
  topics: string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < topics.length; i += 50) {
    const chunk = topics.slice(i, i + 50);
    // SQL text rather than a query builder: this runs for every status written (docs/performance.md, change 9).
    const { rows } = await sql<Record<string, number | string | null>>`select ${sql.join(
      chunk.map(
        (t, j) => sql`(select max(event_id) from event_topics where topic = ${t}) as ${sql.ref(`t${j}`)}`,
      ),
    )}`.execute(db);
    const row = rows[0];
    for (const [j, t] of chunk.entries()) out.set(t, Number(row[`t${j}`] ?? 0));
  }
  return out;
}

/** Events on any of `topics` after `afterId`, oldest first, each with the topic it matched: what a resuming reader missed. */
export async function readEventsSince(
  db: Kysely<Database>,
  topics: string[],
  afterId: number,
  limit: number,
): Promise<(StoredEvent & { topic: string })[]> {
  if (topics.length === 0) return [];
  const rows = await db
    .selectFrom('event_topics as t')
    .innerJoin('events as e', 'e.id', 't.event_id')
    .select(['e.id', 'e.event', 'e.payload', 'e.account_id', 't.topic'])
    .where('t.topic', 'in', topics)
    .where('t.event_id', '>', afterId)
    .orderBy('t.event_id')
    .limit(limit)
    .execute();
  const seen = new Set<number>();
  const out: (StoredEvent & { topic: string })[] = [];
  for (const r of rows) {
    const id = Number(r.id);
    if (seen.has(id)) continue; // one event on two of the reader's topics
    seen.add(id);
    out.push({
      id,
      event: r.event,
      payload: r.payload,
      accountId: r.account_id === null ? null : Number(r.account_id),
      topic: r.topic,
    });
  }
  return out;
}

/** The newest event id, so a reader can start "from now". */
export async function latestEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Deletes events older than `before` (the resume window); streams older than that start fresh. */
export async function pruneEvents(db: Kysely<Database>, before: number): Promise<void> {
  await db.deleteFrom('events').where('created_at', '<', before).execute();
}
