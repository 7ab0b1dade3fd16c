import type { RoomState } from '@hashchat/api/entities/status';

const TO_AUTHOR = {
  muted: 'Only you can see this: you are muted in this chat.',
  pending: 'Waiting for a host to approve it; until then only you and the hosts can see it.',
  hidden: 'Hidden from the room by a host; only you and the hosts can see it.',
} as const;

const TO_HOSTS = {
  muted: 'Held: its author is muted in this chat, so only they and the hosts see it.',
  pending: 'Waiting for approval: only its author and the hosts see it.',
  hidden: 'Hidden from the room: only its author and the hosts see it.',
} as const;

/** Why a status is out of the room, told to its author or to a host; null when it is in. */
export function heldText(state: RoomState | undefined, own: boolean): string | null {
  if (!state || state === 'visible') return null;
  return (own ? TO_AUTHOR : TO_HOSTS)[state];
}
