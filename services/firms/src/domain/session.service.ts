import { randomUUID } from 'node:crypto';
import {
  DomainError,
  verifyAgainstDummy,
  verifyPassword,
  type AccessTokenIssuer,
  type Clock,
  type Database,
} from '@advisor/kit';
import { CredentialEntity } from '../db/entities/credential.entity';
import { MemberEntity } from '../db/entities/member.entity';
import { FirmErrorCode, MESSAGES } from './errors';
import { toMember, type Member } from './member';

export interface FirmSession {
  accessToken: string;
  expiresAt: Date;
  member: Member;
}

/** Signs firm members in (SPEC F4) and issues the gateway's bearer token. */
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
    return this.startSession(toMember(member));
  }

  async startSession(member: Member): Promise<FirmSession> {
    const { token, expiresAt } = await this.issuer.issue(
      {
        realm: 'firm',
        memberId: member.id,
        firmId: member.firmId,
        email: member.workEmail,
        firmRole: member.firmRole,
        permissions: member.permissions,
      },
      randomUUID(),
      this.clock.now(),
    );
    return { accessToken: token, expiresAt, member };
  }
}
