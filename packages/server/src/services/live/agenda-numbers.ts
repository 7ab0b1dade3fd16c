/** What numbering needs of an agenda item. */
export interface NumberedItem {
  id: number;
  kind: 'question' | 'intro' | 'closing';
  state: 'draft' | 'scheduled' | 'published' | 'skipped';
  question_number: number | null;
}

/**
 * Numbers an agenda (given in order) as "Q1…Qn": questions count, intro and closing posts and
 * skipped questions do not; a published question keeps the number it was asked with, and the
 * ones after it continue from there.
 */
export function numberAgenda(items: readonly NumberedItem[]): Map<number, number | null> {
  const out = new Map<number, number | null>();
  let n = 0;
  for (const item of items) {
    if (item.kind !== 'question' || item.state === 'skipped') {
      out.set(Number(item.id), null);
      continue;
    }
    n = item.state === 'published' && item.question_number !== null ? Number(item.question_number) : n + 1;
    out.set(Number(item.id), n);
  }
  return out;
}
