/**
 * Remote servers' names as domain blocks and allows compare them: lower case, internationalised
 * names in their ASCII (punycode) form, no trailing dot, and `:port` only when one is named
 * (a block without a port covers every port; a block with one covers only that port).
 */

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_DOMAIN = 253;

/**
 * The canonical form of a domain an admin typed (`Example.COM.`, `bücher.example`,
 * `https://example.com/about`, `example.com:8443`), or null when it names no server.
 * Relies only on the WHATWG URL parser, present in browsers and Node alike.
 */
export function normalizeDomain(input: string): string | null {
  let text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const hostname = url.hostname.replace(/\.$/, '');
  if (!isHostname(hostname)) return null;
  // An explicit port survives even where it is the scheme's default (":443" for https).
  const port =
    url.port || /:(\d{1,5})(?:[/?#]|$)/.exec(text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''))?.[1] || '';
  return port ? `${hostname}:${Number(port)}` : hostname;
}

/** The canonical form of a host a request or an activity came from (host[:port]), or null. */
export function normalizeHost(host: string): string | null {
  return normalizeDomain(host);
}

function isHostname(hostname: string): boolean {
  if (hostname.length === 0 || hostname.length > MAX_DOMAIN) return false;
  // IPv6 literals come back bracketed; IPv4 ones are plain dotted numbers.
  if (/^\[[0-9a-f:.]+\]$/.test(hostname)) return true;
  return hostname.split('.').every((label) => LABEL.test(label));
}

/**
 * What a block or allow may be named for a host, most specific first: the host with its port
 * (when it has one), then the host, then each parent domain (`a.b.example` → `b.example` →
 * `example`). A block of any of them covers the host.
 */
export function domainCandidates(host: string): string[] {
  const colon = host.lastIndexOf(':');
  const hasPort = colon > host.lastIndexOf(']');
  const hostname = hasPort ? host.slice(0, colon) : host;
  const out = hasPort ? [host] : [];
  if (hostname.startsWith('[') || /^\d+(\.\d+){3}$/.test(hostname)) return [...out, hostname];
  const labels = hostname.split('.');
  for (let i = 0; i < labels.length; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/**
 * A domain partly hidden for the public list (Mastodon's `obfuscate`): its first and last
 * quarters kept, the middle starred, dots kept so its shape stays readable.
 */
export function obfuscateDomain(domain: string): string {
  const length = domain.length;
  const visible = Math.floor(length / 4);
  return [...domain].map((ch, i) => (i > visible && i < length - visible && ch !== '.' ? '*' : ch)).join('');
}
