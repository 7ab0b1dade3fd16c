/**
 * The shape of a session's transcript: the questions in order, each with its answers, then
 * every other status in time order. Works on any item that carries its room classification,
 * so the server can pass Status entities and get them back arranged.
 */

export type RoomKind = 'question' | 'answer' | 'comment';

export interface TranscriptItem {
  /** A status id: a string of digits. */
  id: string;
  kind: RoomKind;
  questionNumber: number | null;
  /** Epoch milliseconds. */
  createdAt: number;
}

export interface TranscriptThread<T extends TranscriptItem> {
  questionNumber: number;
  /** The first status that asked it; null when only answers to it are in the room ("A7" without a Q7). */
  question: T | null;
  /** Its answers, in time order. */
  answers: T[];
}

export interface Transcript<T extends TranscriptItem> {
  /** By question number. */
  questions: TranscriptThread<T>[];
  /** Comments, and any repeat of a question already asked, in time order. */
  others: T[];
}

/** Time order; ids break ties (they grow with each status written). */
export function compareTranscriptItems(a: TranscriptItem, b: TranscriptItem): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  if (a.id.length !== b.id.length) return a.id.length - b.id.length;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildTranscript<T extends TranscriptItem>(items: readonly T[]): Transcript<T> {
  const ordered = [...items].sort(compareTranscriptItems);
  const threads = new Map<number, TranscriptThread<T>>();
  const thread = (n: number) => {
    let t = threads.get(n);
    if (!t) {
      t = { questionNumber: n, question: null, answers: [] };
      threads.set(n, t);
    }
    return t;
  };
  const others: T[] = [];
  for (const item of ordered) {
    const n = item.questionNumber;
    if (item.kind === 'question' && n !== null && thread(n).question === null) thread(n).question = item;
    else if (item.kind === 'answer' && n !== null) thread(n).answers.push(item);
    else others.push(item);
  }
  const questions = [...threads.values()].sort((a, b) => a.questionNumber - b.questionNumber);
  return { questions, others };
}
