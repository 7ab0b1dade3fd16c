import type { Status } from '@hashchat/api/entities/status';

/**
 * The text a reply starts with: the author's mention, then everyone else the status mentions,
 * leaving out the replier (Mastodon's behaviour).
 */
export function replyPrefill(status: Status, selfId: string | null): string {
  const accts: string[] = [];
  const add = (id: string, acct: string) => {
    if (id === selfId || accts.some((a) => a.toLowerCase() === acct.toLowerCase())) return;
    accts.push(acct);
  };
  add(status.account.id, status.account.acct);
  for (const mention of status.mentions) add(mention.id, mention.acct);
  return accts.length > 0 ? `${accts.map((acct) => `@${acct}`).join(' ')} ` : '';
}
