import { describe, expect, it } from 'vitest';
import { buildTranscript, compareTranscriptItems, type RoomKind, type TranscriptItem } from './transcript';

const item = (
  id: string,
  kind: RoomKind,
  questionNumber: number | null,
  createdAt: number,
): TranscriptItem => ({
  id,
  kind,
  questionNumber,
  createdAt,
});

const ids = (xs: TranscriptItem[]) => xs.map((x) => x.id);

describe('buildTranscript', () => {
  it('puts the questions in order, each with its answers in time order, then the rest in time order', () => {
    const t = buildTranscript([
      item('9', 'answer', 1, 900),
      item('2', 'question', 2, 200),
      item('1', 'question', 1, 100),
      item('5', 'comment', null, 500),
      item('3', 'answer', 1, 300),
      item('4', 'answer', 2, 400),
      item('6', 'comment', null, 150),
    ]);
    expect(t.questions.map((q) => [q.questionNumber, q.question?.id, ids(q.answers)])).toEqual([
      [1, '1', ['3', '9']],
      [2, '2', ['4']],
    ]);
    expect(ids(t.others)).toEqual(['6', '5']);
  });

  it.each([
    [
      'answers to a question never asked get a thread without a question',
      [item('3', 'answer', 7, 1)],
      [[7, null, ['3']]],
      [],
    ],
    [
      'a repeated question stays with the others; the first one asked is the question',
      [item('1', 'question', 1, 1), item('2', 'question', 1, 2)],
      [[1, '1', []]],
      ['2'],
    ],
    [
      'question 0 sorts before 1',
      [item('5', 'question', 1, 1), item('6', 'question', 0, 2)],
      [
        [0, '6', []],
        [1, '5', []],
      ],
      [],
    ],
    ['an empty room', [], [], []],
  ])('%s', (_name, input, questions, others) => {
    const t = buildTranscript(input);
    expect(t.questions.map((q) => [q.questionNumber, q.question?.id ?? null, ids(q.answers)])).toEqual(
      questions,
    );
    expect(ids(t.others)).toEqual(others);
  });

  it('keeps whatever else the items carry', () => {
    const rich = { ...item('1', 'question', 1, 1), text: 'Q1 hello' };
    expect(buildTranscript([rich]).questions[0].question?.text).toBe('Q1 hello');
  });
});

describe('compareTranscriptItems', () => {
  it.each([
    [item('10', 'comment', null, 1), item('9', 'comment', null, 2), -1],
    [item('10', 'comment', null, 5), item('9', 'comment', null, 5), 1],
    [item('9', 'comment', null, 5), item('10', 'comment', null, 5), -1],
    [item('7', 'comment', null, 5), item('7', 'comment', null, 5), 0],
  ])('orders by time, then by id as a number (%#)', (a, b, sign) => {
    expect(Math.sign(compareTranscriptItems(a, b))).toBe(sign);
  });
});
