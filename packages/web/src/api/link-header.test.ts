import { describe, expect, it } from 'vitest';
import { nextMaxIdFromLink } from './link-header';

describe('nextMaxIdFromLink', () => {
  it.each([
    [
      '<https://chat.test/api/v1/timelines/tag/x?max_id=105&limit=20>; rel="next", <https://chat.test/api/v1/timelines/tag/x?min_id=120>; rel="prev"',
      '105',
    ],
    ['<https://chat.test/api/v1/notifications?min_id=9>; rel="prev"', null],
    ['<https://chat.test/x?limit=20>; rel="next"', null],
    [null, null],
    ['', null],
  ])('%j → %j', (header, expected) => {
    expect(nextMaxIdFromLink(header)).toBe(expected);
  });
});
