import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import {
  DAY_MS,
  DomainError,
  enqueueEvent,
  hashOpaqueToken,
  newOpaqueToken,
  forbidden,
  unauthenticated,
  verifyAgainstDummy,
  verifyPassword,
  type AccessTokenIssuer,
  type Clock,
  type Database,
  type Identity,
  type RequestOrigin,
} from '@advisor/kit';
import type { SignInThrottle } from '@advisor/rules';
import { memberAccessChanged } from '@advisor/schema';
import { CredentialEntity } from '../db/entities/credential.entity';
import { MemberEntity } from '../db/entities/member.entity';
import { SessionEntity } from '../db/entities/session.entity';
import { RetiredRefreshTokenEntity } from '../db/entities/retired-refresh-token.entity';
import { FirmErrorCode, MESSAGES } from './errors';
import { toMember, type Member } from './member';
import type { AuditService } from './audit.service';
import { secondStepFor, secondStepRefusal, type OpenChallenge, type SignInChallenges } from './second-factor-policy';

export const FIRMS_PRODUCER = 'firms';
/** How long a session may be renewed without signing in again. */
export const SESSION_TTL_DAYS = 30;

export interface FirmSession {
  accessToken: string;
  expiresAt: Date;
  /** Single-use: each refresh returns a new one. */
  refreshToken: string;
  refreshExpiresAt: Date;
  member: Member;
}

/**
 * SPEC F9: what the password step gives: a session, or a short-lived challenge for the second
 * step (a code from the member's authenticator, or enrolment when the firm requires it).
 */
export type SignInOutcome =
  | { next: 'SIGNED_IN'; session: FirmSession }
  | { next: 'TWO_FACTOR_CODE' | 'TWO_FACTOR_ENROLMENT'; challenge: OpenChallenge };

/**
 * Sessions of firm members (SPEC F4, F7): short-lived access tokens for the gateway, renewed
 * with a rotating refresh token; logging out or being deactivated ends them.
 */
