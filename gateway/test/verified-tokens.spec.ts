import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenIssuer, AccessTokenVerifier, InvalidAccessTokenError, generateSigningKeyPair } from '@advisor/kit';
import { VerifiedTokens } from '../src/authenticate';

/** Issue 13: a token's signature is checked on its first request only, until the token expires. */
describe('verified tokens are remembered until they expire', () => {
  const keys = generateSigningKeyPair();
  const identity = { realm: 'firm' as const, memberId: randomUUID(), firmId: randomUUID(), email: 'm@firm.example', firmRole: 'ADMIN' as const, permissions: [] };

  async function setUp(issuedAt: Date) {
    const issuer = await AccessTokenIssuer.fromPem(keys.privateKeyPem);
    const verifier = await AccessTokenVerifier.fromPem(keys.publicKeyPem);
    let verifications = 0;
    const counting = { verify: (token: string) => (verifications++, verifier.verify(token)) };
    let now = Date.now();
    const tokens = new VerifiedTokens(counting as AccessTokenVerifier, 2, () => now);
    const { token } = await issuer.issue(identity, randomUUID(), issuedAt);
    return { tokens, token, issuer, verifications: () => verifications, setNow: (ms: number) => (now = ms) };
  }

  it('the same token twice: one signature check, the same identity', async () => {
    const t = await setUp(new Date());
    const first = await t.tokens.verify(t.token);
    const second = await t.tokens.verify(t.token);
    expect(second).toEqual(first);
    expect(first.identity).toMatchObject({ memberId: identity.memberId });
    expect(t.verifications()).toBe(1);
  });

  it('refused: once past its expiry, a remembered token is checked again and refused as expired', async () => {
    const issuedAt = new Date(Date.now() - (ACCESS_TOKEN_TTL_SECONDS - 1) * 1000);
    const t = await setUp(issuedAt);
    await t.tokens.verify(t.token);
    t.setNow(issuedAt.getTime() + ACCESS_TOKEN_TTL_SECONDS * 1000 + 1);
    await new Promise((r) => setTimeout(r, 1_100)); // the token really expires for the verifier too
    await expect(t.tokens.verify(t.token)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    expect(t.verifications()).toBe(2);
  });

  it('refused: a tampered token is never remembered as valid', async () => {
    const t = await setUp(new Date());
    const tampered = `${t.token.slice(0, -4)}AAAA`;
    await expect(t.tokens.verify(tampered)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    await expect(t.tokens.verify(tampered)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    expect(t.verifications()).toBe(2);
  });

  it('bounded: past its size the oldest token leaves first and is checked again', async () => {
    const t = await setUp(new Date());
    const others = await Promise.all([1, 2].map(() => t.issuer.issue(identity, randomUUID()).then((x) => x.token)));
    await t.tokens.verify(t.token);
    for (const o of others) await t.tokens.verify(o);
    await t.tokens.verify(t.token);
    expect(t.verifications()).toBe(4);
  });
});
