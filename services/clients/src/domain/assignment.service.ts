import type { EntityManager } from 'typeorm';
import { recordAudit } from '@advisor/kit';
import type { memberDeactivated, PayloadOf } from '@advisor/schema';
import { AssignmentEntity } from '../db/entities/assignment.entity';

/** Assignments of firm members to clients (SPEC C3–C5, F7). */
export class AssignmentService {
  /**
   * SPEC F7: a deactivated member loses every client assignment. Runs in the consumer's
   * transaction; each ended assignment is recorded in the audit trail of its firm and client.
   */
  async endAllOfMember(em: EntityManager, event: PayloadOf<typeof memberDeactivated>): Promise<void> {
    const assignments = await em.find(AssignmentEntity, { where: { memberId: event.memberId, firmId: event.firmId } });
    if (assignments.length === 0) return;
    await em.delete(AssignmentEntity, { memberId: event.memberId, firmId: event.firmId });
    const at = new Date(event.deactivatedAt);
    for (const a of assignments) {
      const before = { memberId: a.memberId, role: a.role, permissions: a.permissions };
      for (const scope of [
        { scopeType: 'FIRM' as const, scopeId: a.firmId },
        { scopeType: 'CLIENT' as const, scopeId: a.clientId },
      ]) {
        await recordAudit(em, {
          ...scope,
          actorRealm: 'firm',
          actorId: event.deactivatedBy,
          action: 'ASSIGNMENT_ENDED_MEMBER_DEACTIVATED',
          subjectType: 'ASSIGNMENT',
          subjectId: a.id,
          before,
          after: null,
          at,
        });
      }
    }
  }
}