export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly issuer: AccessTokenIssuer,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
    private readonly challenges: SignInChallenges,
  ) {}

  /**
   * SPEC F4, G7, F9: the password step of signing in. Throttled per username and per address (SignInThrottle);
   * an unknown username, a wrong password and a throttled or locked account get the same answer
   * in about the same time; failures are logged (never the password) and audited for the member.
   * A member with an authenticator, or of a firm that requires one, gets a challenge, not a session.
   */
  async signIn(username: string, password: string, origin: RequestOrigin = {}): Promise<SignInOutcome> {
    const attempt = { username, clientAddress: origin.clientAddress };
    const credential = await this.db.manager.findOne(CredentialEntity, {
      where: { usernameKey: username.trim().toLowerCase() },
    });
    const verdict = await this.throttle.check(attempt);
    if (!verdict.allowed) {
      const { usernameFailures, locked } = await this.throttle.failed(attempt, 'THROTTLED');
      await this.auditFailure(credential, locked ? 'SIGN_IN_LOCKED' : 'SIGN_IN_THROTTLED', { ...attempt, usernameFailures, locked, until: verdict.until.toISOString() });
      await this.throttle.answerLikeAWrongPassword();
      throw new DomainError(FirmErrorCode.InvalidCredentials, MESSAGES.invalidCredentials);
    }
    // The same answer and about the same time whether or not the username exists.
    const ok = await this.throttle.timed(() =>
      credential ? verifyPassword(credential.passwordHash, password) : verifyAgainstDummy(password),
    );
    const member = ok && credential ? await this.db.manager.findOne(MemberEntity, { where: { id: credential.memberId } }) : null;
    if (!member || !member.active) {
      const { usernameFailures, locked } = await this.throttle.failed(attempt, 'WRONG_CREDENTIALS');
      await this.auditFailure(credential, locked ? 'SIGN_IN_LOCKED' : 'SIGN_IN_FAILED', { ...attempt, usernameFailures, locked });
      throw new DomainError(FirmErrorCode.InvalidCredentials, MESSAGES.invalidCredentials);
    }
    await this.throttle.succeeded(attempt);
    const step = await secondStepFor(this.db.manager, member);
    if (step !== 'SESSION') {
      const challenge = await this.challenges.open(member.id, step);
      return { next: step === 'CODE' ? 'TWO_FACTOR_CODE' : 'TWO_FACTOR_ENROLMENT', challenge };
    }
    return { next: 'SIGNED_IN', session: await this.db.transaction((em) => this.startSession(em, toMember(member))) };
  }

  /** SPEC G4: a failed or refused sign-in to a real account is on its firm's audit trail (no password). */
  private async auditFailure(
    credential: CredentialEntity | null,
    action: 'SIGN_IN_FAILED' | 'SIGN_IN_THROTTLED' | 'SIGN_IN_LOCKED',
    details: { clientAddress?: string; usernameFailures: number; locked: boolean; until?: string },
  ): Promise<void> {
    if (!credential) return;
    const member = await this.db.manager.findOne(MemberEntity, { where: { id: credential.memberId } });
    if (!member) return;
    const now = this.clock.now();
    await this.db.transaction((em) =>
      this.audit.record(em, {
        firmId: member.firmId,
        actorMemberId: null,
        action,
        subjectType: 'MEMBER',
        subjectId: member.id,
        before: null,
        after: {
          clientAddress: details.clientAddress ?? null,
          failures: details.usernameFailures,
          locked: details.locked,
          ...(details.until ? { until: details.until } : {}),
        },
        at: now,
      }),
    );
  }

  /**
   * Opens a session for a member inside the caller's transaction. SPEC F9: unless the caller
   * verified a second factor, a member who has one, or whose firm requires one, gets none
   * (TWO_FACTOR_REQUIRED, TWO_FACTOR_ENROLMENT_REQUIRED): every path to a token passes here.
   */
  async startSession(em: EntityManager, member: Member, opts: { secondFactorVerified?: boolean } = {}): Promise<FirmSession> {
    if (!opts.secondFactorVerified) {
      const step = await secondStepFor(em, member);
      if (step !== 'SESSION') throw secondStepRefusal(step);
    }
    const now = this.clock.now();
    const refresh = newOpaqueToken();
    const session = Object.assign(new SessionEntity(), {
      id: randomUUID(),
      memberId: member.id,
      refreshTokenHash: refresh.hash,
      createdAt: now,
      refreshedAt: null,
      expiresAt: new Date(now.getTime() + SESSION_TTL_DAYS * DAY_MS),
      endedAt: null,
      endReason: null,
    });
    await em.insert(SessionEntity, session);
    return this.issue(member, session, refresh.token);
  }

  /**
   * Exchanges a refresh token for a new access token (with current role and permissions) and a new
   * refresh token. A refresh token that was already rotated away is a replay (a stolen copy, or
   * the thief's after the owner's): the whole session, every token it ever issued, ends.
   */
  async refresh(refreshToken: string): Promise<FirmSession> {
    const now = this.clock.now();
    const fresh = newOpaqueToken();
    const presentedHash = hashOpaqueToken(refreshToken.trim());
    const replayed = await this.db.manager.findOne(RetiredRefreshTokenEntity, { where: { tokenHash: presentedHash } });
    if (replayed) {
      await this.endFamily(replayed.sessionId, now);
      throw new DomainError(FirmErrorCode.SessionExpired, 'Your session has ended. Sign in again.');
    }
    return this.db.transaction(async (em) => {
      const session = await em.findOne(SessionEntity, { where: { refreshTokenHash: presentedHash } });
      if (!session || session.endedAt || session.expiresAt.getTime() <= now.getTime()) {
        throw new DomainError(FirmErrorCode.SessionExpired, 'Your session has ended. Sign in again.');
      }
      const member = await em.findOne(MemberEntity, { where: { id: session.memberId } });
      if (!member || !member.active) throw new DomainError(FirmErrorCode.SessionExpired, 'Your session has ended. Sign in again.');
      // SPEC F9: a member of a firm that requires two-factor sign-in, without an authenticator,
      // gets no more tokens (their sessions ended when it became required; this covers a race).
      if ((await secondStepFor(em, member)) === 'ENROL') throw secondStepRefusal('ENROL');
      // Rotation is single-use: of two refreshes with the same token, one wins.
      const rotated = await em.update(
        SessionEntity,
        { id: session.id, refreshTokenHash: session.refreshTokenHash, endedAt: IsNull() },
        { refreshTokenHash: fresh.hash, refreshedAt: now },
      );
      if (rotated.affected !== 1) throw new DomainError(FirmErrorCode.SessionExpired, 'Your session has ended. Sign in again.');
      await em.insert(RetiredRefreshTokenEntity, { tokenHash: session.refreshTokenHash, sessionId: session.id, retiredAt: now });
      return this.issue(toMember(member), session, fresh.token);
    });
  }

  /** Ends a replayed session and tells the gateway, which then refuses all its access tokens. */
  private async endFamily(sessionId: string, now: Date): Promise<void> {
    await this.db.transaction(async (em) => {
      const session = await em.findOne(SessionEntity, { where: { id: sessionId } });
      if (!session) return;
      const ended = await em.update(SessionEntity, { id: sessionId, endedAt: IsNull() }, { endedAt: now, endReason: 'REFRESH_REPLAYED' });
      if (ended.affected !== 1) return;
      const member = await em.findOne(MemberEntity, { where: { id: session.memberId } });
      if (!member) return;
      await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
        memberId: member.id,
        firmId: member.firmId,
        reason: 'LOGGED_OUT',
        sessionId,
        changedAt: now.toISOString(),
      }, now);
    });
  }

  /** Ends the caller's session; the gateway stops accepting its access tokens. */
  async logOut(viewer: Identity): Promise<boolean> {
    // A client admin's session is the clients service's to end.
    if (viewer.realm === 'client') throw unauthenticated('Client admins log out with logOutClientAdmin.');
    if (viewer.realm !== 'firm' || !viewer.sessionId) throw unauthenticated();
    // SPEC G6: a service account has no session to end; its tokens expire, or an ADMIN revokes it.
    if (viewer.serviceAccount) throw forbidden('Service accounts have no session to end.');
    const sessionId = viewer.sessionId;
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ended = await em.update(SessionEntity, { id: sessionId, memberId: viewer.memberId, endedAt: IsNull() }, { endedAt: now, endReason: 'LOGGED_OUT' });
      if (ended.affected === 1) {
        await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
          memberId: viewer.memberId,
          firmId: viewer.firmId,
          reason: 'LOGGED_OUT',
          sessionId,
          changedAt: now.toISOString(),
        }, now);
      }
    });
    return true;
  }

  /** SPEC F7: ends every session of a member, inside the caller's transaction. */
  async endAllSessions(em: EntityManager, memberId: string, reason: string, now: Date): Promise<void> {
    await em.update(SessionEntity, { memberId, endedAt: IsNull() }, { endedAt: now, endReason: reason });
  }

  private async issue(member: Member, session: SessionEntity, refreshToken: string): Promise<FirmSession> {
    const { token, expiresAt } = await this.issuer.issue(
      {
        realm: 'firm',
        memberId: member.id,
        firmId: member.firmId,
        email: member.workEmail,
        firmRole: member.firmRole,
        permissions: member.permissions,
      },
      session.id,
      this.clock.now(),
    );
    return { accessToken: token, expiresAt, refreshToken, refreshExpiresAt: session.expiresAt, member };
  }
}
