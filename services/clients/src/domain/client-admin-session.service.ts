import { randomUUID } from 'node:crypto';
import {
  DomainError,
  enqueueEvent,
  unauthenticated,
  verifyAgainstDummy,
  verifyPassword,
  type AccessTokenIssuer,
  type Clock,
  type Database,
  type Identity,
  type RequestOrigin,
} from '@advisor/kit';
import { clientAdminSessionEnded } from '@advisor/schema';
import { recordAudit, type SignInThrottle } from '@advisor/rules';
import { ClientAdminEntity } from '../db/entities/client-admin.entity';
import { ClientErrorCode } from './errors';
import type { ClientAdmin, ClientAdminPermission } from './model';
import { CLIENTS_PRODUCER } from './link.service';

export interface ClientAdminSession {
  accessToken: string;
  expiresAt: Date;
  clientAdmin: ClientAdmin;
}

export function toClientAdmin(e: ClientAdminEntity): ClientAdmin {
  return {
    id: e.id,
    clientId: e.clientId,
    firstName: e.firstName,
    lastName: e.lastName,
    email: e.email,
    permissions: e.permissions as ClientAdminPermission[],
  };
}

/** Client admins sign in to their company's own account: the second realm of people. */
export class ClientAdminSessionService {
  constructor(
    private readonly db: Database,
    private readonly issuer: AccessTokenIssuer,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
  ) {}

  /** SPEC G7: throttled per email and per address like firm sign-in (SignInThrottle); one answer for every failure. */
  async logIn(email: string, password: string, origin: RequestOrigin = {}): Promise<ClientAdminSession> {
    const attempt = { username: email, clientAddress: origin.clientAddress };
    const refused = () => new DomainError(ClientErrorCode.InvalidCredentials, 'The email or password is not correct.');
    const admin = await this.db.manager.findOne(ClientAdminEntity, { where: { email: email.trim().toLowerCase() } });
    const verdict = await this.throttle.check(attempt);
    if (!verdict.allowed) {
      const counted = await this.throttle.failed(attempt, 'THROTTLED');
      await this.auditFailure(admin, counted.locked ? 'SIGN_IN_LOCKED' : 'SIGN_IN_THROTTLED', { ...counted, clientAddress: origin.clientAddress });
      await this.throttle.answerLikeAWrongPassword();
      throw refused();
    }
    const ok = await this.throttle.timed(() => (admin ? verifyPassword(admin.passwordHash, password) : verifyAgainstDummy(password)));
    if (!admin || !ok) {
      const counted = await this.throttle.failed(attempt, 'WRONG_CREDENTIALS');
      await this.auditFailure(admin, counted.locked ? 'SIGN_IN_LOCKED' : 'SIGN_IN_FAILED', { ...counted, clientAddress: origin.clientAddress });
      throw refused();
    }
    await this.throttle.succeeded(attempt);
    const clientAdmin = toClientAdmin(admin);
    const { token, expiresAt } = await this.issuer.issue(
      {
        realm: 'client',
        clientAdminId: clientAdmin.id,
        clientId: clientAdmin.clientId,
        email: clientAdmin.email,
        permissions: clientAdmin.permissions,
      },
      randomUUID(),
      this.clock.now(),
    );
    return { accessToken: token, expiresAt, clientAdmin };
  }

  /**
   * SPEC G7: ends the caller's session. Its tokens are refused by the gateway as soon as it reads
   * `client-admin.session-ended` (published through the outbox), like a firm member's log-out.
   */
  async logOut(viewer: Identity): Promise<boolean> {
    if (viewer.realm !== 'client' || !viewer.sessionId) throw unauthenticated();
    const { clientAdminId, clientId, sessionId } = viewer;
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientAdminSessionEnded, { clientAdminId, clientId, sessionId, endedAt: now.toISOString() }, now);
      await recordAudit(em, {
        scopeType: 'CLIENT',
        scopeId: clientId,
        actorRealm: 'client',
        actorId: clientAdminId,
        action: 'SIGNED_OUT',
        subjectType: 'CLIENT_ADMIN',
        subjectId: clientAdminId,
        before: null,
        after: null,
        at: now,
      });
    });
    return true;
  }

  /** SPEC G4: failed or refused sign-ins to a real client admin account, on the company's trail (no password). */
  private async auditFailure(
    admin: ClientAdminEntity | null,
    action: 'SIGN_IN_FAILED' | 'SIGN_IN_THROTTLED' | 'SIGN_IN_LOCKED',
    details: { usernameFailures: number; locked: boolean; clientAddress?: string },
  ): Promise<void> {
    if (!admin) return;
    const now = this.clock.now();
    await this.db.transaction((em) =>
      recordAudit(em, {
        scopeType: 'CLIENT',
        scopeId: admin.clientId,
        actorRealm: 'system',
        actorId: null,
        action,
        subjectType: 'CLIENT_ADMIN',
        subjectId: admin.id,
        before: null,
        after: { clientAddress: details.clientAddress ?? null, failures: details.usernameFailures, locked: details.locked },
        at: now,
      }),
    );
  }
}
