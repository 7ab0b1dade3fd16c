import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random secret (tokens, client ids, codes): 256 bits, URL-safe. */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Tokens and codes are stored hashed, so a leaked database holds no usable credential. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** PKCE S256: base64url(sha256(verifier)). */
export const pkceChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');
