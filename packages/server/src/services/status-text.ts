import { validationFailed } from '@hashchat/api/requests/validation';
import { parseText } from '@hashchat/core/text/parse';
import { renderContent } from '@hashchat/core/text/render';
import type { Context } from '../context';
import { findAccountsByUsernames } from '../store/accounts';

/** A status's text rules, checked before anything is written (or scheduled); blank only with images. */
export function checkStatusText(ctx: Context, text: string, opts: { allowBlank?: boolean } = {}): void {
  if (!opts.allowBlank && text.trim().length === 0) throw validationFailed("Text can't be blank");
  if ([...text].length > ctx.config.maxStatusChars) {
    throw validationFailed(`Text character limit of ${ctx.config.maxStatusChars} exceeded`);
  }
}

/**
 * A status's text read for writing, as a new post and an edit both need it: checked, parsed
 * (hashtags, mentions), its local mentions found, and rendered as HTML linking both.
 */
export async function readStatusText(ctx: Context, text: string, opts: { allowBlank?: boolean } = {}) {
  checkStatusText(ctx, text, opts);
  const parsed = parseText(text);
  const host = new URL(ctx.config.publicUrl).host;
  // A local account by its username; a remote one already known here by `user@domain`.
  const isLocal = (domain: string | null) => domain === null || domain.toLowerCase() === host;
  const key = (username: string, domain: string | null) =>
    (isLocal(domain) ? username : `${username}@${domain}`).toLowerCase();
  const mentioned = await findAccountsByUsernames(
    ctx.store.db,
    parsed.mentions.map((m) => key(m.username, m.domain)),
  );
  const mentionedByName = new Map(mentioned.map((a) => [a.username_lower, a]));
  const base = ctx.config.publicUrl;
  const content = renderContent(parsed.tokens, {
    tagUrl: (name) => `${base}/tags/${encodeURIComponent(name)}`,
    mentionUrl: (username, domain) => {
      const a = mentionedByName.get(key(username, domain));
      if (!a) return null;
      return a.domain === null ? `${base}/@${a.username}` : (a.url ?? a.uri);
    },
  });
  return { parsed, mentioned, content };
}
