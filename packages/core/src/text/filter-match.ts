/** A keyword of a filter (Mastodon's FilterKeyword). */
export interface KeywordRule {
  keyword: string;
  /** Match only where the keyword stands as a whole word (not inside a longer one). */
  wholeWord: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Mastodon's rule (CustomFilterKeyword#to_regex): case-insensitive; a whole-word keyword needs a
 * word boundary on each side that starts or ends with a word character. Boundaries are
 * Unicode-aware here, so "café" is a whole word too.
 */
export function keywordPattern(k: KeywordRule): RegExp {
  const body = escapeRegExp(k.keyword);
  if (!k.wholeWord) return new RegExp(body, 'iu');
  const start = WORD_CHAR.test(k.keyword.at(0) ?? '') ? '(?<![\\p{L}\\p{N}_])' : '';
  const end = WORD_CHAR.test(k.keyword.at(-1) ?? '') ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(`${start}${body}${end}`, 'iu');
}

/** The keywords (as written) that match the text, in the order given. */
export function matchingKeywords(rules: readonly KeywordRule[], text: string): string[] {
  return rules.filter((r) => keywordPattern(r).test(text)).map((r) => r.keyword);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text a reader sees in a status's HTML: tags dropped, line breaks kept, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
}
