import type { Account } from '@hashchat/api/entities/account';
import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { describe, expect, it } from 'vitest';
import { isChatHost, roleOf } from './chat-roles';

const account = (id: string) => ({ id }) as Account;
const chat = {
  owner: account('1'),
  hosts: [account('1'), account('2')],
  co_hosts: [account('2')],
} as Chat;
const session = { guests: [account('3')] } as unknown as ChatSession;

describe('roleOf', () => {
  it.each([
    ['1', 'Host'],
    ['2', 'Co-host'],
    ['3', 'Guest'],
    ['4', null],
  ])('account %s → %s', (id, expected) => {
    expect(roleOf(id, chat, session)).toBe(expected);
  });

  it('has no guests without a session', () => {
    expect(roleOf('3', chat, null)).toBeNull();
  });

  it('takes the first host as the owner when the owner is not sent', () => {
    expect(roleOf('1', { hosts: [account('1')] } as Chat, null)).toBe('Host');
  });
});

describe('isChatHost', () => {
  it.each([
    ['1', true],
    ['2', true],
    ['3', false],
    [null, false],
  ])('%s → %s', (id, expected) => {
    expect(isChatHost(id, chat)).toBe(expected);
  });
});
