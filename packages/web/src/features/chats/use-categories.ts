import type { ChatCategory } from '@hashchat/api/entities/chat';
import { listCategories } from '../../api/chats';
import { useResource } from '../../app/use-resource';

const NONE: ChatCategory[] = [];

/** The server's chat categories, for filters and the chat form (none while loading or on error). */
export function useCategories(): ChatCategory[] {
  return useResource(listCategories, []).value ?? NONE;
}
