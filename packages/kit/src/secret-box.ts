import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Reads a 256-bit key given as base64 (44 characters) or base64url; anything else is refused. */
export function parseSecretBoxKey(text: string): Buffer {
  const key = Buffer.from(text.trim(), text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  if (key.length !== 32) throw new Error('must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)');
  return key;
}

/** A fresh random key in the form `parseSecretBoxKey` reads (the embedded run mode and tests). */
export const newSecretBoxKey = (): string => randomBytes(32).toString('base64');

/**
 * Secrets a service must read back (unlike passwords and tokens, which are only ever compared, so
 * only their hashes are kept), sealed with AES-256-GCM under a key from the environment: a copy of
 * the table alone reveals nothing. The `context` (e.g. the owner's id) is authenticated with the
 * ciphertext, so a sealed value moved to another row does not open.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(key: Buffer | string) {
    this.key = typeof key === 'string' ? parseSecretBoxKey(key) : key;
    if (this.key.length !== 32) throw new Error('A SecretBox key has 32 bytes.');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** Throws when the value was not sealed under this key and context (or was altered). */
  open(sealed: string, context: string): string {
    const [version, payload] = sealed.split('.');
    if (version !== VERSION || !payload) throw new Error('not a sealed value');
    const raw = Buffer.from(payload, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
