import { holdsFirmPermission } from '@advisor/rules';
import type { EntityManager } from 'typeorm';
import { DomainError, forbidden, unauthenticated, type Database, type Identity } from '@advisor/kit';
import { MemberEntity } from '../db/entities/member.entity';
import { FirmErrorCode } from './errors';
import { toMember, type FirmPermission, type FirmRole, type Member } from './member';

/**
 * SPEC F6, enforced in the domain for every firm operation. The acting member is read from the
 * database, not from the token: a token's role and permissions may be minutes old.
 */
export class FirmAccess {
  constructor(private readonly db: Database) {}

  async actor(identity: Identity, em: EntityManager = this.db.manager): Promise<Member> {
    if (identity.realm === 'anonymous') throw unauthenticated();
    if (identity.realm !== 'firm') throw forbidden('Only firm members can do this.');
    // SPEC G6: a service account is no member; it reads clients' data, never the firm's team.
    if (identity.serviceAccount) throw forbidden('Service accounts cannot do this.');
    const row = await em.findOne(MemberEntity, { where: { id: identity.memberId, firmId: identity.firmId } });
    if (!row) throw unauthenticated();
    if (!row.active) throw new DomainError(FirmErrorCode.MemberInactive, 'Your account has been deactivated.');
    return toMember(row);
  }

  /** The actor, who must hold `permission` (an ADMIN holds all). */
  async actorWith(identity: Identity, permission: FirmPermission, em?: EntityManager): Promise<Member> {
    const actor = await this.actor(identity, em);
    if (!holdsFirmPermission(actor, permission)) {
      throw forbidden(`You need the ${permission} permission to do this.`);
    }
    return actor;
  }

  async admin(identity: Identity, em?: EntityManager): Promise<Member> {
    const actor = await this.actor(identity, em);
    if (actor.firmRole !== 'ADMIN') throw forbidden('Only firm admins can do this.');
    return actor;
  }

  /**
   * SPEC F6: only an ADMIN may make someone an ADMIN, grant VIEW_ALL_CLIENTS, or change an ADMIN.
   * SPEC G3: only an ADMIN makes someone an ANALYST or unmakes one.
   */
  static checkGrant(
    actor: Member,
    change: { firmRole: FirmRole; permissions: readonly string[] },
    current?: { firmRole: FirmRole; permissions: readonly string[] },
  ): void {
    if (actor.firmRole === 'ADMIN') return;
    const grantsAdmin = change.firmRole === 'ADMIN' && current?.firmRole !== 'ADMIN';
    const grantsViewAll =
      change.permissions.includes('VIEW_ALL_CLIENTS') && !(current?.permissions ?? []).includes('VIEW_ALL_CLIENTS');
    const changesAnalyst = (change.firmRole === 'ANALYST') !== (current?.firmRole === 'ANALYST');
    if (grantsAdmin || grantsViewAll || changesAnalyst || current?.firmRole === 'ADMIN') {
      throw new DomainError(
        FirmErrorCode.AdminRequired,
        'Only a firm admin can make someone an admin or an analyst, grant View all clients, or change an admin.',
      );
    }
  }
}
