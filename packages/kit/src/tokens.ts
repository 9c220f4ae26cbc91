import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A random single-use token (256 bits) for links sent by email. Only its hash is stored:
 * the token has enough entropy that a fast hash cannot be brute-forced, and a leaked table
 * reveals no usable token.
 */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
