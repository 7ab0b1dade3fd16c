import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempSqliteStore } from '../../test/support/temp-sqlite-store';
import { insertNotifications } from './notifications';

const openTemp = tempSqliteStore('hashchat-notifications-');

describe('insertNotifications', () => {
  it('inserts more rows than one statement takes, and returns them in the order given', async () => {
    const { db } = await openTemp();
    const people = 1_201;
    await sql`insert into accounts (id, username, username_lower, email, password_hash, created_at, updated_at)
      values (1, 'host', 'host', 'host@example.com', 'x', 0, 0)`.execute(db);
    for (let id = 2; id <= people + 1; id++) {
      await sql`insert into accounts (id, username, username_lower, email, password_hash, created_at, updated_at)
        values (${id}, ${`p${id}`}, ${`p${id}`}, ${`p${id}@example.com`}, 'x', 0, 0)`.execute(db);
    }
    await sql`insert into statuses (id, account_id, text, content, visibility, created_at)
      values (10, 1, 't', '<p>t</p>', 'public', 0)`.execute(db);
    // Recipients in descending id order: the answer must follow the list, not the accounts.
    const list = Array.from({ length: people }, (_, i) => ({
      accountId: people + 1 - i,
      fromAccountId: 1,
      type: i % 2 ? ('status' as const) : ('mention' as const),
      statusId: 10,
    }));
    const rows = await insertNotifications(db, list, 5);
    expect(
      rows.map((r) => [Number(r.account_id), r.type, Number(r.status_id), Number(r.created_at)]),
    ).toEqual(list.map((n) => [n.accountId, n.type, 10, 5]));
    const { rows: stored } = await sql<{ n: number }>`select count(*) as n from notifications`.execute(db);
    expect(Number(stored[0].n)).toBe(people);
  });
});
