import { randomUUID } from 'node:crypto';
import { IsNull, type EntityManager } from 'typeorm';
import {
  DAY_MS,
  DomainError,
  enqueueEvent,
  hashOpaqueToken,
  newOpaqueToken,
  unauthenticated,
  verifyAgainstDummy,
  verifyPassword,
  type AccessTokenIssuer,
  type Clock,
  type Database,
  type Identity,
} from '@advisor/kit';
import { memberAccessChanged } from '@advisor/schema';
import { CredentialEntity } from '../db/entities/credential.entity';
import { MemberEntity } from '../db/entities/member.entity';
import { SessionEntity } from '../db/entities/session.entity';
import { FirmErrorCode, MESSAGES } from './errors';
import { toMember, type Member } from './member';

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
 * Sessions of firm members (SPEC F4, F7): short-lived access tokens for the gateway, renewed
 * with a rotating refresh token; logging out or being deactivated ends them.
 */
export class SessionService {
  constructor(
    private readonly db: Database,
    private readonly issuer: AccessTokenIssuer,
    private readonly clock: Clock,
  ) {}

  async logIn(username: string, password: string): Promise<FirmSession> {
    const credential = await this.db.manager.findOne(CredentialEntity, {
      where: { usernameKey: username.trim().toLowerCase() },
    });
    // The same answer and about the same time whether or not the username exists.
    const ok = credential ? await verifyPassword(credential.passwordHash, password) : await verifyAgainstDummy(password);
    const member = ok && credential ? await this.db.manager.findOne(MemberEntity, { where: { id: credential.memberId } }) : null;
    if (!member || !member.active) {
      throw new DomainError(FirmErrorCode.InvalidCredentials, MESSAGES.invalidCredentials);
    }
    return this.db.transaction((em) => this.startSession(em, toMember(member)));
  }

  /** Opens a session for a member inside the caller's transaction. */
  async startSession(em: EntityManager, member: Member): Promise<FirmSession> {
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

  /** Exchanges a refresh token for a new access token (with current role and permissions) and a new refresh token. */
  async refresh(refreshToken: string): Promise<FirmSession> {
    const now = this.clock.now();
    const fresh = newOpaqueToken();
    return this.db.transaction(async (em) => {
      const session = await em.findOne(SessionEntity, { where: { refreshTokenHash: hashOpaqueToken(refreshToken.trim()) } });
      if (!session || session.endedAt || session.expiresAt.getTime() <= now.getTime()) {
        throw new DomainError(FirmErrorCode.SessionExpired, 'Your session has ended. Sign in again.');
      }
      const member = await em.findOne(MemberEntity, { where: { id: session.memberId } });
      if (!member || !member.active) throw new DomainError(FirmErrorCode.SessionExpired, 'Your session has ended. Sign in again.');
      // Rotation is single-use: of two refreshes with the same token, one wins.
      const rotated = await em.update(
        SessionEntity,
        { id: session.id, refreshTokenHash: session.refreshTokenHash, endedAt: IsNull() },
        { refreshTokenHash: fresh.hash, refreshedAt: now },
      );
      if (rotated.affected !== 1) throw new DomainError(FirmErrorCode.SessionExpired, 'Your session has ended. Sign in again.');
      return this.issue(toMember(member), session, fresh.token);
    });
  }

  /** Ends the caller's session; the gateway stops accepting its access tokens. */
  async logOut(viewer: Identity): Promise<boolean> {
    if (viewer.realm !== 'firm' || !viewer.sessionId) throw unauthenticated();
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
