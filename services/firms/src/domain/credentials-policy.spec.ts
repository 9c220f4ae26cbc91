import { DomainError } from '@advisor/kit';
import { checkPassword, checkUsername } from './credentials-policy';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as DomainError).code;
  }
};

describe('credentials policy (F4)', () => {
  it('F4: a username may not be an email address', () => {
    expect(codeOf(() => checkUsername('fran@acme.com'))).toBe('USERNAME_IS_EMAIL');
    expect(codeOf(() => checkUsername('fran.founder'))).toBeUndefined();
    expect(codeOf(() => checkUsername('x'))).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['too short', 'short'],
    ['too long', 'a1b2c3d4'.repeat(17)],
    ['built from the username', 'my-fran.founder-password'],
    ['built from the email', 'jo.smith-is-my-password'],
    ['a repeated character', 'aaaaaaaaaaaaaaaa'],
  ])('F4: refuses a password %s', (_why, password) => {
    expect(codeOf(() => checkPassword(password, { username: 'fran.founder', email: 'jo.smith@acme.com' }))).toBe('WEAK_PASSWORD');
  });

  it.each(['password1234', 'Password1234', 'qwertyuiop123'])('F4: refuses %s, one of the most common passwords', (password) => {
    expect(codeOf(() => checkPassword(password, { username: 'fran.founder', email: 'jo.smith@acme.com' }))).toBe('WEAK_PASSWORD');
  });

  it('F4: the WEAK_PASSWORD text reads as a sentence', () => {
    const messageOf = (password: string) => {
      try {
        checkPassword(password, { username: 'fran', email: 'jo.smith@acme.com' });
      } catch (err) {
        return (err as DomainError).message;
      }
    };
    expect(messageOf('fran-x1')).toBe('Your password must have at least 12 characters and not contain your username.');
    expect(messageOf('xyz-fran-rules-xyz')).toBe('Your password must not contain your username.');
    expect(messageOf('password1234')).toBe('This password is one of the most common passwords. Choose another one.');
  });

  it('F4: accepts a long passphrase', () => {
    expect(codeOf(() => checkPassword('correct horse battery staple', { username: 'fran', email: 'jo@acme.com' }))).toBeUndefined();
  });
});
