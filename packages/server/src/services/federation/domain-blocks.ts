import { validationFailed } from '@hashchat/api/requests/validation';
import { notFound } from '@hashchat/core/errors';
import { domainCandidates, normalizeDomain } from '@hashchat/core/federation/domains';
import type { Context } from '../../context';
import {
  presentAdminDomainAllow,
  presentAdminDomainBlock,
  presentPublicDomainBlock,
} from '../../present/domain-block';
import {
  allDomainBlocks,
  type DomainBlockFields,
  deleteDomainAllow,
  deleteDomainBlock,
  findDomainAllow,
  findDomainBlock,
  findDomainBlockByDomain,
  insertDomainAllow,
  insertDomainBlock,
  listDomainAllows,
  listDomainBlocks,
  updateDomainBlock,
} from '../../store/domain-policy';
import type { Keyset } from '../../store/keyset';
import {
  deleteChatRemoteFollower,
  deleteFollowRequest,
  followsWithDomains,
  remoteDomains,
  statusesOfDomains,
} from '../../store/remote-accounts';
import type { DomainBlockSeverity } from '../../store/schema';
import { unfollow } from '../follows';
import { deleteStatus } from '../statuses';
import { requireAdmin } from './admin-access';
import { announceDomainPolicyChange } from './domain-policy-changes';

export interface DomainBlockInput {
  severity: DomainBlockSeverity;
  rejectMedia: boolean;
  rejectReports: boolean;
  publicComment: string | null;
  privateComment: string | null;
  obfuscate: boolean;
}

function canonical(domain: string): string {
  const normal = normalizeDomain(domain);
  if (!normal) throw validationFailed("Domain is not a server's domain name");
  return normal;
}

const emptyToNull = (text: string | null) => (text && text.trim() !== '' ? text.trim() : null);

function fields(input: Partial<DomainBlockInput>): Partial<DomainBlockFields> {
  const out: Partial<DomainBlockFields> = {};
  if (input.severity !== undefined) out.severity = input.severity;
  if (input.rejectMedia !== undefined) out.reject_media = input.rejectMedia ? 1 : 0;
  if (input.rejectReports !== undefined) out.reject_reports = input.rejectReports ? 1 : 0;
  if (input.publicComment !== undefined) out.public_comment = emptyToNull(input.publicComment);
  if (input.privateComment !== undefined) out.private_comment = emptyToNull(input.privateComment);
  if (input.obfuscate !== undefined) out.obfuscate = input.obfuscate ? 1 : 0;
  return out;
}

export async function adminDomainBlocks(ctx: Context, me: number, page: Keyset) {
  await requireAdmin(ctx.store.db, me);
  return (await listDomainBlocks(ctx.store.db, page)).map(presentAdminDomainBlock);
}

export async function adminDomainBlock(ctx: Context, me: number, id: number) {
  await requireAdmin(ctx.store.db, me);
  const row = await findDomainBlock(ctx.store.db, id);
  if (!row) throw notFound();
  return presentAdminDomainBlock(row);
}

/** Mastodon's defaults for a new block. */
const NEW_BLOCK: DomainBlockInput = {
  severity: 'silence',
  rejectMedia: false,
  rejectReports: false,
  publicComment: null,
  privateComment: null,
  obfuscate: false,
};

/** Blocks a domain (and its subdomains); 422 with the existing block when it is blocked already. */
export async function blockDomain(
  ctx: Context,
  me: number,
  domain: string,
  input: Partial<DomainBlockInput>,
) {
  await requireAdmin(ctx.store.db, me);
  const normal = canonical(domain);
  const values = { ...fields(NEW_BLOCK), ...fields(input) } as DomainBlockFields;
  const row = await insertDomainBlock(ctx.store.db, normal, values, ctx.now());
  if (!row) {
    const existing = await findDomainBlockByDomain(ctx.store.db, normal);
    throw validationFailed(`${normal} is blocked already`, {
      existing_domain_block: existing ? presentAdminDomainBlock(existing) : undefined,
    });
  }
  await announceDomainPolicyChange(ctx.bus, ctx.log);
  if (row.severity === 'suspend') await suspendContentOf(ctx, row.domain);
  return presentAdminDomainBlock(row);
}

