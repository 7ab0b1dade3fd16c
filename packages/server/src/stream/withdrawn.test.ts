import { describe, expect, it } from 'vitest';
import { withoutWithdrawn } from './withdrawn';

const ev = (id: number, event: string, payload: string, topic = 'tag:a') => ({
  id,
  event,
  payload,
  topic,
  accountId: null,
});
const update = (id: number, status: string, topic?: string) =>
  ev(id, 'update', JSON.stringify({ id: status, content: 'text' }), topic);
const ids = (list: { id: number }[]) => list.map((e) => e.id);

describe('withoutWithdrawn', () => {
  it.each([
    ['nothing withdrawn: all kept', [update(1, '10'), update(2, '11')], [1, 2]],
    ['an update deleted later is dropped, the delete kept', [update(1, '10'), ev(2, 'delete', '10')], [2]],
    [
      'a delete on another topic withdraws nothing here',
      [update(1, '10'), ev(2, 'delete', '10', 'public')],
      [1, 2],
    ],
    [
      'hidden then let in again: the newer update stays',
      [update(1, '10'), ev(2, 'delete', '10'), update(3, '10')],
      [2, 3],
    ],
    [
      'other events are untouched',
      [ev(1, 'chat.spotlight', '{"status_id":"10"}'), ev(2, 'delete', '10')],
      [1, 2],
    ],
  ])('%s', (_name, backlog, kept) => {
    expect(ids(withoutWithdrawn(backlog as never))).toEqual(kept);
  });
});
