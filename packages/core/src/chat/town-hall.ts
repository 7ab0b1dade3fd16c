import { conflict, forbidden } from '../errors';

/** Where a town-hall question stands. */
export type SubmissionState = 'pending' | 'approved' | 'dismissed' | 'answering' | 'answered';

/** A moderator's step on one question. */
export type Curation = 'approve' | 'dismiss' | 'answering' | 'answered';

/** States everyone sees; pending and dismissed questions are their asker's and the moderators' only. */
export const PUBLIC_SUBMISSION_STATES: readonly SubmissionState[] = ['approved', 'answering', 'answered'];

export const isPublicSubmission = (state: SubmissionState): boolean =>
  PUBLIC_SUBMISSION_STATES.includes(state);

const FROM: Record<Curation, readonly SubmissionState[]> = {
  // Approving also undoes a dismissal.
  approve: ['pending', 'dismissed'],
  dismiss: ['pending', 'approved', 'answering'],
  answering: ['approved', 'answered'],
  answered: ['approved', 'answering'],
};

const TO: Record<Curation, SubmissionState> = {
  approve: 'approved',
  dismiss: 'dismissed',
  answering: 'answering',
  answered: 'answered',
};

const PAST_TENSE: Record<Curation, string> = {
  approve: 'approved',
  dismiss: 'dismissed',
  answering: 'marked answering',
  answered: 'marked answered',
};

/** The state a curation step leaves a question in; a Conflict when the step cannot be taken from `state`. */
export function curatedState(state: SubmissionState, step: Curation): SubmissionState {
  if (!FROM[step].includes(state))
    throw conflict(`A question that is ${state} cannot be ${PAST_TENSE[step]}`);
  return TO[step];
}

/** Only approved questions not answered yet take votes. */
export function takesVotes(state: SubmissionState): boolean {
  return state === 'approved' || state === 'answering';
}

/**
 * Throws unless `voterId` may vote for a question in `state` asked by `askerId`: the question
 * must take votes (a Conflict otherwise), and nobody votes for their own question (Forbidden) —
 * the ranking says what the others want answered, and asking already counts as wanting it.
 */
export function checkVote(state: SubmissionState, askerId: string, voterId: string): void {
  if (askerId === voterId) throw forbidden('You cannot vote for your own question');
  if (!takesVotes(state)) throw conflict('Only approved questions that are not answered yet take votes');
}
