import { describe, expect, it } from 'vitest';
import { looksRemote } from './search';

describe('which searches ask another server', () => {
  it.each([
    ['@ana@example.social', true],
    ['ana@example.social', true],
    ['@chat.bookclub@127.0.0.1:3000', true],
    ['https://example.social/@ana/1', true],
    ['ana', false],
    ['#bookclub', false],
    ['@ana', false],
    ['tea and biscuits', false],
  ])('%s: %s', (q, remote) => {
    expect(looksRemote(q)).toBe(remote);
  });
});
