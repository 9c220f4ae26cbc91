import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, jwtVerify, importPKCS8, importSPKI, errors as joseErrors, type KeyLike } from "jose";
import { z } from 'zod';
import { secretsEqual } from './tokens';

/** Headers the gateway sets on every subgraph request. Never accepted from anyone else. */
export const GATEWAY_SECRET_HEADER = 'x-advisor-gateway-secret';
export const IDENTITY_HEADER = 'x-advisor-identity';
/** The caller's network address as the gateway saw it (SPEC G7: sign-in throttling per address). */
export const CLIENT_ADDRESS_HEADER = 'x-advisor-client-address';

/** What a subgraph knows about the request besides the identity; trusted only with the gateway secret. */
export interface RequestOrigin {
  /** The caller's address, or undefined when the gateway did not say. */
  clientAddress?: string;
}

/** Reads the forwarded client address; anything that is not a plausible IP address is ignored. */
export function decodeClientAddress(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  const value = header.trim();
  return /^[0-9A-Fa-f:.]{2,45}$/.test(value) ? value : undefined;
}

const firmMemberIdentity = z.object({
  realm: z.literal('firm'),
  memberId: z.string().uuid(),
  firmId: z.string().uuid(),
  email: z.string().email(),
  /** `ANALYST` (SPEC G3) is read-only; a service account (G6) acts as one. */
  firmRole: z.enum(['ADMIN', 'MEMBER', 'ANALYST']),
  permissions: z.array(z.string()),
  /** The session the access token belongs to (its `jti`); set by the gateway. */
  sessionId: z.string().optional(),
  /** Set when the caller is a firm's service account (SPEC G6); `memberId` is then the account's id. */
  serviceAccount: z.object({ name: z.string(), scopes: z.array(z.string()) }).optional(),
});
/**
 * SPEC G6: what a service account's access token carries (the `service` realm). It never
 * reaches a subgraph as such: `AccessTokenVerifier` turns it into the read-only firm principal
 * services authorize (`servicePrincipal`).
 */
const serviceAccountClaims = z.object({
  realm: z.literal('service'),
  serviceAccountId: z.string().uuid(),
  firmId: z.string().uuid(),
  name: z.string(),
  scopes: z.array(z.string()),
});
const clientAdminIdentity = z.object({
  realm: z.literal('client'),
  clientAdminId: z.string().uuid(),
  clientId: z.string().uuid(),
  email: z.string().email(),
  permissions: z.array(z.string()),
  sessionId: z.string().optional(),
});
const anonymousIdentity = z.object({ realm: z.literal('anonymous') });
/**
 * SPEC G6, C1: the operator's platform account (the payroll/PEO platform itself), which registers
 * client companies and their admins. Authenticated by the gateway with PLATFORM_API_KEY; it
 * never has an access token.
 */
const platformIdentity = z.object({ realm: z.literal('platform') });

export const identitySchema = z.discriminatedUnion('realm', [
  firmMemberIdentity,
  clientAdminIdentity,
  anonymousIdentity,
  platformIdentity,
]);
export type Identity = z.infer<typeof identitySchema>;
export type FirmMemberIdentity = z.infer<typeof firmMemberIdentity>;
export type ClientAdminIdentity = z.infer<typeof clientAdminIdentity>;
export type ServiceAccountClaims = z.infer<typeof serviceAccountClaims>;

/** SPEC G6: the scope that lets a service account read its firm's data through queries. */
export const SERVICE_SCOPE_READ = 'read';

/**
 * SPEC G6: a service account of firm X is seen by every service as a read-only member of X
 * (firm role `ANALYST`) who sees all of X's clients when it holds the `read` scope, and none
 * otherwise. Its id stands where a member id would.
 */
export function servicePrincipal(claims: ServiceAccountClaims, sessionId?: string): FirmMemberIdentity {
  return {
    realm: 'firm',
    memberId: claims.serviceAccountId,
    firmId: claims.firmId,
    email: `service-account+${claims.serviceAccountId}@service-accounts.invalid`,
    firmRole: 'ANALYST',
    permissions: claims.scopes.includes(SERVICE_SCOPE_READ) ? ['VIEW_ALL_CLIENTS'] : [],
    ...(sessionId ? { sessionId } : {}),
    serviceAccount: { name: claims.name, scopes: [...claims.scopes] },
  };
}
export const ANONYMOUS: Identity = Object.freeze({ realm: 'anonymous' as const });
export const PLATFORM: Identity = Object.freeze({ realm: 'platform' as const });

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identity), 'utf8').toString('base64url');
}

