import { isValidTagName, normalizeTag, TAG_BODY_PATTERN } from './tag-name';

export type Token =
  | { type: 'text'; text: string }
  /** `text` as written including `#` or `＃`; `display` is the body as written; `name` is normalised. */
  | { type: 'tag'; text: string; name: string; display: string }
  /** `text` as written including `@`. */
  | { type: 'mention'; text: string; username: string; domain: string | null }
  | { type: 'link'; text: string; url: string };

export interface ParsedText {
  /** Concatenating every `token.text` reproduces the input exactly. */
  tokens: Token[];
  /** Unique by name, in order of appearance; the first display wins. */
  tags: { name: string; display: string }[];
  /** Unique case-insensitively by acct (`username` or `username@domain`), in order of appearance. */
  mentions: { username: string; domain: string | null; acct: string }[];
  /** Unique, in order of appearance. */
  links: string[];
}

export const USERNAME_MAX_LENGTH = 30;

// All patterns are sticky and built from disjoint classes, so each match is linear.
const TAG_BODY = new RegExp(TAG_BODY_PATTERN, 'uy');
const USERNAME = /[A-Za-z0-9_]+(?:[.-]+[A-Za-z0-9_]+)*/y;
// A port is part of a server's name (`@ana@127.0.0.1:4000`, development and test servers).
const DOMAIN = /[\p{L}\p{M}\p{N}_]+(?:[.-]+[\p{L}\p{M}\p{N}_]+)*(?::\d{1,5}(?![\d\p{L}]))?/uy;
const URL_SCHEME = /https?:\/\//iy;
// RFC 3986 characters plus non-ASCII letters, marks and numbers (IDNs, Unicode paths); other
// non-ASCII punctuation such as `。` ends the URL.
const URL_BODY = /[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%\p{L}\p{M}\p{N}]+/uy;
const URL_HOST_START = /[\p{L}\p{N}[]/uy;
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '*']);

const WORD_CHAR = /^[\p{L}\p{M}\p{N}_]$/u;
// `foo#bar`, `&#39;`, `/#frag` and `##x` are not hashtags; nor, as in Mastodon, `?a=#b` or `(x)#y`.
const NOT_BEFORE_TAG = /^[\p{L}\p{M}\p{N}_&/#＃=)]$/u;
// `a@b.com` and `example.com/@user` are not mentions.
const NOT_BEFORE_MENTION = /^[\p{L}\p{M}\p{N}_=/]$/u;

interface Scan {
  /** Where scanning resumes. */
  end: number;
  /** Absent when the characters up to `end` are plain text. */
  token?: Token;
}

/** Splits a status text into text, hashtags, mentions and links (Mastodon semantics). */
export function parseText(text: string): ParsedText {
  const tokens: Token[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < text.length) {
    const scan = scanAt(text, i);
    if (!scan) {
      i += 1;
      continue;
    }
    if (scan.token) {
      if (i > plainStart) tokens.push({ type: 'text', text: text.slice(plainStart, i) });
      tokens.push(scan.token);
      plainStart = scan.end;
    }
    i = scan.end;
  }
  if (plainStart < text.length) tokens.push({ type: 'text', text: text.slice(plainStart) });
  return { tokens, ...collect(tokens) };
}

function scanAt(text: string, i: number): Scan | null {
  const ch = text[i];
  if (ch === '#' || ch === '＃') return scanTag(text, i);
  if (ch === '@') return scanMention(text, i);
  if (ch === 'h' || ch === 'H') return scanLink(text, i);
  return null;
}

function scanTag(text: string, i: number): Scan | null {
  if (NOT_BEFORE_TAG.test(charBefore(text, i))) return null;
  const body = matchAt(TAG_BODY, text, i + 1);
  if (body === null) return null;
  const end = i + 1 + body.length;
  const name = normalizeTag(body);
  // Both forms must be valid: NFKC can turn `⑴` into `(1)` or `²` into `2`.
  if (!isValidTagName(body) || !isValidTagName(name)) return { end };
  return { end, token: { type: 'tag', text: text.slice(i, end), name, display: body } };
}

function scanMention(text: string, i: number): Scan | null {
  if (NOT_BEFORE_MENTION.test(charBefore(text, i))) return null;
  const username = matchAt(USERNAME, text, i + 1);
  if (username === null) return null;
  let end = i + 1 + username.length;
  // `@useré` is not a mention of `user`.
  if (username.length > USERNAME_MAX_LENGTH || WORD_CHAR.test(charAt(text, end))) return { end };
  let domain: string | null = null;
  if (text[end] === '@') {
    domain = matchAt(DOMAIN, text, end + 1);
    if (domain !== null) end += 1 + domain.length;
  }
  return { end, token: { type: 'mention', text: text.slice(i, end), username, domain } };
}

function scanLink(text: string, i: number): Scan | null {
  if (WORD_CHAR.test(charBefore(text, i))) return null;
  const scheme = matchAt(URL_SCHEME, text, i);
  if (scheme === null) return null;
  const rest = matchAt(URL_BODY, text, i + scheme.length);
  if (rest === null) return null;
  const url = trimTrailing(scheme + rest);
  if (url.length === scheme.length || matchAt(URL_HOST_START, text, i + scheme.length) === null) return null;
  return { end: i + url.length, token: { type: 'link', text: url, url } };
}

/** Drops sentence punctuation and closing brackets that were not opened inside the URL. */
function trimTrailing(url: string): string {
  let strayClosingParens = count(url, ')') - count(url, '(');
  let strayClosingBrackets = count(url, ']') - count(url, '[');
  let end = url.length;
  while (end > 0) {
    const c = url[end - 1];
    if (URL_TRAILING.has(c)) {
      end -= 1;
    } else if (c === ')' && strayClosingParens > 0) {
      strayClosingParens -= 1;
      end -= 1;
    } else if (c === ']' && strayClosingBrackets > 0) {
      strayClosingBrackets -= 1;
      end -= 1;
    } else {
      break;
    }
  }
  return url.slice(0, end);
}

function collect(tokens: Token[]): Omit<ParsedText, 'tokens'> {
  const tags = new Map<string, { name: string; display: string }>();
  const mentions = new Map<string, { username: string; domain: string | null; acct: string }>();
  const links = new Set<string>();
  for (const token of tokens) {
    if (token.type === 'tag' && !tags.has(token.name)) {
      tags.set(token.name, { name: token.name, display: token.display });
    } else if (token.type === 'mention') {
      const acct = token.domain === null ? token.username : `${token.username}@${token.domain}`;
      const key = acct.toLowerCase();
      if (!mentions.has(key)) mentions.set(key, { username: token.username, domain: token.domain, acct });
    } else if (token.type === 'link') {
      links.add(token.url);
    }
  }
  return { tags: [...tags.values()], mentions: [...mentions.values()], links: [...links] };
}

function matchAt(pattern: RegExp, text: string, index: number): string | null {
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  return match ? match[0] : null;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n += 1;
  return n;
}

/** The whole code point at `i` (or ''), so astral letters are classified correctly. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The whole code point ending just before `i` (or '' at the start). */
function charBefore(text: string, i: number): string {
  if (i === 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1];
}