export async function changeDomainBlock(
  ctx: Context,
  me: number,
  id: number,
  input: Partial<DomainBlockInput>,
) {
  await requireAdmin(ctx.store.db, me);
  const row = await updateDomainBlock(ctx.store.db, id, fields(input), ctx.now());
  if (!row) throw notFound();
  await announceDomainPolicyChange(ctx.bus, ctx.log);
  if (row.severity === 'suspend') await suspendContentOf(ctx, row.domain);
  return presentAdminDomainBlock(row);
}

/**
 * A suspension applies at once: the follows with the server end, and its statuses are deleted
 * here as their authors' `Delete`s would delete them, so they leave rooms, transcripts and every
 * open stream (a `delete` event each) before the admin's request returns. As on Mastodon, the
 * content is gone: lifting the block does not bring it back (new statuses come again).
 */
async function suspendContentOf(ctx: Context, blocked: string): Promise<void> {
  const domains = (await remoteDomains(ctx.store.db)).filter((d) => domainCandidates(d).includes(blocked));
  if (domains.length === 0) return;
  await endFollowsWith(ctx, domains);
  let after = 0;
  for (;;) {
    const page = await statusesOfDomains(ctx.store.db, domains, after, 200);
    for (const s of page) {
      // One already gone (its author's Delete arrived meanwhile) is no reason to stop.
      await deleteStatus(ctx, s.accountId, s.id).catch((err) =>
        ctx.log.warn({ err, statusId: s.id }, 'domain suspension: could not delete a status'),
      );
    }
    if (page.length < 200) return;
    after = page[page.length - 1].id;
  }
}

/**
 * A suspension ends the follows with the server, both ways and pending ones too, as on Mastodon;
 * nothing is sent to it (its inbox is closed now). Followers and following counts follow.
 */
async function endFollowsWith(ctx: Context, domains: string[]): Promise<void> {
  const { follows, requests, chatFollowers } = await followsWithDomains(ctx.store.db, domains);
  for (const r of requests) await deleteFollowRequest(ctx.store.db, r.accountId, r.targetId);
  for (const f of follows) await unfollow(ctx, f.accountId, f.targetId, { federate: false });
  for (const c of chatFollowers) await deleteChatRemoteFollower(ctx.store.db, c.chatId, c.accountId);
}

export async function unblockDomain(ctx: Context, me: number, id: number): Promise<void> {
  await requireAdmin(ctx.store.db, me);
  if (!(await deleteDomainBlock(ctx.store.db, id))) throw notFound();
  await announceDomainPolicyChange(ctx.bus, ctx.log);
}

/** The public list of moderated servers, obfuscated where the admin asked. */
export async function publicDomainBlocks(ctx: Context) {
  return (await allDomainBlocks(ctx.store.db)).map(presentPublicDomainBlock);
}

export async function adminDomainAllows(ctx: Context, me: number, page: Keyset) {
  await requireAdmin(ctx.store.db, me);
  return (await listDomainAllows(ctx.store.db, page)).map(presentAdminDomainAllow);
}

export async function adminDomainAllow(ctx: Context, me: number, id: number) {
  await requireAdmin(ctx.store.db, me);
  const row = await findDomainAllow(ctx.store.db, id);
  if (!row) throw notFound();
  return presentAdminDomainAllow(row);
}

export async function allowDomain(ctx: Context, me: number, domain: string) {
  await requireAdmin(ctx.store.db, me);
  const row = await insertDomainAllow(ctx.store.db, canonical(domain), ctx.now());
  await announceDomainPolicyChange(ctx.bus, ctx.log);
  return presentAdminDomainAllow(row);
}

export async function disallowDomain(ctx: Context, me: number, id: number): Promise<void> {
  await requireAdmin(ctx.store.db, me);
  if (!(await deleteDomainAllow(ctx.store.db, id))) throw notFound();
  await announceDomainPolicyChange(ctx.bus, ctx.log);
}
