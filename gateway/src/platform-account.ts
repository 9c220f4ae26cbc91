import { createHash, timingSafeEqual } from 'node:crypto';

/** SPEC G6: an operator's key must be long enough not to be guessed. */
export const PLATFORM_API_KEY_MIN_LENGTH = 32;

/**
 * SPEC G6, C1: the operator's one platform account. The payroll/PEO platform sends
 * `Authorization: Bearer <PLATFORM_API_KEY>`; the gateway keeps only the key's SHA-256 hash and
 * compares hashes in constant time, then forwards the `platform` identity. Absent a key, no
 * request is the platform.
 */
export class PlatformAccount {
  private readonly keyHash?: Buffer;

  constructor(apiKey: string | undefined) {
    if (apiKey !== undefined && apiKey.length < PLATFORM_API_KEY_MIN_LENGTH) {
      throw new Error(`PLATFORM_API_KEY must have at least ${PLATFORM_API_KEY_MIN_LENGTH} characters`);
    }
    this.keyHash = apiKey ? sha256(apiKey) : undefined;
  }

  /** Whether a bearer credential is the platform's key (constant time in the key's content). */
  matches(credential: string): boolean {
    if (!this.keyHash) return false;
    return timingSafeEqual(sha256(credential), this.keyHash);
  }
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();
