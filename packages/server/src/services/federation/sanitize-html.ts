import { escapeHtml } from '@hashchat/core/text/render';
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements a remote status may keep (Mastodon's own list, less what we do not render). */
const KEPT = new Set([
  'p',
  'br',
  'a',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'blockquote',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
]);
/** Elements dropped with everything in them. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
  'title',
]);
/** Classes microformats and Mastodon use for mentions, hashtags and shortened links. */
const CLASSES = new Set(['h-card', 'u-url', 'mention', 'hashtag', 'invisible', 'ellipsis']);

/**
 * Remote HTML made safe to show as a status's `content`: only the elements above, `href` only
 * with http(s), links opening away from us, everything else unwrapped to its text, which is
 * escaped. The output is built from the parse tree, never by passing input through.
 */
export function sanitizeRemoteHtml(html: string): string {
  return parseFragment(html).childNodes.map(render).join('');
}

function render(node: Node): string {
  if (node.nodeName === '#text') return escapeHtml((node as DefaultTreeAdapterMap['textNode']).value);
  if (!('tagName' in node)) return '';
  const el = node as Element;
  const tag = el.tagName;
  if (DROPPED.has(tag)) return '';
  const inner = el.childNodes.map(render).join('');
  if (!KEPT.has(tag)) return inner;
  if (tag === 'br') return '<br>';
  const attrs: string[] = [];
  const cls = attr(el, 'class')
    ?.split(/\s+/)
    .filter((c) => CLASSES.has(c));
  if (cls?.length) attrs.push(`class="${escapeHtml(cls.join(' '))}"`);
  if (tag === 'a') {
    const href = attr(el, 'href');
    if (!href || !/^https?:\/\//i.test(href)) return inner;
    attrs.push(`href="${escapeHtml(href)}"`, 'rel="nofollow noopener noreferrer"', 'target="_blank"');
  }
  return `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${inner}</${tag}>`;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** The text of remote HTML, paragraphs and line breaks as new lines (what search and Q/A classification read). */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === '#text') out.push((node as DefaultTreeAdapterMap['textNode']).value);
    else if ('tagName' in node) {
      const el = node as Element;
      if (DROPPED.has(el.tagName)) return;
      if (el.tagName === 'br') out.push('\n');
      if (el.tagName === 'p' && out.length > 0) out.push('\n\n');
      // Mastodon hides the middle of long links in `invisible` spans: the text keeps them.
      for (const c of el.childNodes) walk(c);
    }
  };
  for (const n of parseFragment(html).childNodes) walk(n);
  return out.join('').trim();
}
