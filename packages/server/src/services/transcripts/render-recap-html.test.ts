import { describe, expect, it } from 'vitest';
import type { RecapEntity } from '../../present/recap';
import { renderRecapSection } from './render-recap-html';

const account = (id: string, acct: string) => ({
  id,
  username: acct.split('@')[0],
  acct,
  url: `https://${acct.includes('@') ? acct.split('@')[1] : 'hashchat.example'}/@${acct.split('@')[0]}`,
  display_name: '',
});

// Only what the section reads; the rest of the entity is not needed to render it.
const recap = {
  session: { time_zone: 'Europe/London' },
  statuses_count: 3,
  late_statuses_count: 0,
  participants_count: 2,
  new_participants_count: 2,
  returning_participants_count: 0,
  hosts_statuses_count: 1,
  hosts_share: 0.3333,
  answers_per_question: [{ question_number: 1, count: 2 }],
  posts_per_minute: [{ minute: 0, at: '2027-03-01T21:43:00.000Z', count: 3 }],
  peak_minute: { minute: 0, at: '2027-03-01T21:43:00.000Z', count: 3 },
  top_participants: [
    { account: account('7', 'ann@remote.example'), statuses_count: 2 },
    { account: account('1', 'host'), statuses_count: 1 },
  ],
  top_answers: [],
  most_mentioned: [{ account: account('7', 'ann@remote.example'), mentions_count: 1 }],
  links: [],
  languages: [],
  potential_reach: 0,
  potential_impressions: 0,
  definitions: {},
} as unknown as RecapEntity;

describe('renderRecapSection', () => {
  it('names a fediverse participant by their full handle, counted like a local one', () => {
    const html = renderRecapSection(recap);
    expect(html).toContain('<span class="acct">@ann@remote.example</span> — 2 statuses');
    expect(html).toContain('<span class="acct">@ann@remote.example</span> — 1 mention');
    expect(html).toContain('<span class="acct">@host</span> — 1 status');
  });

  it('gives the peak as a clock time in the chat zone, marked for the reader zone, not "minute 0"', () => {
    const html = renderRecapSection(recap);
    expect(html).toContain(
      '<dd class="figure-value"><time datetime="2027-03-01T21:43:00.000Z" data-zone="Europe/London" data-show="dual">21:43 Europe/London</time></dd>',
    );
    expect(html).not.toContain('at minute');
  });
});
