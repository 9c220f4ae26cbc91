import {
  AccessTokenIssuer,
  AccessTokenVerifier,
  ANONYMOUS,
  decodeIdentity,
  encodeIdentity,
  generateSigningKeyPair,
  hasGatewaySecret,
  InvalidAccessTokenError,
  type FirmMemberIdentity,
} from './auth';

const member: FirmMemberIdentity = {
  realm: 'firm',
  memberId: '9f1c6f9e-8a43-4a53-9a57-0a4c2b0f1d11',
  firmId: '0b8a7d0e-1f5c-4a4e-8a3e-55b3c0e6a9f2',
  email: 'fran@acme-cpa.example',
  firmRole: 'MEMBER',
  permissions: ['ASSIGN_CLIENTS'],
};

describe('identity (G1)', () => {
  it('G1: round-trips the forwarded identity; malformed headers are anonymous', () => {
    expect(decodeIdentity(encodeIdentity(member))).toEqual(member);
    expect(decodeIdentity(undefined)).toEqual(ANONYMOUS);
    expect(decodeIdentity('%%%')).toEqual(ANONYMOUS);
    expect(decodeIdentity(Buffer.from('{"realm":"firm"}').toString('base64url'))).toEqual(ANONYMOUS);
  });

  it('G1: the gateway secret must be present and exact', () => {
    expect(hasGatewaySecret('s3cret-value', 's3cret-value')).toBe(true);
    expect(hasGatewaySecret(undefined, 's3cret-value')).toBe(false);
    expect(hasGatewaySecret('', 's3cret-value')).toBe(false);
    expect(hasGatewaySecret(['s3cret-value'], 's3cret-value')).toBe(false);
    expect(hasGatewaySecret('s3cret-valuE', 's3cret-value')).toBe(false);
  });

  it('G1: access tokens verify with the matching public key only, and expire', async () => {
    const keys = generateSigningKeyPair();
    const issuer = await AccessTokenIssuer.fromPem(keys.privateKeyPem);
    const verifier = await AccessTokenVerifier.fromPem(keys.publicKeyPem);
    const { token, expiresAt } = await issuer.issue(member, 'session-1');
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(15 * 60 * 1000);
    await expect(verifier.verify(token)).resolves.toEqual({
      identity: { ...member, sessionId: 'session-1' },
      sessionId: 'session-1',
      issuedAtMs: expect.any(Number),
    });

    const other = await AccessTokenVerifier.fromPem(generateSigningKeyPair().publicKeyPem);
    await expect(other.verify(token)).rejects.toBeInstanceOf(InvalidAccessTokenError);

    const [h, p, s] = token.split('.');
    const tampered = JSON.parse(Buffer.from(p, 'base64url').toString());
    tampered.idn.firmRole = 'ADMIN';
    await expect(verifier.verify(`${h}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${s}`)).rejects.toThrow(
      'not valid',
    );

    const old = await issuer.issue(member, 'session-2', new Date(Date.now() - 16 * 60 * 1000));
    await expect(verifier.verify(old.token)).rejects.toThrow('expired');
  });
});
