import { HashchatError } from '../errors';

/**
 * Question/answer classification of the statuses of a session, following the TweetChat habit:
 * the host posts "Q1 …", participants answer with "A1 …" or by replying.
 */

export type Classification = { kind: 'question' | 'answer' | 'comment'; questionNumber: number | null };

export interface ClassifiableStatus {
  id: string;
  accountId: string;
  text: string;
  inReplyToId: string | null;
}

export interface ClassifyInput {
  status: ClassifiableStatus;
  /** The author is a host or co-host of the chat. */
  isHost: boolean;
  /** Set when this status is a published agenda question. */
  agendaQuestionNumber: number | null;
  /** Classification of the status it replies to, when that status is in the session. */
  parent: Classification | null;
}

const MAX_NUMBER = 999;

// "@ann ", "@ann@example.social, ", "@bob: " before the prefix.
const LEADING_MENTIONS = /^\s*(?:@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}_.-]+)?[,:]?\s+)*/u;

// "A1", "A1:", "a1)", "A1.", "A1 —", "A10"; the number must end at a word boundary and not be
// a decimal ("A1B", "A1sauce", "A1.5" are not answers). With a space ("A 1 -") a separator or
// the end must follow, so "A 2 hour drive…" is not an answer to question 2.
const prefixPattern = (letter: string) =>
  new RegExp(
    `^${letter}(?:(\\d{1,3})|[ \\t]+(\\d{1,3})(?=[ \\t]*(?:[:.)\\-–—]|$)))(?![\\p{L}\\p{N}_])(?![.,]\\d)`,
    'iu',
  );
const QUESTION_PREFIX = prefixPattern('Q');
const ANSWER_PREFIX = prefixPattern('A');

function numberedPrefix(text: string, pattern: RegExp): number | null {
  const match = pattern.exec(text.replace(LEADING_MENTIONS, ''));
  if (!match) return null;
  return Number(match[1] ?? match[2]);
}

/** The question number a status starts with ("Q1", "Q1:", "Q 1 -", "q1)"), after leading mentions. */
export function questionPrefix(text: string): number | null {
  return numberedPrefix(text, QUESTION_PREFIX);
}

/** The answer number a status starts with ("A1", "A1:", "A 1 -", "a1)", "A1."), after leading mentions. */
export function answerPrefix(text: string): number | null {
  return numberedPrefix(text, ANSWER_PREFIX);
}

/** What the composer is prefilled with to answer question `n`: "A1 ". */
export function answerPrefixText(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NUMBER) {
    throw new HashchatError('Invalid', `Question number must be a whole number from 0 to ${MAX_NUMBER}`);
  }
  return `A${n} `;
}

const question = (n: number): Classification => ({ kind: 'question', questionNumber: n });
const answer = (n: number): Classification => ({ kind: 'answer', questionNumber: n });
const COMMENT: Classification = { kind: 'comment', questionNumber: null };

/**
 * In order: a published agenda question is that question; a host's or co-host's "Q n" is
 * question n (a participant's is not); "A n" is an answer to n; a reply to question n is an
 * answer to n; anything else is a comment. A reply to an answer is a comment in that answer's
 * thread ("Love this!", "@eli Same here"), not another answer, unless it says "A n" itself.
 */
export function classify(input: ClassifyInput): Classification {
  if (input.agendaQuestionNumber !== null) return question(input.agendaQuestionNumber);
  const { text, inReplyToId } = input.status;
  if (input.isHost) {
    const asked = questionPrefix(text);
    if (asked !== null) return question(asked);
  }
  const answered = answerPrefix(text);
  if (answered !== null) return answer(answered);
  const parent = inReplyToId === null ? null : input.parent;
  if (parent !== null && parent.kind === 'question' && parent.questionNumber !== null) {
    return answer(parent.questionNumber);
  }
  return COMMENT;
}

/**
 * Classifies a session's statuses, given in time order, by status id. A reply's parent counts
 * only when it appears earlier in the list, or in `earlier` (the classifications of the
 * session's statuses before the list, for a session classified a page at a time); a reply to
 * anything else (another chat's question, a status outside the session) is classified as if
 * it replied to nothing.
 */
export function classifyAll(
  statuses: readonly ClassifiableStatus[],
  hosts: ReadonlySet<string>,
  agenda: ReadonlyMap<string, number>,
  earlier: ReadonlyMap<string, Classification> = new Map(),
): Map<string, Classification> {
  const result = new Map<string, Classification>();
  for (const status of statuses) {
    const id = status.inReplyToId;
    const parent = id === null ? null : (result.get(id) ?? earlier.get(id) ?? null);
    result.set(
      status.id,
      classify({
        status,
        isHost: hosts.has(status.accountId),
        agendaQuestionNumber: agenda.get(status.id) ?? null,
        parent,
      }),
    );
  }
  return result;
}
