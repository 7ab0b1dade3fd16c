import { describe, expect, it } from 'vitest';
import { matchRoute, paths, type Route, safeNext } from './routes';

describe('matchRoute', () => {
  it.each<[string, string, Route]>([
    ['/', '', { name: 'landing' }],
    ['/home', '', { name: 'home' }],
    ['/home/', '', { name: 'home' }],
    ['/notifications', '', { name: 'notifications' }],
    ['/search', '?q=%23tea%20time', { name: 'search', q: '#tea time' }],
    ['/search', '', { name: 'search', q: '' }],
    ['/tags/xyz', '', { name: 'room', tag: 'xyz' }],
    ['/tags/Caf%C3%A9', '', { name: 'room', tag: 'Café' }],
    ['/tags/%23xyz', '', { name: 'room', tag: 'xyz' }],
    ['/@alice', '', { name: 'profile', acct: 'alice' }],
    ['/@alice/123', '', { name: 'status', acct: 'alice', id: '123' }],
    ['/@alice/123/', '', { name: 'status', acct: 'alice', id: '123' }],
    ['/@alice/abc', '', { name: 'not-found' }],
    ['/@alice/123/more', '', { name: 'not-found' }],
    ['/chats', '', { name: 'chats', filters: { q: '', category: '', language: '' } }],
    [
      '/chats',
      '?q=tea&category=food&language=en',
      { name: 'chats', filters: { q: 'tea', category: 'food', language: 'en' } },
    ],
    ['/chats/new', '', { name: 'chat-new' }],
    ['/chats/12', '', { name: 'chat', id: '12', sessionId: null }],
    ['/chats/12/sessions/40', '', { name: 'chat', id: '12', sessionId: '40' }],
    ['/chats/12/edit', '', { name: 'chat-edit', id: '12' }],
    ['/chats/abc', '', { name: 'not-found' }],
    ['/sessions/40/console', '', { name: 'console', sessionId: '40' }],
    ['/sessions/40/console/', '', { name: 'console', sessionId: '40' }],
    ['/sessions/x/console', '', { name: 'not-found' }],
    ['/sessions/40/moderation', '', { name: 'moderation', sessionId: '40' }],
    ['/sessions/x/moderation', '', { name: 'not-found' }],
    ['/sessions/40/recap', '', { name: 'recap', sessionId: '40' }],
    ['/sessions/40/recap/', '', { name: 'recap', sessionId: '40' }],
    ['/sessions/x/recap', '', { name: 'not-found' }],
    ['/chats/12/stats', '', { name: 'chat-stats', id: '12' }],
    ['/chats/x/stats', '', { name: 'not-found' }],
    ['/settings', '', { name: 'settings' }],
    ['/settings/lists', '', { name: 'settings-lists' }],
    ['/lists', '', { name: 'lists' }],
    ['/lists/12', '', { name: 'list', id: '12' }],
    ['/lists/abc', '', { name: 'not-found' }],
    ['/settings/filters/', '', { name: 'settings-filters' }],
    ['/admin/federation', '', { name: 'admin-federation' }],
    ['/auth/sign-in', '?next=/tags/xyz', { name: 'sign-in', next: '/tags/xyz' }],
    ['/auth/sign-up', '?next=https://evil.example', { name: 'sign-up', next: null }],
    ['/tags/a/b', '', { name: 'not-found' }],
    ['/tags/%E0%A4%A', '', { name: 'not-found' }],
    ['/elsewhere', '', { name: 'not-found' }],
  ])('%s%s', (pathname, search, expected) => {
    expect(matchRoute(pathname, search)).toEqual(expected);
  });
});

describe('paths.chats', () => {
  it.each([
    [{}, '/chats'],
    [{ q: 'tea time', category: '', language: 'en' }, '/chats?q=tea+time&language=en'],
  ])('%j → %s', (filters, expected) => {
    expect(paths.chats(filters)).toBe(expected);
    expect(matchRoute('/chats', expected.slice(6))).toMatchObject({ name: 'chats' });
  });
});

describe('safeNext', () => {
  it.each([
    ['/tags/xyz', '/tags/xyz'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example', null],
    [null, null],
  ])('%j → %j', (value, expected) => {
    expect(safeNext(value)).toBe(expected);
  });
});
