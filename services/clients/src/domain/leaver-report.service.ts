import { In, Not, IsNull } from 'typeorm';
import type { Database, Identity } from '@advisor/kit';
import { clientAccessOf, effectiveClientPermissions, principalOfReach, requireLeaverReportReader, type ReachBasis } from '@advisor/rules';
import type { ClientGrantedPermission } from '@advisor/schema';
import { AssignmentEntity } from '../db/entities/assignment.entity';
import { ClientCompanyEntity } from '../db/entities/client-company.entity';
import { FirmLinkEntity } from '../db/entities/firm-link.entity';
import { FirmMemberEntity } from '../db/entities/firm-member.entity';
import type { ClientRole, Platform } from './model';

/** SPEC F11: one client a member reaches, and how. */
export interface LeaverClientAccess {
  clientId: string;
  businessName: string;
  platform: Platform;
  /** SPEC C3: assigned to the client (else reached through VIEW_ALL_CLIENTS, C6). */
  assigned: boolean;
  /** SPEC C5: null when not assigned. */
  role: ClientRole | null;
  /** SPEC C3: assignment ∩ link (G3: an analyst's are the link's read-only ones). */
  permissions: ClientGrantedPermission[];
  /** SPEC F10: when the assignment ends by itself. */
  endsAt: Date | null;
}

/**
 * SPEC F11: the clients service's part of a member's leaver report, from its own tables (links,
 * assignments, the roster copy): the clients the member reaches now (C3, C6) and those where they
 * are the RESPONSIBLE member (C5). A member the roster knows as deactivated (F7, from
 * `member.deactivated`) reaches nothing. Three statements per part, whatever the firm's size.
 */
export class LeaverReportService {
  constructor(private readonly db: Database) {}

  /** SPEC C3, C6: every client the member reaches with their effective permissions and role. */
  async reachableClients(viewer: Identity, memberId: string, basis: ReachBasis): Promise<LeaverClientAccess[]> {
    const reader = requireLeaverReportReader(viewer);
    if (!(await this.activeMemberOf(reader.firmId, memberId))) return [];
    const [links, assignments] = await Promise.all([
      this.db.manager.find(FirmLinkEntity, { where: { firmId: reader.firmId, activeClientId: Not(IsNull()) } }),
      this.db.manager.find(AssignmentEntity, { where: { firmId: reader.firmId, memberId } }),
    ]);
    const principal = principalOfReach(memberId, reader.firmId, basis);
    const assignmentOf = new Map(assignments.map((a) => [a.clientId, a]));
    const reached = links.flatMap((link) => {
      const assignment = assignmentOf.get(link.clientId);
      const access = clientAccessOf(principal, link, assignment);
      return access.visible ? [{ link, assignment, permissions: access.permissions }] : [];
    });
    const names = await this.companies(reached.map((r) => r.link.clientId));
    return reached
      .map(({ link, assignment, permissions }) => this.row(names.get(link.clientId)!, assignment, permissions))
      .sort(byName);
  }

  /** SPEC C5: the linked clients where the member is RESPONSIBLE and nobody else is. */
  async soleResponsibleClients(viewer: Identity, memberId: string): Promise<LeaverClientAccess[]> {
    const reader = requireLeaverReportReader(viewer);
    const mine = await this.db.manager.find(AssignmentEntity, { where: { firmId: reader.firmId, memberId, role: 'RESPONSIBLE' } });
    if (mine.length === 0) return [];
    const clientIds = mine.map((a) => a.clientId);
    const [links, responsible] = await Promise.all([
      this.db.manager.find(FirmLinkEntity, { where: { firmId: reader.firmId, activeClientId: In(clientIds) } }),
      this.db.manager.find(AssignmentEntity, { where: { clientId: In(clientIds), firmId: reader.firmId, role: 'RESPONSIBLE' } }),
    ]);
    const linkOf = new Map(links.map((l) => [l.clientId, l]));
    const sole = mine.filter((a) => linkOf.has(a.clientId) && responsible.every((r) => r.clientId !== a.clientId || r.memberId === memberId));
    const names = await this.companies(sole.map((a) => a.clientId));
    return sole
      .map((a) => this.row(names.get(a.clientId)!, a, effectiveClientPermissions(a.permissions, linkOf.get(a.clientId)!.permissions)))
      .sort(byName);
  }

  /** False for a member of another firm or one deactivated (SPEC F7); a member not yet on the roster copy counts by their assignments. */
  private async activeMemberOf(firmId: string, memberId: string): Promise<boolean> {
    const row = await this.db.manager.findOne(FirmMemberEntity, { where: { memberId } });
    return !row || (row.firmId === firmId && row.active);
  }

  private async companies(ids: string[]): Promise<Map<string, ClientCompanyEntity>> {
    const rows = ids.length ? await this.db.manager.find(ClientCompanyEntity, { where: { id: In(ids) } }) : [];
    return new Map(rows.map((c) => [c.id, c]));
  }

  private row(company: ClientCompanyEntity, assignment: AssignmentEntity | undefined, permissions: ClientGrantedPermission[]): LeaverClientAccess {
    return {
      clientId: company.id,
      businessName: company.businessName,
      platform: company.platform,
      assigned: Boolean(assignment),
      role: assignment?.role ?? null,
      permissions,
      endsAt: assignment?.endsAt ?? null,
    };
  }
}

const byName = (a: LeaverClientAccess, b: LeaverClientAccess) => a.businessName.localeCompare(b.businessName) || a.clientId.localeCompare(b.clientId);

/** SPEC F11: what the gateway hands this service of a report: its key, and the firms service's reach basis (`@requires`). */
export interface LeaverReportReference extends ReachBasis {
  memberId: string;
}
