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

describe('service accounts (G6)', () => {
  const claims = {
    realm: 'service' as const,
    serviceAccountId: '3d0c1d5e-2b7a-4f0e-9c36-7f3a7a0c9b21',
    firmId: member.firmId,
    name: 'Payroll exporter',
    scopes: ['events:read', 'read'],
  };

  it('G6: a service token verifies into a read-only principal of its firm only (realm service in the token)', async () => {
    const keys = generateSigningKeyPair();
    const issuer = await AccessTokenIssuer.fromPem(keys.privateKeyPem);
    const verifier = await AccessTokenVerifier.fromPem(keys.publicKeyPem);
    const { token } = await issuer.issue(claims, 'jti-1');
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload.idn).toEqual(claims);
    expect(payload.sub).toBe(claims.serviceAccountId);
    const { identity } = await verifier.verify(token);
    expect(identity).toEqual({
      realm: 'firm',
      memberId: claims.serviceAccountId,
      firmId: claims.firmId,
      email: expect.stringContaining('.invalid'),
      firmRole: 'ANALYST',
      permissions: ['VIEW_ALL_CLIENTS'],
      sessionId: 'jti-1',
      serviceAccount: { name: 'Payroll exporter', scopes: ['events:read', 'read'] },
    });
    // Without the `read` scope it sees no client at all.
    const eventsOnly = await verifier.verify((await issuer.issue({ ...claims, scopes: ['events:read'] }, 'jti-2')).token);
    expect(eventsOnly.identity).toMatchObject({ firmRole: 'ANALYST', permissions: [] });
  });

  it('G6: refuses a member token that claims to be a service account, or a service token that claims a role', async () => {
    const keys = generateSigningKeyPair();
    const issuer = await AccessTokenIssuer.fromPem(keys.privateKeyPem);
    const verifier = await AccessTokenVerifier.fromPem(keys.publicKeyPem);
    // A person's claims never carry `serviceAccount`, even if the issuer is handed one.
    const sneaky = { ...member, serviceAccount: { name: 'x', scopes: ['read'] } } as FirmMemberIdentity;
    const { identity } = await verifier.verify((await issuer.issue(sneaky, 'jti-3')).token);
    expect(identity).not.toHaveProperty('serviceAccount');
    // Extra claims in a service token (a role, permissions) are not signed and never read.
    const { identity: svc } = await verifier.verify(
      (await issuer.issue({ ...claims, firmRole: 'ADMIN', permissions: ['MANAGE_MEMBERS'] } as typeof claims, 'jti-4')).token,
    );
    expect(svc).toMatchObject({ firmRole: 'ANALYST', permissions: ['VIEW_ALL_CLIENTS'] });
  });
});
