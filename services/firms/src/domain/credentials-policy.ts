import { DomainError } from '@advisor/kit';
import { FirmErrorCode } from './errors';

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
 * at most 128 (a bound on hashing work), and not built from the username or email.
 */
export function checkPassword(password: string, context: { username: string; email: string }): void {
  const lower = password.toLowerCase();
  const problems: string[] = [];
  if ([...password].length < 12) problems.push('at least 12 characters');
  if ([...password].length > 128) problems.push('at most 128 characters');
  if (lower.includes(context.username.toLowerCase())) problems.push('not contain your username');
  const local = context.email.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && lower.includes(local)) problems.push('not contain your email address');
  if (new Set(password).size < 4) problems.push('not repeat the same few characters');
  if (problems.length > 0) {
    throw new DomainError(FirmErrorCode.WeakPassword, `Your password must have ${problems.join(', ')}.`);
  }
}
