import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizeRemoteHtml } from './sanitize-html';

describe('remote HTML', () => {
  it.each([
    [
      'keeps paragraphs, breaks and emphasis',
      '<p>a<br>b <strong>c</strong> <em>d</em></p>',
      '<p>a<br>b <strong>c</strong> <em>d</em></p>',
    ],
    [
      "keeps Mastodon's mention markup",
      '<span class="h-card" translate="no"><a href="https://x.example/@a" class="u-url mention">@<span>a</span></a></span>',
      '<span class="h-card"><a class="u-url mention" href="https://x.example/@a" rel="nofollow noopener noreferrer" target="_blank">@<span>a</span></a></span>',
    ],
    ['drops scripts with their text', '<p>hi<script>alert(1)</script></p>', '<p>hi</p>'],
    ['drops styles and iframes', '<style>p{}</style><iframe src="https://e.example"></iframe>ok', 'ok'],
    [
      'unwraps unknown elements to their text',
      '<div><h1>Title</h1><img src=x onerror=alert(1)>text</div>',
      'Titletext',
    ],
    ['drops event handlers and styles', '<p onclick="x()" style="color:red">t</p>', '<p>t</p>'],
    ['unwraps javascript: links', '<a href="javascript:alert(1)">click</a>', 'click'],
    ['unwraps data: links', '<a href="data:text/html,x">click</a>', 'click'],
    [
      'keeps only known classes',
      '<span class="invisible evil">https://</span>',
      '<span class="invisible">https://</span>',
    ],
    ['escapes text', '<p>1 &lt; 2 &amp; "q"</p>', '<p>1 &lt; 2 &amp; &quot;q&quot;</p>'],
    [
      'escapes quotes in a kept href',
      '<a href="https://e.example/?a=&quot;b">x</a>',
      '<a href="https://e.example/?a=&quot;b" rel="nofollow noopener noreferrer" target="_blank">x</a>',
    ],
  ])('%s', (_name, html, safe) => {
    expect(sanitizeRemoteHtml(html)).toBe(safe);
  });

  it.each([
    ['<p>A1 yes</p><p>second</p>', 'A1 yes\n\nsecond'],
    ['<p>a<br>b</p>', 'a\nb'],
    ['<p>x<script>y</script></p>', 'x'],
  ])('reads %s as text', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
