import { describe, expect, it } from 'vitest';
import { HashchatError } from '../errors';
import {
  answerPrefix,
  answerPrefixText,
  type ClassifiableStatus,
  type Classification,
  classify,
  classifyAll,
  questionPrefix,
} from './classify';

const question = (n: number): Classification => ({ kind: 'question', questionNumber: n });
const answer = (n: number): Classification => ({ kind: 'answer', questionNumber: n });
const comment: Classification = { kind: 'comment', questionNumber: null };

describe('answerPrefix', () => {
  it.each([
    ['A1 Coffee first #chat', 1],
    ['A1: Coffee first', 1],
    ['A1. Coffee first', 1],
    ['A1) Coffee first', 1],
    ['a1) coffee first', 1],
    ['A1 - coffee', 1],
    ['A1- coffee', 1],
    ['A1 — coffee', 1],
    ['A1—coffee', 1],
    ['A1–coffee', 1],
    ['A1, coffee', 1],
    ['A1', 1],
    ['A 1 - coffee', 1],
    ['A 1: coffee', 1],
    ['a 1) coffee', 1],
    ['A 1', 1],
    ['A10 tea', 10],
    ['A10: tea', 10],
    ['A12 tea', 12],
    ['A01 tea', 1],
    ['A0 hi, I am Ann', 0],
    ['  A3 leading spaces', 3],
    ['@ann A2 yes', 2],
    ['@ann @bob A2 yes', 2],
    ['@ann@example.social A2: yes', 2],
    ['@ann, A2 yes', 2],
    ['@ann: A2 yes', 2],
    ['A1\nmore on the next line', 1],
  ])('%j → %s', (text, expected) => {
    expect(answerPrefix(text)).toBe(expected);
  });

  it.each([
    ['A1B is my answer'],
    ['A1sauce is the best sauce'],
    ['Apple pie'],
    ['AI will change this'],
    ['A1.5% of people'],
    ['A 2 hour drive is too long'],
    ['A1234 is a number'],
    ['I think A1 is right'],
    ['Re A1: agreed'],
    ['#A1 tag'],
    ['(A1) brackets first'],
    ['@ann I think A2'],
    ['Q1 what about you?'],
    ['A'],
    [''],
  ])('%j → null', (text) => {
    expect(answerPrefix(text)).toBeNull();
  });
});

describe('questionPrefix', () => {
  it.each([
    ['Q1 What got you started?', 1],
    ['Q1: What got you started?', 1],
    ['Q 1 - What got you started?', 1],
    ['q1) what got you started?', 1],
    ['Q10. Last one', 10],
    ['@ann Q3 for you', 3],
    ['Q1B is a bus route', null],
    ['Quick question', null],
    ['So, Q1 was hard', null],
    ['A1 not a question', null],
  ])('%j → %s', (text, expected) => {
    expect(questionPrefix(text)).toBe(expected);
  });
});

describe('answerPrefixText', () => {
  it.each([
    [1, 'A1 '],
    [10, 'A10 '],
    [0, 'A0 '],
  ])('%s → %j', (n, expected) => {
    expect(answerPrefixText(n)).toBe(expected);
    expect(answerPrefix(`${answerPrefixText(n)}my answer`)).toBe(n);
  });

  it.each([-1, 1.5, 1000, Number.NaN])('rejects %s', (n) => {
    expect(() => answerPrefixText(n)).toThrow(HashchatError);
  });
});

