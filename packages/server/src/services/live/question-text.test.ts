import { describe, expect, it } from 'vitest';
import { questionStatusText } from './question-text';

describe('questionStatusText', () => {
  it.each([
    [
      'a question with its number and hashtag',
      { kind: 'question', text: 'Why?', image_url: null },
      1,
      ['Chat', null],
      'Q1 Why? #Chat',
    ],
    [
      'the extra tag too',
      { kind: 'question', text: 'Why?', image_url: null },
      2,
      ['Chat', 'Day1'],
      'Q2 Why? #Chat #Day1',
    ],
    [
      'no second hashtag',
      { kind: 'question', text: 'Why #chat?', image_url: null },
      3,
      ['Chat', null],
      'Q3 Why #chat?',
    ],
    [
      'an intro without a number',
      { kind: 'intro', text: 'Welcome!', image_url: null },
      null,
      ['Chat', null],
      'Welcome! #Chat',
    ],
    [
      'the image link',
      { kind: 'question', text: 'Look', image_url: 'https://x.test/a.png' },
      1,
      ['Chat', null],
      'Q1 Look https://x.test/a.png #Chat',
    ],
  ])('%s', (_name, item, n, tags, expected) => {
    expect(questionStatusText(item, n, tags)).toBe(expected);
  });
});
