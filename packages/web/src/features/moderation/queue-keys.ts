/** One key press on the moderation queue. */
export type QueueCommand = 'approve' | 'reject' | 'hide' | 'mute' | 'ban' | 'next' | 'previous' | 'help';

const KEYS: Record<string, QueueCommand> = {
  a: 'approve',
  x: 'reject',
  h: 'hide',
  m: 'mute',
  b: 'ban',
  j: 'next',
  k: 'previous',
  '?': 'help',
};

/** The shortcuts, in the order the page lists them. */
export const QUEUE_SHORTCUTS: { key: string; does: string }[] = [
  { key: 'j / k', does: 'Move to the next / previous item' },
  { key: 'a', does: 'Approve the status or question' },
  { key: 'x', does: 'Reject the status, dismiss the report or the question' },
  { key: 'h', does: 'Hide the status from the room' },
  { key: 'm', does: 'Mute its author in the chat' },
  { key: 'b', does: 'Ban its author from the chat' },
  { key: '?', does: 'Show or hide these shortcuts' },
];

/** The command a key press means, or null (also while typing or with a modifier held). */
export function queueCommand(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  typing: boolean;
}): QueueCommand | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.typing) return null;
  return KEYS[event.key] ?? null;
}
