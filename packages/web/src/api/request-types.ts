import type { ChatCreateBody, ChatPatchBody } from '@hashchat/api/requests/chats';
import type { QuestionCreateBody, QuestionPatchBody } from '@hashchat/api/requests/live';
import type { ReportBody, RoomActionBody } from '@hashchat/api/requests/moderation';

/**
 * What the web app's forms send: the input side of the schemas the server parses these bodies
 * with (`@hashchat/api/requests/*`), so a field the server renames or drops fails to compile here.
 */

export type ChatInput = ChatCreateBody;

export type ChatPatch = ChatPatchBody;

export type QuestionInput = QuestionCreateBody;

export type QuestionPatch = QuestionPatchBody;

export type RoomActionInput = RoomActionBody;

export type ReportInput = ReportBody;
