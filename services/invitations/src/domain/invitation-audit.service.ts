import type { EntityManager } from 'typeorm';
import { forbidden, type Database, type Identity } from '@advisor/kit';
import { listAudit, recordAudit, type AuditEntry } from '@advisor/rules';
import type { InvitationEntity } from '../db/entities/invitation.entity';
import { holdsFirmPermission } from '@advisor/rules';
import { requireClientAdmin, requireFirmMember } from './access';

export type InvitationAuditAction = 'INVITATION_SENT' | 'INVITATION_ACCEPTED' | 'INVITATION_REJECTED' | 'INVITATION_SUPERSEDED';

export const INVITATION_SUBJECT_TYPE = 'INVITATION';

/** What an audit entry says an invitation was, before or after a change (SPEC G4). */
export function invitationSnapshot(
  e: Pick<InvitationEntity, 'kind' | 'status' | 'permissions' | 'firmId'>,
): Record<string, unknown> {
  return { kind: e.kind, status: e.status, permissions: [...e.permissions], firmId: e.firmId };
}

/**
 * SPEC G4: records an invitation change in the trail of the client company and, once the firm is
 * known, in the firm's, inside the caller's transaction: the change and its record commit together.
 */
export async function auditInvitationChange(
  em: EntityManager,
  change: {
    invitation: Pick<InvitationEntity, 'id' | 'clientId'>;
    firmId: string | null;
    action: InvitationAuditAction;
    actor: { realm: 'firm' | 'client'; id: string };
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    at: Date;
  },
): Promise<void> {
  const scopes = [
    { scopeType: 'CLIENT' as const, scopeId: change.invitation.clientId },
    ...(change.firmId ? [{ scopeType: 'FIRM' as const, scopeId: change.firmId }] : []),
  ];
  for (const scope of scopes) {
    await recordAudit(em, {
      ...scope,
      actorRealm: change.actor.realm,
      actorId: change.actor.id,
      action: change.action,
      subjectType: INVITATION_SUBJECT_TYPE,
      subjectId: change.invitation.id,
      before: change.before,
      after: change.after,
      at: change.at,
    });
  }
}

/** SPEC G4: the invitation trail of the caller's own firm or company. */
export class InvitationAuditService {
  constructor(private readonly db: Database) {}

  /**
   * Firm members who manage clients (MANAGE_CLIENTS, or ADMIN) read their firm's trail; client
   * admins holding MANAGE read their company's. Nobody reads another tenant's.
   */
  async trail(viewer: Identity, first: number): Promise<AuditEntry[]> {
    const message = 'Only firm members who manage clients, and client admins with the Manage permission, can see the invitation history.';
    if (viewer.realm === 'firm') {
      const member = requireFirmMember(viewer, message);
      if (!holdsFirmPermission(member, 'MANAGE_CLIENTS')) throw forbidden(message);
      return listAudit(this.db, { scopeType: 'FIRM', scopeId: member.firmId }, { first });
    }
    const admin = requireClientAdmin(viewer, message);
    if (!admin.permissions.includes('MANAGE')) throw forbidden(message);
    return listAudit(this.db, { scopeType: 'CLIENT', scopeId: admin.clientId }, { first });
  }
}
