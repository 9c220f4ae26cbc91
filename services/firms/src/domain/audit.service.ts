import type { EntityManager } from 'typeorm';
import { type Database, type Identity } from '@advisor/kit';
import { listAudit, recordAudit, type AuditEntry } from '@advisor/rules';
import type { FirmAccess } from './firm-access';

export type { AuditEntry } from '@advisor/rules';

/** SPEC G4 for the firm side: members, their roles and permissions, invitations, firm info, service accounts (G6). */
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly access: FirmAccess,
  ) {}

  /** Written in the caller's transaction, so the change and its record commit together. */
  record(
    em: EntityManager,
    entry: { firmId: string; actorMemberId: string | null; action: string; subjectType: 'FIRM' | 'MEMBER' | 'MEMBER_INVITATION' | 'SERVICE_ACCOUNT'; subjectId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null; at: Date },
  ): Promise<void> {
    return recordAudit(em, {
      scopeType: 'FIRM',
      scopeId: entry.firmId,
      actorRealm: 'firm',
      actorId: entry.actorMemberId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before,
      after: entry.after,
      at: entry.at,
    });
  }

  /** The firm's trail, newest first; for the firm's admins only. */
  async list(viewer: Identity, opts: { first: number; subjectId?: string }): Promise<AuditEntry[]> {
    const admin = await this.access.admin(viewer);
    return listAudit(this.db, { scopeType: 'FIRM', scopeId: admin.firmId }, opts);
  }
}
