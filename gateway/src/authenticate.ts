import { GraphQLError } from 'graphql';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  CommonErrorCode,
  InvalidAccessTokenError,
  type AccessTokenVerifier,
  type Identity,
} from '@advisor/kit';
import type { RevocationList, RevocationVerdict } from './revocations';

/** A token that passed the signature, expiry and revocation checks. */
export interface Authenticated {
  identity: Identity;
  /** Whom the revocation list knows the token by (a member or a client admin). */
  subject: string;
  sessionId: string;
  issuedAtMs: number;
  /** When the token stops being valid by itself. */
  expiresAtMs: number;
}

export function subjectOf(identity: Identity): string {
  if (identity.realm === 'firm') return identity.memberId;
  if (identity.realm === 'client') return identity.clientAdminId;
  return 'anonymous';
}

function refused(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: CommonErrorCode.Unauthenticated, ...extra, http: { status: 401 } } });
}

export function revokedError(verdict: Exclude<RevocationVerdict, 'valid'>): GraphQLError {
  return refused(
    verdict === 'session-ended' ? 'Your session has ended. Sign in again.' : 'Your access has changed. Refresh your session to continue.',
    { reason: verdict },
  );
}

type Verified = Awaited<ReturnType<AccessTokenVerifier['verify']>>;

/**
 * Issue 13: verifying an Ed25519 signature was the largest single cost of a gateway request (about
 * a fifth of its CPU in the profile), and a client sends the same token for up to 15 minutes. A
 * token string whose signature verified once is remembered until it expires (its `exp`, whole
 * seconds after `iat`), so only its first request pays for the signature. The revocation check
 * still runs on every request. Bounded: the oldest entries leave first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { verified: Verified; expiresAtMs: number }>();

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(token: string): Promise<Verified> {
    const hit = this.entries.get(token);
    if (hit && this.now() < hit.expiresAtMs) return hit.verified;
    if (hit) this.entries.delete(token);
    const verified = await this.verifier.verify(token);
    const expiresAtMs = (Math.floor(verified.issuedAtMs / 1000) + ACCESS_TOKEN_TTL_SECONDS) * 1000;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { verified, expiresAtMs });
    return verified;
  }
}

/**
 * The one check of an access token, for HTTP requests and WebSocket connections alike (SPEC G1,
 * G2): its signature and expiry, then whether its session or its holder's access has ended since.
 * Throws UNAUTHENTICATED.
 */
export async function authenticate(verifier: Pick<AccessTokenVerifier, 'verify'>, revocations: RevocationList, token: string): Promise<Authenticated> {
  let verified: Verified;
  try {
    verified = await verifier.verify(token);
  } catch (err) {
    throw refused(err instanceof InvalidAccessTokenError ? err.message : 'The access token is not valid.');
  }
  const { identity, sessionId, issuedAtMs } = verified;
  const subject = subjectOf(identity);
  const verdict = revocations.check(subject, sessionId, issuedAtMs);
  if (verdict !== 'valid') throw revokedError(verdict);
  return { identity, subject, sessionId, issuedAtMs, expiresAtMs: issuedAtMs + ACCESS_TOKEN_TTL_SECONDS * 1000 };
}
