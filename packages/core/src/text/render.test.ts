import { describe, expect, it } from 'vitest';
import { parseText, type Token } from './parse';
import { type ContentLinks, escapeHtml, plainText, renderContent } from './render';

const REL = 'rel="nofollow noopener noreferrer" target="_blank"';

const links: ContentLinks = {
  tagUrl: (name) => `https://chat.example/tags/${encodeURIComponent(name)}`,
  mentionUrl: (username, domain) =>
    username === 'ghost' ? null : `https://${domain ?? 'chat.example'}/@${username}`,
};

const render = (text: string) => renderContent(parseText(text).tokens, links);

describe('renderContent', () => {
  it.each([
    ['hello', '<p>hello</p>'],
    ['', ''],
    ['one\ntwo', '<p>one<br>two</p>'],
    ['one\r\ntwo', '<p>one<br>two</p>'],
    ['one\n\ntwo', '<p>one</p><p>two</p>'],
    ['one\n\n\n\ntwo\nthree', '<p>one</p><p>two<br>three</p>'],
    ['one\n  \t\ntwo', '<p>one</p><p>two</p>'],
    ['\n\nleading and trailing\n\n', '<p>leading and trailing</p>'],
    ['   ', ''],
  ])('paragraphs and line breaks: %j → %s', (text, html) => {
    expect(render(text)).toBe(html);
  });

  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    [`Tom & "Jerry" 'cat'`, '<p>Tom &amp; &quot;Jerry&quot; &#39;cat&#39;</p>'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['&lt;already escaped&gt;', '<p>&amp;lt;already escaped&amp;gt;</p>'],
  ])('escapes user text: %s', (text, html) => {
    expect(render(text)).toBe(html);
  });

  it('renders a hashtag with its display case and a link to its normalised name', () => {
    expect(render('Q1 #HashChat')).toBe(
      `<p>Q1 <a href="https://chat.example/tags/hashchat" class="mention hashtag" ${REL}>#<span>HashChat</span></a></p>`,
    );
  });

  it('renders a known mention as an h-card showing only the username', () => {
    expect(render('@alice@other.example hi')).toBe(
      `<p><span class="h-card"><a href="https://other.example/@alice" class="u-url mention" ${REL}>@<span>alice</span></a></span> hi</p>`,
    );
  });

  it('renders an unknown mention as plain text', () => {
    expect(render('hi @ghost@example.org')).toBe('<p>hi @ghost@example.org</p>');
  });

  it('renders a link with the URL as written and leaves trailing punctuation outside', () => {
    expect(render('see https://example.org/a?b=1&c=2.')).toBe(
      `<p>see <a href="https://example.org/a?b=1&amp;c=2" ${REL}>https://example.org/a?b=1&amp;c=2</a>.</p>`,
    );
  });

  it('escapes quotes in a link so it cannot break out of the attribute', () => {
    expect(render(`https://example.org/'onmouseover='alert(1)`)).toBe(
      `<p><a href="https://example.org/&#39;onmouseover=&#39;alert(1)" ${REL}>https://example.org/&#39;onmouseover=&#39;alert(1)</a></p>`,
    );
  });

  it('escapes every URL returned by the link builders', () => {
    const hostile: ContentLinks = {
      tagUrl: () => '"><script>x</script>',
      mentionUrl: () => `' onclick='x'`,
    };
    const html = renderContent(parseText('#tag @user').tokens, hostile);
    expect(html).toBe(
      `<p><a href="&quot;&gt;&lt;script&gt;x&lt;/script&gt;" class="mention hashtag" ${REL}>#<span>tag</span></a> ` +
        `<span class="h-card"><a href="&#39; onclick=&#39;x&#39;" class="u-url mention" ${REL}>@<span>user</span></a></span></p>`,
    );
  });

  it('renders a hand-built link token with a non-web scheme as text', () => {
    const tokens: Token[] = [{ type: 'link', text: 'javascript:alert(1)', url: 'javascript:alert(1)' }];
    expect(renderContent(tokens, links)).toBe('<p>javascript:alert(1)</p>');
  });

  it('keeps tags, mentions and links inside the paragraph and line they were written on', () => {
    expect(render('#a\n@bob\n\nhttps://x.org')).toBe(
      `<p><a href="https://chat.example/tags/a" class="mention hashtag" ${REL}>#<span>a</span></a><br>` +
        `<span class="h-card"><a href="https://chat.example/@bob" class="u-url mention" ${REL}>@<span>bob</span></a></span></p>` +
        `<p><a href="https://x.org" ${REL}>https://x.org</a></p>`,
    );
  });
});

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['plain', 'plain'],
  ])('%s → %s', (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
  });
});

describe('plainText', () => {
  it.each(['A1 #HashChat @host https://x.org/#a.', '', 'line\n\nbreaks'])(
    'returns the source: %j',
    (text) => {
      expect(plainText(parseText(text).tokens)).toBe(text);
    },
  );
});
