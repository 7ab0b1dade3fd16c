import type { RoomChat } from '@hashchat/api/entities/status';
import { heldText } from './held-text';

/** Tells the author (and the hosts) why a status is not in everyone's room. */
export function HeldNote({ chat, own }: { chat: RoomChat | undefined; own: boolean }) {
  const text = heldText(chat?.room_state, own);
  if (!text) return null;
  return <p className={`held-note held-${chat?.room_state}`}>{text}</p>;
}
