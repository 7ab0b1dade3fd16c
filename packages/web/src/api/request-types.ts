import type { ChatSchedule } from '@hashchat/api/entities/chat';
import type { QuestionKind } from '@hashchat/api/entities/live';
import type { ReportCategory, RoomAction } from '@hashchat/api/entities/moderation';

/** What the web app's forms send (the contract does not describe request bodies yet). */

export interface ChatInput {
  hashtag: string;
  title: string;
  description: string;
  category: string | null;
  language: string;
  time_zone: string;
  rules: string;
  schedule: ChatSchedule;
}

export type ChatPatch = Partial<Omit<ChatInput, 'hashtag'>> & {
  /** What the chat's Group shares on the fediverse. */
  fediverse_announces?: 'all' | 'questions';
};

export interface QuestionInput {
  text: string;
  offset_minutes: number | null;
  kind?: QuestionKind;
  /** An upload published with the item; null takes its image away. */
  media_id?: string | null;
}

export interface RoomActionInput {
  action: RoomAction;
  status_id?: string;
  account_id?: string;
  /** Mute and ban: without it, until undone. */
  duration_minutes?: number;
  reason?: string;
  category?: ReportCategory;
}

export interface ReportInput {
  status_id?: string;
  account_id?: string;
  category: ReportCategory;
  comment: string;
}
