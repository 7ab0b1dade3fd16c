import { describe, expect, it } from 'vitest';
import {
  type Curation,
  checkVote,
  curatedState,
  isPublicSubmission,
  type SubmissionState,
  takesVotes,
} from './town-hall';

const STATES: SubmissionState[] = ['pending', 'approved', 'dismissed', 'answering', 'answered'];

describe('curatedState', () => {
  it.each<[SubmissionState, Curation, SubmissionState | string]>([
    ['pending', 'approve', 'approved'],
    ['dismissed', 'approve', 'approved'],
    ['approved', 'approve', 'A question that is approved cannot be approved'],
    ['answering', 'approve', 'A question that is answering cannot be approved'],
    ['answered', 'approve', 'A question that is answered cannot be approved'],
    ['pending', 'dismiss', 'dismissed'],
    ['approved', 'dismiss', 'dismissed'],
    ['answering', 'dismiss', 'dismissed'],
    ['dismissed', 'dismiss', 'A question that is dismissed cannot be dismissed'],
    ['answered', 'dismiss', 'A question that is answered cannot be dismissed'],
    ['approved', 'answering', 'answering'],
    ['answered', 'answering', 'answering'],
    ['pending', 'answering', 'A question that is pending cannot be marked answering'],
    ['dismissed', 'answering', 'A question that is dismissed cannot be marked answering'],
    ['answering', 'answering', 'A question that is answering cannot be marked answering'],
    ['approved', 'answered', 'answered'],
    ['answering', 'answered', 'answered'],
    ['pending', 'answered', 'A question that is pending cannot be marked answered'],
    ['dismissed', 'answered', 'A question that is dismissed cannot be marked answered'],
    ['answered', 'answered', 'A question that is answered cannot be marked answered'],
  ])('%s, %s → %s', (state, step, expected) => {
    if (STATES.includes(expected as SubmissionState)) {
      expect(curatedState(state, step)).toBe(expected);
    } else {
      expect(() => curatedState(state, step)).toThrow(
        expect.objectContaining({ name: 'HashchatError', code: 'Conflict', message: expected }),
      );
    }
  });
});

describe('who sees a question, and which take votes', () => {
  it.each<[SubmissionState, boolean, boolean]>([
    ['pending', false, false],
    ['approved', true, true],
    ['dismissed', false, false],
    ['answering', true, true],
    ['answered', true, false],
  ])('%s: public %s, takes votes %s', (state, visible, votes) => {
    expect(isPublicSubmission(state)).toBe(visible);
    expect(takesVotes(state)).toBe(votes);
  });
});

describe('checkVote: who may vote for a question', () => {
  it.each<[SubmissionState, string, string, string | null]>([
    ['approved', 'asker', 'other', null],
    ['answering', 'asker', 'other', null],
    ['approved', 'asker', 'asker', 'Forbidden: You cannot vote for your own question'],
    ['answering', 'asker', 'asker', 'Forbidden: You cannot vote for your own question'],
    ['pending', 'asker', 'asker', 'Forbidden: You cannot vote for your own question'],
    ['pending', 'asker', 'other', 'Conflict: Only approved questions that are not answered yet take votes'],
    ['answered', 'asker', 'other', 'Conflict: Only approved questions that are not answered yet take votes'],
    ['dismissed', 'asker', 'other', 'Conflict: Only approved questions that are not answered yet take votes'],
  ])('%s question by %s, vote by %s → %s', (state, asker, voter, refusal) => {
    if (refusal === null) {
      expect(() => checkVote(state, asker, voter)).not.toThrow();
    } else {
      const [code, message] = refusal.split(': ');
      expect(() => checkVote(state, asker, voter)).toThrow(
        expect.objectContaining({ name: 'HashchatError', code, message }),
      );
    }
  });
});