/** Reads the identity the gateway forwarded. Anything malformed is treated as anonymous. */
export function decodeIdentity(header: string | undefined): Identity {
  if (!header) return ANONYMOUS;
  try {
    const parsed = identitySchema.safeParse(JSON.parse(Buffer.from(header, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : ANONYMOUS;
  } catch {
    return ANONYMOUS;
  }
}

/** True when the request carries this subgraph's gateway secret. */
export function hasGatewaySecret(header: string | string[] | undefined, expected: string): boolean {
  if (typeof header !== 'string' || header.length === 0) return false;
  return secretsEqual(header, expected);
}

// ---------------------------------------------------------------------------------------------
// Access tokens: EdDSA-signed JWTs. Services that log people in (firms for firm members,
// clients for client admins) hold the private key; the gateway holds only the public key.
// ---------------------------------------------------------------------------------------------

const ISSUER = 'advisor-dashboard';
const AUDIENCE = 'advisor-dashboard-gateway';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface KeyPairPem {
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh Ed25519 key pair: used by the embedded run mode and by tests. */
export function generateSigningKeyPair(): KeyPairPem {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

type TokenClaims = FirmMemberIdentity | ClientAdminIdentity;
/** What a token may be issued for: a person (firm member, client admin) or a service account (G6). */
type IssuableClaims = Omit<FirmMemberIdentity, 'serviceAccount'> | ClientAdminIdentity | ServiceAccountClaims;
const issuedClaimsSchema = z.discriminatedUnion('realm', [
  firmMemberIdentity.omit({ serviceAccount: true, sessionId: true }),
  clientAdminIdentity.omit({ sessionId: true }),
  serviceAccountClaims,
]);

export class AccessTokenIssuer {
  private constructor(private readonly key: KeyLike | Uint8Array) {}

  static async fromPem(privateKeyPem: string): Promise<AccessTokenIssuer> {
    return new AccessTokenIssuer(await importPKCS8(privateKeyPem, 'EdDSA'));
  }

  async issue(identity: IssuableClaims, sessionId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
    const subject =
      identity.realm === 'firm' ? identity.memberId : identity.realm === 'client' ? identity.clientAdminId : identity.serviceAccountId;
    // Only what the schema of its realm names is signed (never a session id, never `serviceAccount`).
    const claims = issuedClaimsSchema.parse(identity);
    // `iat` has whole seconds; `iat_ms` lets the gateway tell tokens issued just before a
    // revocation from those issued just after it.
    const token = await new SignJWT({ idn: claims, iat_ms: now.getTime() })
      .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject(subject)
      .setJti(sessionId)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }
}

export class InvalidAccessTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The access token has expired.' : 'The access token is not valid.');
  }
}

export class AccessTokenVerifier {
  private constructor(private readonly key: KeyLike | Uint8Array) {}

  static async fromPem(publicKeyPem: string): Promise<AccessTokenVerifier> {
    return new AccessTokenVerifier(await importSPKI(publicKeyPem, 'EdDSA'));
  }

  async verify(token: string): Promise<{ identity: TokenClaims; sessionId: string; issuedAtMs: number }> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['EdDSA'],
      });
      // A person's claims never carry `serviceAccount` (the schema drops it): only a token of
      // the `service` realm makes a service principal.
      const claims = issuedClaimsSchema.parse(payload.idn);
      if (!payload.jti) throw new InvalidAccessTokenError('invalid');
      const issuedAtMs = typeof payload.iat_ms === 'number' ? payload.iat_ms : (payload.iat ?? 0) * 1000;
      const identity: TokenClaims =
        claims.realm === 'service' ? servicePrincipal(claims, payload.jti) : { ...claims, sessionId: payload.jti };
      return { identity, sessionId: payload.jti, issuedAtMs };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new InvalidAccessTokenError('expired');
      throw new InvalidAccessTokenError('invalid');
    }
  }
}
