import type { Question, QuestionKind, QuestionState } from '@hashchat/api/entities/live';
import { describe, expect, it } from 'vitest';
import { aQuestion } from '../../test-support/entities';
import {
  applyQuestion,
  currentQuestion,
  laterQuestion,
  moveQuestion,
  nextQuestion,
  offsetLabel,
  planOffsets,
  questionLabel,
} from './agenda-model';

function item(
  id: string,
  position: number,
  state: QuestionState = 'draft',
  kind: QuestionKind = 'question',
  question_number: number | null = null,
): Question {
  return aQuestion({ id, position, kind, text: `item ${id}`, state, question_number });
}

const agenda = [
  item('10', 1, 'published', 'intro'),
  item('11', 2, 'published', 'question', 1),
  item('12', 3, 'skipped'),
  item('13', 4, 'scheduled'),
  item('14', 5),
  item('15', 6, 'draft', 'closing'),
];

describe('the agenda', () => {
  it('Next publishes the first item neither published nor skipped', () => {
    expect(nextQuestion(agenda)?.id).toBe('13');
    expect(nextQuestion(agenda.map((q) => ({ ...q, state: 'published' as const })))).toBeNull();
  });

  it('the current question is the last published question, not an intro', () => {
    expect(currentQuestion(agenda)?.id).toBe('11');
    expect(currentQuestion([item('1', 1, 'published', 'intro')])).toBeNull();
  });

  it.each<[string, Question | null, Question, string | null]>([
    ['a first question becomes current', null, item('1', 1, 'published', 'question', 1), '1'],
    [
      'a later one replaces it',
      item('1', 1, 'published', 'question', 1),
      item('2', 2, 'published', 'question', 2),
      '2',
    ],
    [
      'an older one does not',
      item('2', 2, 'published', 'question', 2),
      item('1', 1, 'published', 'question', 1),
      '2',
    ],
    ['a draft does not', null, item('1', 1), null],
    ['a closing post does not', null, item('1', 1, 'published', 'closing'), null],
  ])('%s', (_, shown, candidate, expected) => {
    expect(laterQuestion(shown, candidate)?.id ?? null).toBe(expected);
  });

  it.each([
    ['10', 'Intro'],
    ['11', 'Q1'],
    ['13', 'Q2'],
    ['14', 'Q3'],
    ['15', 'Closing'],
  ])('item %s is called %s', (id, label) => {
    expect(questionLabel(agenda.find((q) => q.id === id) as Question, agenda)).toBe(label);
  });

  it.each<[string, -1 | 1, string[] | null]>([
    ['12', -1, ['10', '12', '11', '13', '14', '15']],
    ['12', 1, ['10', '11', '13', '12', '14', '15']],
    ['10', -1, null],
    ['15', 1, null],
  ])('moving %s by %i', (id, delta, expected) => {
    expect(moveQuestion(agenda, id, delta)).toEqual(expected);
  });

  it('plans "first at +5, then every 10" for the open questions only', () => {
    expect(planOffsets(agenda, 5, 10)).toEqual([
      { id: '13', offset_minutes: 5 },
      { id: '14', offset_minutes: 15 },
    ]);
  });

  it('keeps the agenda in order as items change', () => {
    const moved = applyQuestion(agenda, { ...item('14', 0), text: 'now first' });
    expect(moved.map((q) => q.id)).toEqual(['14', '10', '11', '12', '13', '15']);
    expect(moved[0].text).toBe('now first');
  });

  it.each([
    [null, 'by Next'],
    [0, 'at the start'],
    [15, '+15 min'],
  ])('offset %s reads "%s"', (offset, label) => {
    expect(offsetLabel(offset)).toBe(label);
  });
});
