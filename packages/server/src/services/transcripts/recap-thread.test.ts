import { describe, expect, it } from 'vitest';
import { type RecapThreadInput, recapThreadTexts } from './recap-thread';

const base: RecapThreadInput = {
  hashtag: 'TacoTalk',
  participantsCount: 42,
  statusesCount: 310,
  newParticipantsCount: 5,
  topAnswer: { acct: 'ann', questionNumber: 3, favouritesCount: 14 },
  topParticipants: ['ann', 'bob'],
  links: ['https://example.com/a'],
  transcriptUrl: 'https://hashchat.example/sessions/7',
  limit: 500,
};

const len = (s: string) => [...s].length;

describe('recapThreadTexts', () => {
  it('thanks, counts, names the top answer and links the transcript first', () => {
    const [first, ...rest] = recapThreadTexts(base);
    expect(first).toBe(
      'Thanks for joining #TacoTalk! 42 people (5 new), 310 posts. Top answer by @ann (A3, 14 likes). Transcript and recap: https://hashchat.example/sessions/7',
    );
    expect(rest).toEqual([
      'Most active: @ann @bob #TacoTalk',
      'Resources shared: https://example.com/a #TacoTalk',
    ]);
  });

  it.each([
    [
      'one person, no answers, no links',
      {
        participantsCount: 1,
        statusesCount: 1,
        newParticipantsCount: 0,
        topAnswer: null,
        topParticipants: [],
        links: [],
      },
      1,
    ],
    [
      'many links split into several statuses',
      { links: Array.from({ length: 30 }, (_, i) => `https://example.com/${'x'.repeat(40)}/${i}`) },
      7, // the thanks, most active, then 5 statuses of 7 links (~63 characters each)
    ],
  ])('%s', (_name, over, count) => {
    const texts = recapThreadTexts({ ...base, ...over });
    expect(texts).toHaveLength(count);
    for (const t of texts) expect(len(t)).toBeLessThanOrEqual(500);
  });

  it('keeps every status within a small limit, cutting an item too long on its own', () => {
    const texts = recapThreadTexts({
      ...base,
      limit: 100,
      links: [`https://example.com/${'y'.repeat(100)}`],
    });
    for (const t of texts) expect(len(t)).toBeLessThanOrEqual(100);
    expect(texts[0]).toBe(
      'Thanks for joining #TacoTalk! Transcript and recap: https://hashchat.example/sessions/7',
    );
    expect(texts[2]).toMatch(/^Resources shared: https:\/\/example\.com\/y+… #TacoTalk$/);
  });

  it('writes "1 person" and "1 post"', () => {
    expect(
      recapThreadTexts({
        ...base,
        participantsCount: 1,
        statusesCount: 1,
        newParticipantsCount: 0,
        topAnswer: null,
      })[0],
    ).toBe(
      'Thanks for joining #TacoTalk! 1 person, 1 post. Transcript and recap: https://hashchat.example/sessions/7',
    );
  });
});
