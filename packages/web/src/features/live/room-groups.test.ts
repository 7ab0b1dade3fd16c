import type { RoomChat, Status } from '@hashchat/api/entities/status';
import { describe, expect, it } from 'vitest';
import { aRoomChat, aStatus } from '../../test-support/entities';
import { groupRoom, type RoomEntry } from './room-groups';

function status(
  id: string,
  text: string,
  chat?: Partial<RoomChat> | null,
  inReplyTo: string | null = null,
): Status {
  return aStatus({
    id,
    created_at: '2027-10-19T18:00:00.000Z',
    in_reply_to_id: inReplyTo,
    content: `<p>${text}</p>`,
    chat: chat === null ? undefined : aRoomChat(chat),
  });
}

const q = (id: string, n: number) => status(id, `Q${n} question`, { kind: 'question', question_number: n });
const a = (id: string, n: number) => status(id, `A${n} answer`, { kind: 'answer', question_number: n });
const c = (id: string) => status(id, 'a comment', { kind: 'comment' });

/** A compact picture of the column: "Q1[5,4]" for a card with answers 5 and 4, "3" for a status. */
function shape(entries: RoomEntry[]): string[] {
  return entries.map((e) =>
    e.type === 'status'
      ? e.status.id
      : `Q${e.number}${e.question ? '' : '?'}[${e.answers.map((s) => s.id).join(',')}]`,
  );
}

describe('groupRoom', () => {
  it.each<[string, Status[], string[]]>([
    ['an empty room', [], []],
    ['comments stay on their own, newest first', [c('2'), c('1')], ['2', '1']],
    [
      'answers go under their question, newest first',
      [a('4', 1), a('3', 1), q('2', 1), c('1')],
      ['Q1[4,3]', '1'],
    ],
    [
      'each answer lands in its own question’s card, which stands where its question stands',
      [a('6', 2), a('5', 1), c('4'), q('3', 2), a('2', 1), q('1', 1)],
      ['4', 'Q2[6]', 'Q1[5,2]'],
    ],
    ['A10 is not A1', [a('3', 10), a('2', 1), q('1', 1)], ['Q10?[3]', 'Q1[2]']],
    [
      'answers to a question that is not loaded gather where their oldest answer stands',
      [a('4', 3), c('3'), a('2', 3), c('1')],
      ['3', 'Q3?[4,2]', '1'],
    ],
    [
      'a second "Q1" is a status of its own, not a second card',
      [q('3', 1), a('2', 1), q('1', 1)],
      ['3', 'Q1[2]'],
    ],
  ])('%s', (_, statuses, expected) => {
    expect(shape(groupRoom(statuses))).toEqual(expected);
  });

  it('guesses the place of a status the viewer just posted before the server classifies it', () => {
    const own = status('9', 'A2 my answer', null);
    const ownReply = status('10', '@host green', null, '1');
    const ownComment = status('11', 'hello all', null);
    expect(shape(groupRoom([ownComment, ownReply, own, q('2', 2), q('1', 1)]))).toEqual([
      '11',
      'Q2[9]',
      'Q1[10]',
    ]);
  });
});
