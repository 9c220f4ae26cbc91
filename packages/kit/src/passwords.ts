import argon2 from 'argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first option
 * (m = 19 MiB, t = 2, p = 1). The hash string carries its own parameters and salt.
 */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the user does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-but-a-timing-shield');
  await verifyPassword(await dummyHash, password);
  return false;
}
