import { parseText } from '@hashchat/core/text/parse';
import { normalizeTag } from '@hashchat/core/text/tag-name';

/**
 * The status an agenda item is published as: "Q1 <text> <image url> #tag #extra" (intro and
 * closing posts without the number); a hashtag already in the text is not added twice.
 */
export function questionStatusText(
  item: { kind: string; text: string; image_url: string | null },
  questionNumber: number | null,
  hashtags: (string | null)[],
): string {
  const body =
    item.kind === 'question' && questionNumber !== null ? `Q${questionNumber} ${item.text}` : item.text;
  const parts = [body.trim()];
  if (item.image_url) parts.push(item.image_url);
  const present = new Set(parseText(item.text).tags.map((t) => t.name));
  for (const tag of hashtags) {
    if (!tag || present.has(normalizeTag(tag))) continue;
    present.add(normalizeTag(tag));
    parts.push(`#${tag}`);
  }
  return parts.join(' ');
}
