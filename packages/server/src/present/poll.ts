import type { Poll } from '@hashchat/api/entities/poll';
import type { PollView } from '../store/polls';

/**
 * Mastodon's Poll entity from its rows. `voted` and `own_votes` only with a viewer (`withViewer`),
 * so the one entity a stream shares says nothing about anyone's vote.
 */
export function presentPoll(v: PollView, now: number, withViewer: boolean): Poll {
  const expired = now >= Number(v.poll.expires_at);
  const multiple = Boolean(v.poll.multiple);
  const showTotals = expired || !v.poll.hide_totals;
  const poll: Poll = {
    id: String(v.poll.id),
    expires_at: new Date(Number(v.poll.expires_at)).toISOString(),
    expired,
    multiple,
    votes_count: Number(v.poll.votes_count),
    voters_count: multiple ? Number(v.poll.voters_count) : null,
    options: v.options.map((o) => ({
      title: o.title,
      votes_count: showTotals ? Number(o.votes_count) : null,
    })),
    emojis: [],
  };
  if (withViewer) {
    poll.voted = v.ownVotes !== null;
    poll.own_votes = v.ownVotes ?? [];
  }
  return poll;
}
