import { z } from 'zod';
import { formBool, limitParam, pageParams, userText } from './fields';

// What Mastodon's admin API for domain blocks and allows takes, and the federation status.

const severity = z.enum(['silence', 'suspend']);
const comment = userText().max(1000).nullable();

export const domainBlockCreateBody = z.object({
  domain: userText().trim().min(1, "can't be blank").max(300),
  severity: severity.default('silence'),
  reject_media: formBool.default(false),
  reject_reports: formBool.default(false),
  private_comment: comment.default(null),
  public_comment: comment.default(null),
  obfuscate: formBool.default(false),
});

export const domainBlockUpdateBody = z.object({
  severity: severity.optional(),
  reject_media: formBool.optional(),
  reject_reports: formBool.optional(),
  private_comment: comment.optional(),
  public_comment: comment.optional(),
  obfuscate: formBool.optional(),
});

export const domainAllowBody = z.object({ domain: userText().trim().min(1, "can't be blank").max(300) });

/** Mastodon's admin lists: 100 a page by default, at most 200. */
export const adminPageQuery = pageParams.extend({ limit: limitParam(100, 200) });

export const federationStatusQuery = z.object({ limit: limitParam(100, 500) });

export type DomainBlockCreateBody = z.input<typeof domainBlockCreateBody>;
