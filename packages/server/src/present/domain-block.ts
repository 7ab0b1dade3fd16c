import { createHash } from 'node:crypto';
import type {
  AdminDomainAllow,
  AdminDomainBlock,
  DeliveryServer,
  DomainBlock,
} from '@hashchat/api/entities/federation-admin';
import { obfuscateDomain } from '@hashchat/core/federation/domains';
import type { DomainAllowRow, DomainBlockRow } from '../store/domain-policy';
import type { DeliveryStatsRow } from '../store/federation-deliveries';

const iso = (ms: number) => new Date(Number(ms)).toISOString();
const digest = (domain: string) => createHash('sha256').update(domain).digest('hex');

export function presentAdminDomainBlock(b: DomainBlockRow): AdminDomainBlock {
  return {
    id: String(b.id),
    domain: b.domain,
    digest: digest(b.domain),
    created_at: iso(b.created_at),
    severity: b.severity,
    reject_media: Boolean(b.reject_media),
    reject_reports: Boolean(b.reject_reports),
    private_comment: b.private_comment,
    public_comment: b.public_comment,
    obfuscate: Boolean(b.obfuscate),
  };
}

/** A block on the public list: no private comment, the domain starred when obfuscated. */
export function presentPublicDomainBlock(b: DomainBlockRow): DomainBlock {
  return {
    domain: b.obfuscate ? obfuscateDomain(b.domain) : b.domain,
    digest: digest(b.domain),
    severity: b.severity,
    ...(b.public_comment ? { comment: b.public_comment } : {}),
  };
}

export function presentAdminDomainAllow(a: DomainAllowRow): AdminDomainAllow {
  return { id: String(a.id), domain: a.domain, created_at: iso(a.created_at) };
}

export function presentDeliveryServer(s: DeliveryStatsRow): DeliveryServer {
  return {
    host: s.host,
    attempts: Number(s.attempts),
    failures: Number(s.failures),
    consecutive_failures: Number(s.consecutive_failures),
    given_up: Number(s.given_up),
    last_error: s.last_error,
    last_error_at: s.last_error_at === null ? null : iso(s.last_error_at),
    last_success_at: s.last_success_at === null ? null : iso(s.last_success_at),
  };
}
