import type { RecapFigures } from '@hashchat/core/chat/recap';

/** A session's recap figures and its published thread: what the Recap serializer presents. */
export interface RecapData {
  figures: RecapFigures;
  publishedStatusIds: string[];
  publishedAt: number | null;
}
