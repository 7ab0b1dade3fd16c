import { describe, expect, it } from 'vitest';
import { type ClickLike, internalPath } from './internal-link';

const here = { origin: 'http://chat.test', pathname: '/tags/xyz', search: '' };
const click: ClickLike = {
  button: 0,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  defaultPrevented: false,
};

function anchor(href: string, opts: { target?: string; classes?: string[]; download?: boolean } = {}) {
  return {
    href,
    target: opts.target ?? '',
    hasAttribute: (name: string) => name === 'download' && Boolean(opts.download),
    classList: { contains: (name: string) => (opts.classes ?? []).includes(name) },
  };
}

describe('internalPath', () => {
  it.each([
    ['a same-origin room link', anchor('http://chat.test/tags/tea'), click, '/tags/tea'],
    ['a same-origin profile link', anchor('http://chat.test/@alice'), click, '/@alice'],
    ['a search link keeps its query', anchor('http://chat.test/search?q=a'), click, '/search?q=a'],
    [
      'a hashtag written with another host name',
      anchor('https://other.test/tags/tea', { classes: ['hashtag'] }),
      click,
      '/tags/tea',
    ],
    ['an external link', anchor('https://example.com/page'), click, null],
    ['an API link', anchor('http://chat.test/api/v1/instance'), click, null],
    ['a transcript page (server-rendered)', anchor('http://chat.test/sessions/40'), click, null],
    ['a recap (an app route)', anchor('http://chat.test/sessions/40/recap'), click, '/sessions/40/recap'],
    ['a link opening a new tab', anchor('http://chat.test/@alice', { target: '_blank' }), click, null],
    ['a download', anchor('http://chat.test/x.csv', { download: true }), click, null],
    ['a ctrl-click', anchor('http://chat.test/@alice'), { ...click, ctrlKey: true }, null],
    ['a middle click', anchor('http://chat.test/@alice'), { ...click, button: 1 }, null],
    ['an in-page anchor such as the skip link', anchor('http://chat.test/tags/xyz#main'), click, null],
  ])('%s', (_name, a, c, expected) => {
    expect(internalPath(a, c, here)).toBe(expected);
  });
});
