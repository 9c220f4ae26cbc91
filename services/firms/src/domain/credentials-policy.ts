import { DomainError } from '@advisor/kit';
import { dictionary } from '@zxcvbn-ts/language-common';
import { FirmErrorCode } from './errors';

/**
 * SPEC F4: the most common passwords (about 49,000, from breach corpora), as maintained by the
 * zxcvbn-ts project; a password on it is refused whatever its length.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

/** SPEC F4: a username of this product, never an email address. */
export function checkUsername(username: string): string {
  if (username.includes('@')) {
    throw new DomainError(FirmErrorCode.UsernameIsEmail, 'Your username cannot be an email address.');
  }
  if (!USERNAME.test(username)) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'A username has 3 to 64 characters: letters, digits, dots, dashes and underscores, starting with a letter or digit.',
      { fields: [{ field: 'username', message: 'invalid username' }] },
    );
  }
  return username;
}

/**
 * Password policy after NIST SP 800-63B: long rather than complex. At least 12 characters,
 * at most 128 (a bound on hashing work), not built from the username or email, and not one of
 * the most common passwords.
 */
export function checkPassword(password: string, context: { username: string; email: string }): void {
  const lower = password.toLowerCase();
  if (isCommonPassword(password)) {
    throw new DomainError(FirmErrorCode.WeakPassword, 'This password is one of the most common passwords. Choose another one.');
  }
  const problems: string[] = [];
  if ([...password].length < 12) problems.push('at least 12 characters');
  if ([...password].length > 128) problems.push('at most 128 characters');
  if (lower.includes(context.username.toLowerCase())) problems.push('not contain your username');
  const local = context.email.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) problems.push('not contain your email address');
  if (new Set(password).size < 4) problems.push('not repeat the same few characters');
  if (problems.length > 0) {
    throw new DomainError(FirmErrorCode.WeakPassword, `Your password must ${joinRequirements(problems)}.`);
  }
}

/** "have at least 12 characters and not contain your username": each requirement reads on its own. */
function joinRequirements(problems: string[]): string {
  const phrased = problems.map((p) => (p.startsWith('not ') ? p : `have ${p}`));
  return phrased.length === 1 ? phrased[0]! : `${phrased.slice(0, -1).join(', ')} and ${phrased.at(-1)}`;
}
