import { describe, expect, it } from 'vitest';
import { chatActorName, tagOfChatActorName } from './fediverse-handle';

describe('chat handles', () => {
  it.each([
    ['bookclub', 'chat.bookclub'],
    ['café', 'chat.café'],
  ])('the chat of #%s is %s', (tag, name) => {
    expect(chatActorName(tag)).toBe(name);
    expect(tagOfChatActorName(name)).toBe(tag);
  });

  it.each(['alice', 'chat', 'chat.', 'chatbookclub', 'a.chat.b'])('%s is not a chat', (name) => {
    expect(tagOfChatActorName(name)).toBeNull();
  });

  it('reads the prefix whatever its case', () => {
    expect(tagOfChatActorName('Chat.BookClub')).toBe('bookclub');
  });
});
