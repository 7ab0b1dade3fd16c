import type { Recap } from '@hashchat/api/entities/recap';
import { describe, expect, it } from 'vitest';
import { answerRows, clockTime, count, linkLabel, minuteRows, percent, plural } from './recap-model';

const recap = {
  posts_per_minute: [
    { minute: 0, at: '2027-03-01T14:50:00.000Z', count: 1 },
    { minute: 1, at: '2027-03-01T14:51:00.000Z', count: 2 },
    { minute: 2, at: '2027-03-01T14:52:00.000Z', count: 1 },
    { minute: 3, at: '2027-03-01T14:53:00.000Z', count: 2 },
  ],
  peak_minute: { minute: 1, at: '2027-03-01T14:51:00.000Z', count: 2 },
  answers_per_question: [
    { question_number: 1, count: 4 },
    { question_number: 2, count: 0 },
  ],
} as Recap;

describe('minuteRows', () => {
  it('labels minutes in the given zone and points at the peak', () => {
    expect(minuteRows(recap, { timeZone: 'Asia/Tokyo' })).toEqual({
      rows: [
        { label: '23:50', value: 1 },
        { label: '23:51', value: 2 },
        { label: '23:52', value: 1 },
        { label: '23:53', value: 2 },
      ],
      peak: 1,
    });
  });

  it('has no peak without statuses', () => {
    expect(minuteRows({ ...recap, posts_per_minute: [], peak_minute: null })).toEqual({
      rows: [],
      peak: null,
    });
  });
});

describe('answerRows', () => {
  it('names each question and keeps the ones without answers', () => {
    expect(answerRows(recap)).toEqual([
      { label: 'Q1', value: 4 },
      { label: 'Q2', value: 0 },
    ]);
  });
});

describe('formatting', () => {
  it.each([
    [0.25, '25%'],
    [0.0806, '8.1%'],
    [0, '0%'],
    [1, '100%'],
  ])('percent(%d) = %s', (share, text) => {
    expect(percent(share)).toBe(text);
  });

  it.each([
    [1, '1 status'],
    [8, '8 statuses'],
    [48_800, '48,800 statuses'],
  ])('plural(%d)', (n, text) => {
    expect(plural(n, 'status', 'statuses')).toBe(text);
  });

  it('groups thousands', () => {
    expect(count(1234567)).toBe('1,234,567');
  });

  it('writes clock times on a 24-hour clock in the zone', () => {
    expect(clockTime('2027-03-01T14:51:00.000Z', { timeZone: 'America/New_York' })).toBe('09:51');
  });

  it.each([
    ['https://example.com/tacos', 'example.com/tacos'],
    ['https://www.example.com/', 'example.com'],
    ['http://example.com/a?b=1', 'example.com/a?b=1'],
    ['not a url', 'not a url'],
  ])('linkLabel(%s) = %s', (url, label) => {
    expect(linkLabel(url)).toBe(label);
  });
});
