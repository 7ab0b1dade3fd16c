import { describe, expect, it } from 'vitest';
import type { ViewerReach, VisibilityRow } from '../store/status-visibility';
import { mayView } from './visibility';

const AUTHOR = 1;
const VIEWER = 2;
const row = (v: Partial<VisibilityRow>): VisibilityRow => ({
  id: 10,
  account_id: AUTHOR,
  visibility: 'public',
  reblog_of_id: null,
  hold_chat_id: null,
  ...v,
});
const reach = (
  r: Partial<Omit<ViewerReach, 'moderates'>> & { moderates?: ViewerReach['moderates'] } = {},
) => ({
  mentionedIn: new Set<number>(),
  following: new Set<number>(),
  moderates: new Set<number>(),
  ...r,
});

describe('mayView, the visibility rule', () => {
  it.each([
    ['public, anyone', row({}), null, null, true],
    ['unlisted, anyone', row({ visibility: 'unlisted' }), null, null, true],
    ['followers-only, signed out', row({ visibility: 'private' }), null, null, false],
    ['followers-only, a stranger', row({ visibility: 'private' }), VIEWER, reach(), false],
    [
      'followers-only, a follower',
      row({ visibility: 'private' }),
      VIEWER,
      reach({ following: new Set([AUTHOR]) }),
      true,
    ],
    [
      'followers-only, mentioned',
      row({ visibility: 'private' }),
      VIEWER,
      reach({ mentionedIn: new Set([10]) }),
      true,
    ],
    [
      'direct, a follower',
      row({ visibility: 'direct' }),
      VIEWER,
      reach({ following: new Set([AUTHOR]) }),
      false,
    ],
    ['direct, mentioned', row({ visibility: 'direct' }), VIEWER, reach({ mentionedIn: new Set([10]) }), true],
    ['direct, its author', row({ visibility: 'direct' }), AUTHOR, reach(), true],
    ['held, signed out', row({ hold_chat_id: 5 }), null, null, false],
    ['held, a stranger', row({ hold_chat_id: 5 }), VIEWER, reach(), false],
    ['held, its author', row({ hold_chat_id: 5 }), AUTHOR, reach(), true],
    ['held, a host of its chat', row({ hold_chat_id: 5 }), VIEWER, reach({ moderates: new Set([5]) }), true],
    [
      'held, a host of another chat',
      row({ hold_chat_id: 5 }),
      VIEWER,
      reach({ moderates: new Set([6]) }),
      false,
    ],
    ['held, an instance moderator', row({ hold_chat_id: 5 }), VIEWER, reach({ moderates: 'all' }), true],
    [
      'held followers-only, a host of its chat who does not follow',
      row({ visibility: 'private', hold_chat_id: 5 }),
      VIEWER,
      reach({ moderates: new Set([5]) }),
      false,
    ],
  ] as const)('%s', (_name, s, viewer, r, expected) => {
    expect(mayView(s, viewer, r)).toBe(expected);
  });
});
