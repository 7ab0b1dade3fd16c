import { describe, expect, it } from 'vitest';
import { arrivalAnnouncement, newPostsLabel } from './new-posts-label';

describe('newPostsLabel', () => {
  it.each([
    [1, '1 new post'],
    [2, '2 new posts'],
    [40, '40 new posts'],
  ])('%i → %s', (count, expected) => {
    expect(newPostsLabel(count)).toBe(expected);
  });
});

describe('arrivalAnnouncement', () => {
  it.each([
    [3, 0, '3 new posts shown'],
    [1, 0, '1 new post shown'],
    [2, 5, '5 new posts waiting'],
    [0, 0, ''],
  ])('%i arrived, %i waiting → %j', (arrived, waiting, expected) => {
    expect(arrivalAnnouncement(arrived, waiting)).toBe(expected);
  });
});
