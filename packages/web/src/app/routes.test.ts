import { describe, expect, it } from 'vitest';
import { matchRoute, type Route, safeNext } from './routes';

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
    ['/auth/sign-in', '?next=/tags/xyz', { name: 'sign-in', next: '/tags/xyz' }],
    ['/auth/sign-up', '?next=https://evil.example', { name: 'sign-up', next: null }],
    ['/tags/a/b', '', { name: 'not-found' }],
    ['/tags/%E0%A4%A', '', { name: 'not-found' }],
    ['/elsewhere', '', { name: 'not-found' }],
  ])('%s%s', (pathname, search, expected) => {
    expect(matchRoute(pathname, search)).toEqual(expected);
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
