import { z } from 'zod';
import { id, instant } from './common';

/** Entities of federation administration: Mastodon's admin domain blocks and allows, and our delivery health. */

export const domainBlockSeveritySchema = z.enum(['silence', 'suspend']);
export type DomainBlockSeverity = z.infer<typeof domainBlockSeveritySchema>;

/** A blocked domain as admins see it (Mastodon's Admin::DomainBlock). */
export const adminDomainBlockSchema = z
  .object({
    id: id(),
    domain: z.string(),
    /** SHA-256 of the domain, hex: what the public list shows beside an obfuscated domain. */
    digest: z.string(),
    created_at: instant(),
    severity: domainBlockSeveritySchema,
    reject_media: z.boolean(),
    reject_reports: z.boolean(),
    private_comment: z.string().nullable(),
    public_comment: z.string().nullable(),
    obfuscate: z.boolean(),
  })
  .meta({ id: 'AdminDomainBlock' });
export type AdminDomainBlock = z.infer<typeof adminDomainBlockSchema>;

/** A domain allowed to federate in allow-list mode (Mastodon's Admin::DomainAllow). */
export const adminDomainAllowSchema = z
  .object({ id: id(), domain: z.string(), created_at: instant() })
  .meta({ id: 'AdminDomainAllow' });
export type AdminDomainAllow = z.infer<typeof adminDomainAllowSchema>;

/** A moderated server on the public list (Mastodon's DomainBlock). */
export const domainBlockSchema = z
  .object({
    /** Partly starred when the block is obfuscated. */
    domain: z.string(),
    digest: z.string(),
    severity: domainBlockSeveritySchema,
    comment: z.string().optional(),
  })
  .meta({ id: 'DomainBlock' });
export type DomainBlock = z.infer<typeof domainBlockSchema>;

/** Delivery outcomes to one remote server. */
export const deliveryServerSchema = z
  .object({
    host: z.string(),
    attempts: z.number().int(),
    failures: z.number().int(),
    /** Failures since the last success: a server that is down now. */
    consecutive_failures: z.number().int(),
    given_up: z.number().int(),
    last_error: z.string().nullable(),
    last_error_at: instant().nullable(),
    last_success_at: instant().nullable(),
  })
  .meta({ id: 'DeliveryServer' });
export type DeliveryServer = z.infer<typeof deliveryServerSchema>;

/** Federation at a glance for admins (our extension). */
export const federationStatusSchema = z
  .object({
    mode: z.enum(['open', 'allowlist']),
    queue: z.object({
      queued: z.number().int(),
      ready: z.number().int(),
      delayed: z.number().int(),
    }),
    servers: z.array(deliveryServerSchema),
  })
  .meta({ id: 'FederationStatus' });
export type FederationStatus = z.infer<typeof federationStatusSchema>;
