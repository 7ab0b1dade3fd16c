import { formatCount } from './local-clock';

/**
 * The text of a recap thread: a thank-you with the figures and the transcript link first,
 * then the most active participants and the resources shared, each status within the limit.
 */

export interface RecapThreadInput {
  hashtag: string;
  participantsCount: number;
  statusesCount: number;
  newParticipantsCount: number;
  topAnswer: { acct: string; questionNumber: number | null; favouritesCount: number } | null;
  topParticipants: string[];
  links: string[];
  transcriptUrl: string;
  /** Characters per status (the instance's limit). */
  limit: number;
}

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;
const length = (s: string) => [...s].length;

const cut = (s: string, limit: number) => `${[...s].slice(0, limit - 1).join('')}…`;

/** Packs items into statuses of at most `limit` characters, each starting with `head`. */
function pack(head: string, items: string[], tail: string, limit: number): string[] {
  const out: string[] = [];
  let current = head;
  for (const item of items) {
    const next = `${current}${current === head ? '' : ' '}${item}`;
    if (length(next) + length(tail) <= limit) current = next;
    else {
      if (current !== head) out.push(`${current}${tail}`);
      // An item too long on its own is cut, so the thread always fits.
      current = length(head + item + tail) <= limit ? head + item : cut(head + item, limit - length(tail));
    }
  }
  if (current !== head) out.push(`${current}${tail}`);
  return out;
}

export function recapThreadTexts(r: RecapThreadInput): string[] {
  const tag = `#${r.hashtag}`;
  const top = r.topAnswer
    ? ` Top answer by @${r.topAnswer.acct}${r.topAnswer.questionNumber !== null ? ` (A${r.topAnswer.questionNumber}, ${plural(r.topAnswer.favouritesCount, 'like', 'likes')})` : ''}.`
    : '';
  const fresh = r.newParticipantsCount > 0 ? ` (${formatCount(r.newParticipantsCount)} new)` : '';
  const first = `Thanks for joining ${tag}! ${plural(r.participantsCount, 'person', 'people')}${fresh}, ${plural(r.statusesCount, 'post', 'posts')}.${top} Transcript and recap: ${r.transcriptUrl}`;
  const short = `Thanks for joining ${tag}! Transcript and recap: ${r.transcriptUrl}`;
  const texts = [length(first) <= r.limit ? first : length(short) <= r.limit ? short : cut(short, r.limit)];
  if (r.topParticipants.length > 0)
    texts.push(
      ...pack(
        'Most active: ',
        r.topParticipants.map((a) => `@${a}`),
        ` ${tag}`,
        r.limit,
      ),
    );
  if (r.links.length > 0) texts.push(...pack('Resources shared: ', r.links, ` ${tag}`, r.limit));
  return texts;
}
