import type { Account } from '@hashchat/api/entities/account';
import type { Chat, ChatSession } from '@hashchat/api/entities/chat';
import { describe, expect, it } from 'vitest';
import { badgeOf, isChatHost, roleOf } from './chat-roles';

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

describe('badgeOf', () => {
  const titled = {
    guests: [
      { id: '3', badge: 'Budgeting coach' },
      { id: '5', badge: '' },
    ],
  } as unknown as ChatSession;

  it.each([
    ['1', 'Host'],
    ['2', 'Co-host'],
    ['3', 'Budgeting coach'],
    ['5', 'Guest'],
    ['4', null],
  ])('account %s → %s', (id, expected) => {
    expect(badgeOf(id, chat, titled)).toBe(expected);
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
