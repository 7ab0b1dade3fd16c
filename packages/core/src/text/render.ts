import type { Token } from './parse';

export interface ContentLinks {
  tagUrl(name: string): string;
  /** `null` when the account is unknown; the mention is then rendered as plain text. */
  mentionUrl(username: string, domain: string | null): string | null;
}

const REL = 'rel="nofollow noopener noreferrer" target="_blank"';
const HTTP_URL = /^https?:\/\//i;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * Builds the safe HTML of a status `content` the way Mastodon does: `<p>` per paragraph
 * (split on blank lines), `<br>` for single newlines, and anchors for tags, known mentions
 * and links. Nothing the user wrote is passed through unescaped.
 */
export function renderContent(tokens: Token[], links: ContentLinks): string {
  const paragraphs: string[][] = [];
  let lines: string[] = [];
  let line = '';
  let lineHasContent = false;
  const endLine = () => {
    if (lineHasContent) {
      lines.push(line);
    } else if (lines.length > 0) {
      paragraphs.push(lines);
      lines = [];
    }
    line = '';
    lineHasContent = false;
  };
  for (const token of tokens) {
    if (token.type !== 'text') {
      line += renderInline(token, links);
      lineHasContent = true;
      continue;
    }
    const parts = token.text.split(/\r\n|\r|\n/);
    parts.forEach((part, index) => {
      if (index > 0) endLine();
      line += escapeHtml(part);
      if (part.trim() !== '') lineHasContent = true;
    });
  }
  endLine();
  if (lines.length > 0) paragraphs.push(lines);
  return paragraphs.map((p) => `<p>${p.join('<br>')}</p>`).join('');
}

/** The text as written; tokens always concatenate back to their source. */
export function plainText(tokens: Token[]): string {
  return tokens.map((token) => token.text).join('');
}

function renderInline(token: Exclude<Token, { type: 'text' }>, links: ContentLinks): string {
  switch (token.type) {
    case 'tag': {
      const href = escapeHtml(links.tagUrl(token.name));
      return `<a href="${href}" class="mention hashtag" ${REL}>#<span>${escapeHtml(token.display)}</span></a>`;
    }
    case 'mention': {
      const url = links.mentionUrl(token.username, token.domain);
      if (url === null) return escapeHtml(token.text);
      const anchor = `<a href="${escapeHtml(url)}" class="u-url mention" ${REL}>@<span>${escapeHtml(token.username)}</span></a>`;
      return `<span class="h-card">${anchor}</span>`;
    }
    case 'link':
      // Tokens may be built by hand; never emit a `javascript:` or other non-web href.
      if (!HTTP_URL.test(token.url)) return escapeHtml(token.text);
      return `<a href="${escapeHtml(token.url)}" ${REL}>${escapeHtml(token.text)}</a>`;
  }
}