describe('classify', () => {
  const status = (text: string, inReplyToId: string | null = null) => ({
    id: 's1',
    accountId: 'a1',
    text,
    inReplyToId,
  });

  it.each([
    ['a published agenda question', status('What got you started?'), false, 2, null, question(2)],
    ['an agenda question whatever its text says', status('A1 oops'), true, 4, null, question(4)],
    ['a host "Q1"', status('Q1: What got you started?'), true, null, null, question(1)],
    ['a co-host "q 3 -" after a mention', status('@ann q 3 - over to you'), true, null, null, question(3)],
    ['a participant "Q1" (not a question)', status('Q1 was a great one'), false, null, null, comment],
    [
      'a participant "Q1" replying to question 1',
      status('Q1 was great', 'q'),
      false,
      null,
      question(1),
      answer(1),
    ],
    ['a host comment', status('Welcome everyone!'), true, null, null, comment],
    ['a host "A2"', status('A2 mine is tea'), true, null, null, answer(2)],
    ['"A10" is ten, not one', status('A10 tea'), false, null, null, answer(10)],
    ['"A1" inside a sentence', status('I agree with the A1 above'), false, null, null, comment],
    ['"Q1" inside a sentence', status('When is Q1 coming?'), false, null, null, comment],
    ['a reply to question 3', status('Coffee, always', 'q'), false, null, question(3), answer(3)],
    [
      'a reply to an answer to 3 (a comment in its thread)',
      status('Same here!', 'a'),
      false,
      null,
      answer(3),
      comment,
    ],
    [
      "the host's reply to an answer",
      status('Love this, thanks for sharing!', 'a'),
      true,
      null,
      answer(1),
      comment,
    ],
    [
      'a participant\'s "@eli Same here…" reply to an answer',
      status('@eli Same here, coffee first', 'a'),
      false,
      null,
      answer(1),
      comment,
    ],
    [
      'an "A1" reply to an answer (the prefix wins)',
      status('@eli A1 mine too', 'a'),
      false,
      null,
      answer(1),
      answer(1),
    ],
    ['an "A2" reply to an answer to 1', status('A2: tea', 'a'), false, null, answer(1), answer(2)],
    ["a reply to a comment in an answer's thread", status('Ha, agreed', 'c'), false, null, comment, comment],
    ["a host's reply to question 2", status('Mine is tea', 'q'), true, null, question(2), answer(2)],
    ['a reply to a comment', status('Ha, agreed', 'c'), false, null, comment, comment],
    ['a reply whose parent is outside the session', status('Coffee', 'x'), false, null, null, comment],
    [
      'an "A2" reply to question 1 (the prefix wins)',
      status('A2 tea', 'q'),
      false,
      null,
      question(1),
      answer(2),
    ],
    ['lower case with a mention', status('@host a4) yes'), false, null, null, answer(4)],
    ['a plain comment', status('Hello from Lisbon #chat'), false, null, null, comment],
    ['"A1B" (no boundary)', status('A1B vitamins'), false, null, null, comment],
  ])('%s', (_name, s, isHost, agendaQuestionNumber, parent, expected) => {
    expect(classify({ status: s, isHost, agendaQuestionNumber, parent })).toEqual(expected);
  });

  it('ignores a parent when the status is not a reply', () => {
    expect(
      classify({
        status: status('Coffee', null),
        isHost: false,
        agendaQuestionNumber: null,
        parent: question(1),
      }),
    ).toEqual(comment);
  });
});

describe('classifyAll', () => {
  const hosts = new Set(['host', 'cohost']);
  const s = (
    id: string,
    accountId: string,
    text: string,
    inReplyToId: string | null = null,
  ): ClassifiableStatus => ({
    id,
    accountId,
    text,
    inReplyToId,
  });

  it('classifies a session in order, following reply chains', () => {
    const statuses = [
      s('1', 'host', 'Welcome to #chat, first question in a minute'),
      s('2', 'host', 'What got you started?'), // agenda question 1
      s('3', 'ann', 'A1 My first job #chat'),
      s('4', 'bob', 'Same as Ann', '3'), // reply to an answer: a comment in its thread
      s('5', 'cat', 'Really?', '4'), // reply to that comment
      s('6', 'cohost', 'Q2: What keeps you going?'),
      s('7', 'dan', 'Coffee', '6'),
      s('8', 'eve', 'A10 whatever'),
      s('9', 'ann', 'Q1 was fun'),
      s('10', 'bob', 'Coffee too', 'other-chat-question'),
      s('11', 'cat', 'lol', '1'),
      s('12', 'dan', '@ann a1: me too', '9'),
    ];
    const result = classifyAll(statuses, hosts, new Map([['2', 1]]));
    expect([...result.entries()]).toEqual([
      ['1', comment],
      ['2', question(1)],
      ['3', answer(1)],
      ['4', comment],
      ['5', comment],
      ['6', question(2)],
      ['7', answer(2)],
      ['8', answer(10)],
      ['9', comment],
      ['10', comment],
      ['11', comment],
      ['12', answer(1)],
    ]);
  });

  it('does not use a parent that comes later in the list', () => {
    const result = classifyAll(
      [s('1', 'ann', 'Coffee', '2'), s('2', 'host', 'Q1 Tea or coffee?')],
      hosts,
      new Map(),
    );
    expect(result.get('1')).toEqual(comment);
    expect(result.get('2')).toEqual(question(1));
  });

  it('classifies a session a page at a time as it does whole, given the earlier pages', () => {
    const statuses = [
      s('1', 'host', 'Q1 Tea or coffee?'),
      s('2', 'ann', 'Coffee', '1'),
      s('3', 'bob', 'Same', '2'),
      s('4', 'cat', 'Tea', '1'),
      s('5', 'dan', 'Ha', '3'),
    ];
    const whole = classifyAll(statuses, hosts, new Map());
    const first = classifyAll(statuses.slice(0, 2), hosts, new Map());
    const second = classifyAll(statuses.slice(2), hosts, new Map(), first);
    expect(new Map([...first, ...second])).toEqual(whole);
    expect(second.get('4')).toEqual(answer(1));
    expect(second.get('3')).toEqual(comment);
    // Without the earlier page, the reply to the question has no parent to go by.
    expect(classifyAll(statuses.slice(2), hosts, new Map()).get('4')).toEqual(comment);
  });

  it('returns nothing for no statuses', () => {
    expect(classifyAll([], hosts, new Map()).size).toBe(0);
  });
});

describe('prefix matching stays fast on hostile text', () => {
  it('handles a long run of mention-like text', () => {
    const text = `${'@a'.repeat(20_000)}@ A1`;
    const started = performance.now();
    expect(answerPrefix(text)).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
