import type { Chat, ChatSession, Directory, DirectoryEntry } from '@hashchat/api/entities/chat';
import { describe, expect, it } from 'vitest';
import { directorySections, directorySize } from './directory-sections';

const now = new Date('2027-10-17T10:00:00Z'); // Sunday 12:00 in Berlin
const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };

function entry(id: string, startsAt: string): DirectoryEntry {
  return {
    session: { id: `s${id}`, starts_at: startsAt, state: 'scheduled' } as ChatSession,
    chat: { id, hashtag: `tag${id}` } as Chat,
  };
}

function directory(parts: Partial<Directory>): Directory {
  return {
    generated_at: now.toISOString(),
    time_zone: 'Europe/Berlin',
    live: [],
    starting_soon: [],
    upcoming: [],
    later: [],
    ...parts,
  };
}

const shape = (d: Directory, soonMs?: number) =>
  directorySections(d, now, { ...berlin, soonMs }).map((s) => [s.title, s.entries.map((e) => e.chat.id)]);

describe('directorySections', () => {
  it('lists live, starting soon, then each local day headed for people, soonest first', () => {
    const d = directory({
      live: [entry('live', '2027-10-17T09:30:00Z')],
      starting_soon: [entry('soon', '2027-10-17T10:40:00Z'), entry('sooner', '2027-10-17T10:10:00Z')],
      upcoming: [
        { date: '2027-10-19', sessions: [entry('later', '2027-10-19T18:00:00Z')] },
        {
          date: '2027-10-17',
          sessions: [entry('tonight2', '2027-10-17T19:00:00Z'), entry('tonight', '2027-10-17T18:00:00Z')],
        },
      ],
    });
    expect(shape(d)).toEqual([
      ['Live now', ['live']],
      ['Starting soon', ['sooner', 'soon']],
      ['Today, Sunday 17 October', ['tonight', 'tonight2']],
      ['Tuesday 19 October', ['later']],
    ]);
    expect(directorySize(d)).toBe(6);
  });

  it('heads a day by the local day of its sessions, not the UTC one', () => {
    // 22:30 UTC on the 18th is Tuesday the 19th in Berlin.
    const d = directory({
      upcoming: [{ date: '2027-10-19', sessions: [entry('b', '2027-10-18T22:30:00Z')] }],
    });
    expect(shape(d)).toEqual([['Tuesday 19 October', ['b']]]);
  });

  it('moves an upcoming session that has come within reach up to "Starting soon"', () => {
    const d = directory({
      upcoming: [{ date: '2027-10-17', sessions: [entry('a', '2027-10-17T10:30:00Z')] }],
    });
    expect(shape(d, 60 * 60_000)).toEqual([['Starting soon', ['a']]]);
    expect(shape(d)).toEqual([['Today, Sunday 17 October', ['a']]]);
  });

  it('ends with "Later": the next session of chats with none this week, soonest first', () => {
    const d = directory({
      upcoming: [{ date: '2027-10-19', sessions: [entry('week', '2027-10-19T18:00:00Z')] }],
      later: [entry('spring', '2028-03-01T18:00:00Z'), entry('november', '2027-11-02T18:00:00Z')],
    });
    expect(shape(d)).toEqual([
      ['Tuesday 19 October', ['week']],
      ['Later', ['november', 'spring']],
    ]);
    expect(directorySize(d)).toBe(3);
  });

  it('has no sections when nothing is planned', () => {
    expect(directorySections(directory({}), now, berlin)).toEqual([]);
  });
});
