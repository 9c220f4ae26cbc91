import { hashOpaqueToken, newOpaqueToken, secretsEqual } from './tokens';

describe('opaque tokens (I6, F5)', () => {
  it('I6: are 256 random bits and only their SHA-256 is kept', () => {
    const a = newOpaqueToken();
    const b = newOpaqueToken();
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashOpaqueToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it('compares secrets in constant time, whatever their lengths', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
  });
});
