import { describe, expect, it } from 'vitest';
import { type NumberedItem, numberAgenda } from './agenda-numbers';

const q = (id: number, state: NumberedItem['state'] = 'draft', n: number | null = null): NumberedItem => ({
  id,
  kind: 'question',
  state,
  question_number: n,
});
const intro = (id: number): NumberedItem => ({ id, kind: 'intro', state: 'draft', question_number: null });

describe('numberAgenda', () => {
  it.each([
    ['questions in order', [q(1), q(2), q(3)], [1, 2, 3]],
    [
      'intro and closing posts are not numbered',
      [intro(1), q(2), q(3), { ...intro(4), kind: 'closing' as const }],
      [null, 1, 2, null],
    ],
    ['a skipped question gives its number to the next', [q(1), q(2, 'skipped'), q(3)], [1, null, 2]],
    ['a published question keeps its number', [q(1, 'published', 1), q(2, 'published', 3), q(3)], [1, 3, 4]],
  ])('%s', (_name, items, expected) => {
    const got = numberAgenda(items);
    expect(items.map((i) => got.get(i.id))).toEqual(expected);
  });
});
