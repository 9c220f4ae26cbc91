import { PlatformAccount } from '../src/platform-account';

describe('the platform account key (SPEC G6)', () => {
  const key = 'adpk_0123456789abcdefghijklmnopqrstuvwxyzABCD';

  it('G6: matches only the exact key; without a configured key nothing is the platform', () => {
    const account = new PlatformAccount(key);
    expect(account.matches(key)).toBe(true);
    expect(account.matches(key.slice(0, -1))).toBe(false);
    expect(account.matches(`${key}x`)).toBe(false);
    expect(account.matches(key.toUpperCase())).toBe(false);
    expect(account.matches('')).toBe(false);
    const none = new PlatformAccount(undefined);
    expect(none.matches(key)).toBe(false);
    expect(none.matches('')).toBe(false);
  });

  it('G6: refuses a key too short to be safe, and keeps only its hash', () => {
    expect(() => new PlatformAccount('short-key')).toThrow('at least 32 characters');
    expect(JSON.stringify(new PlatformAccount(key))).not.toContain(key);
    expect(Object.values(new PlatformAccount(key)).map(String).join('')).not.toContain(key);
  });
});
