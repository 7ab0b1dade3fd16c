import type { Question } from '@hashchat/api/entities/live';

/** The agenda in its order. */
export function byPosition(questions: readonly Question[]): Question[] {
  return [...questions].sort((a, b) => a.position - b.position || Number(a.id) - Number(b.id));
}

/** The agenda after an item was added or changed (a `chat.question` event or an API answer). */
export function applyQuestion(questions: readonly Question[], changed: Question): Question[] {
  return byPosition([...questions.filter((q) => q.id !== changed.id), changed]);
}

export function removeQuestion(questions: readonly Question[], id: string): Question[] {
  return questions.filter((q) => q.id !== id);
}

const isOpen = (q: Question) => q.state === 'draft' || q.state === 'scheduled';

/** What Next publishes: the first item of the agenda that is neither published nor skipped. */
export function nextQuestion(questions: readonly Question[]): Question | null {
  return byPosition(questions).find(isOpen) ?? null;
}

/** The question being discussed: the last published question (not an intro or closing post). */
export function currentQuestion(questions: readonly Question[]): Question | null {
  const published = byPosition(questions).filter((q) => q.kind === 'question' && q.state === 'published');
  return published[published.length - 1] ?? null;
}

/** The later of two candidates for the current question (a `chat.question` event against what is shown). */
export function laterQuestion(shown: Question | null, candidate: Question): Question | null {
  if (candidate.kind !== 'question' || candidate.state !== 'published') return shown;
  if (!shown || shown.id === candidate.id) return candidate;
  return (candidate.question_number ?? 0) >= (shown.question_number ?? 0) ? candidate : shown;
}

/**
 * How an item is called: "Q3" for a question (its number once published, else the number it
 * will get if the items before it are asked), "Intro", "Closing".
 */
export function questionLabel(question: Question, agenda: readonly Question[]): string {
  if (question.kind === 'intro') return 'Intro';
  if (question.kind === 'closing') return 'Closing';
  if (question.question_number !== null) return `Q${question.question_number}`;
  const ordered = byPosition(agenda);
  let n = 0;
  for (const item of ordered) {
    if (item.kind !== 'question' || item.state === 'skipped') continue;
    n = item.question_number ?? n + 1;
    if (item.id === question.id) return `Q${n}`;
  }
  return 'Q';
}

/** The ids in their new order after moving one item up (-1) or down (+1); null when it cannot move. */
export function moveQuestion(questions: readonly Question[], id: string, delta: -1 | 1): string[] | null {
  const ids = byPosition(questions).map((q) => q.id);
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  [ids[from], ids[to]] = [ids[to], ids[from]];
  return ids;
}

/**
 * Times for the questions still to come: "first at +5 min, then every 10" gives the open
 * questions +5, +15, +25… in agenda order. Intro and closing posts keep theirs.
 */
export function planOffsets(
  questions: readonly Question[],
  first: number,
  every: number,
): { id: string; offset_minutes: number }[] {
  return byPosition(questions)
    .filter((q) => q.kind === 'question' && isOpen(q))
    .map((q, i) => ({ id: q.id, offset_minutes: first + i * every }));
}

/** Items participants may read before they are asked (the host made the agenda public). */
export function upcomingQuestions(questions: readonly Question[]): Question[] {
  return byPosition(questions).filter(isOpen);
}

export function publishedQuestions(questions: readonly Question[]): Question[] {
  return byPosition(questions).filter((q) => q.state === 'published');
}

/** "+5 min", "at the start", or "by Next" for an item without a time. */
export function offsetLabel(offset: number | null): string {
  if (offset === null) return 'by Next';
  if (offset === 0) return 'at the start';
  return `+${offset} min`;
}
