import { MoreThan } from 'typeorm';
import { notFound, type Clock, type Database, type Identity } from '@advisor/kit';
import { reachBasisOf, requireLeaverReportReader, type ReachBasis } from '@advisor/rules';
import { MemberEntity } from '../db/entities/member.entity';
import { MemberInvitationEntity } from '../db/entities/member-invitation.entity';
import { ServiceAccountEntity } from '../db/entities/service-account.entity';
import type { FirmAccess } from './firm-access';
import { toMember, type Member } from './member';
import { toInvitation, type MemberInvitation } from './member-invitation.service';
import { toServiceAccount, type ServiceAccount } from './service-account.service';

/**
 * SPEC F11: the firms service's part of a member's leaver report. The clients they reach and the
 * clients' firm requests they sent are added by the clients and invitations subgraphs (fields of
 * the same `LeaverReport` entity), each from its own tables; this part hands them the reach basis
 * (SPEC C6: whether the member's role lets them see every client), which only firms knows.
 */
export interface LeaverReport extends ReachBasis {
  memberId: string;
  member: Member;
}

export class LeaverReportService {
  constructor(
    private readonly db: Database,
    private readonly access: FirmAccess,
    private readonly clock: Clock,
  ) {}

  /** The report of a member of the reader's firm, active or deactivated (NOT_FOUND for anyone else). */
  async report(viewer: Identity, memberId: string): Promise<LeaverReport> {
    const reader = await this.reader(viewer);
    const row = await this.db.manager.findOne(MemberEntity, { where: { id: memberId, firmId: reader.firmId } });
    if (!row) throw notFound('This member');
    const member = toMember(row);
    return { memberId: member.id, member, ...reachBasisOf(member) };
  }

  /** SPEC G6: the service accounts the member created, revoked ones too, newest first. */
  async serviceAccountsCreatedBy(viewer: Identity, memberId: string): Promise<ServiceAccount[]> {
    const reader = await this.reader(viewer);
    const rows = await this.db.manager.find(ServiceAccountEntity, {
      where: { firmId: reader.firmId, createdBy: memberId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
    return rows.map(toServiceAccount);
  }

  /** SPEC F5: the team invitations the member sent that can still be accepted. */
  async pendingInvitationsSentBy(viewer: Identity, memberId: string): Promise<MemberInvitation[]> {
    const reader = await this.reader(viewer);
    const now = this.clock.now();
    const rows = await this.db.manager.find(MemberInvitationEntity, {
      where: { firmId: reader.firmId, invitedBy: memberId, status: 'PENDING', expiresAt: MoreThan(now) },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    return rows.map((r) => toInvitation(r, now));
  }

  /** The reader's role and permissions as the database has them now (SPEC F6), checked by the shared F11 rule. */
  private async reader(viewer: Identity): Promise<Member> {
    const actor = await this.access.actor(viewer);
    if (viewer.realm === 'firm') requireLeaverReportReader({ ...viewer, firmRole: actor.firmRole, permissions: actor.permissions });
    return actor;
  }
}
