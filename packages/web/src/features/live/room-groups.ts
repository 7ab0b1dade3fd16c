import type { Status } from '@hashchat/api/entities/status';
import { roomChat } from './room-chat';

/** One entry of the room's column: a question with its answers, or a status on its own. */
export type RoomEntry =
  | { type: 'question'; number: number; question: Status | null; answers: Status[] }
  | { type: 'status'; status: Status };

/**
 * The room's statuses (newest first) as the column shows them: each question as a card with
 * its answers under it (newest first), comments on their own. A card stands where its
 * question stands; answers whose question is not loaded (yet) gather in a card of that
 * number where its oldest loaded answer stands, so nothing jumps as answers arrive.
 */
export function groupRoom(statuses: readonly Status[]): RoomEntry[] {
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const cards = new Map<number, Extract<RoomEntry, { type: 'question' }>>();
  const card = (n: number) => {
    let found = cards.get(n);
    if (!found) {
      found = { type: 'question', number: n, question: null, answers: [] };
      cards.set(n, found);
    }
    return found;
  };
  // Oldest first, so the first question of a number is its card and anchors are stable.
  const anchors: { entry: RoomEntry; index: number }[] = [];
  for (let index = statuses.length - 1; index >= 0; index--) {
    const status = statuses[index];
    const chat = roomChat(status, byId);
    const n = chat?.question_number ?? null;
    if (chat?.kind === 'question' && n !== null && !cards.get(n)?.question) {
      const entry = card(n);
      entry.question = status;
      const placed = anchors.findIndex((a) => a.entry === entry);
      // A card that gathered answers before its question moves to the question's place.
      if (placed >= 0) anchors.splice(placed, 1);
      anchors.push({ entry, index });
    } else if (chat?.kind === 'answer' && n !== null) {
      const known = cards.has(n);
      const entry = card(n);
      entry.answers.unshift(status);
      if (!known) anchors.push({ entry, index });
    } else {
      anchors.push({ entry: { type: 'status', status }, index });
    }
  }
  return anchors.sort((a, b) => a.index - b.index).map((a) => a.entry);
}
