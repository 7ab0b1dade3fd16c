import type { Poll } from '@hashchat/api/entities/poll';
import { pollPercents } from '@hashchat/core/status/poll-rules';
import { escapeHtml as esc } from '@hashchat/core/text/render';
import { formatCount } from './local-clock';

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * A status's poll in the transcript: each option with its count and share as text (no chart
 * to read), the total, and whether it has closed. Option titles are user text, escaped.
 */
export function renderPollHtml(poll: Poll | null): string {
  if (!poll) return '';
  const percents = pollPercents(poll);
  const items = poll.options
    .map((o, i) => {
      const result =
        o.votes_count === null
          ? 'hidden until it closes'
          : `${plural(o.votes_count, 'vote', 'votes')} (${percents[i]}%)`;
      return `<li><span class="poll-option">${esc(o.title)}</span>: <span class="poll-count">${result}</span></li>`;
    })
    .join('');
  const total =
    poll.multiple && poll.voters_count !== null
      ? plural(poll.voters_count, 'person', 'people')
      : plural(poll.votes_count, 'vote', 'votes');
  const state = poll.expired ? 'closed' : 'open';
  return `<section class="poll" aria-label="Poll results"><ul>${items}</ul><p class="note">Poll (${poll.multiple ? 'several choices' : 'one choice'}), ${total}, ${state}.</p></section>`;
}
