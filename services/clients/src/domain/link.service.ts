import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EventRejectedError, enqueueEvent, recordAudit, type Database } from '@advisor/kit';
import { clientLinked, type invitationAccepted, type PayloadOf } from '@advisor/schema';
import { ClientCompanyEntity } from '../db/entities/client-company.entity';
import { FirmLinkEntity } from '../db/entities/firm-link.entity';
import { AssignmentEntity } from '../db/entities/assignment.entity';

export const CLIENTS_PRODUCER = 'clients';

/** Firm–client links (SPEC C2) and the assignments they carry (SPEC C3, C4). */
export class LinkService {
  constructor(private readonly db: Database) {}

  /** A change about a firm–client pair belongs to both their trails (SPEC G4). */
  private scopes(firmId: string, clientId: string) {
    return [
      { scopeType: 'FIRM' as const, scopeId: firmId },
      { scopeType: 'CLIENT' as const, scopeId: clientId },
    ];
  }

  /**
   * SPEC I4/I5 → C2, C4: an accepted invitation links the firm to the client with the permissions
   * agreed, and assigns whoever accepted. Runs inside the consumer's transaction, so the link,
   * the assignment, the `client.linked` outbox row and the processed-event row commit together.
   */
  async applyInvitationAccepted(em: EntityManager, event: PayloadOf<typeof invitationAccepted>): Promise<void> {
    const client = await em.findOne(ClientCompanyEntity, { where: { id: event.clientId } });
    if (!client) throw new EventRejectedError(`client ${event.clientId} does not exist`);

    const now = new Date(event.acceptedAt);
    let link = await em.findOne(FirmLinkEntity, { where: { activeClientId: event.clientId } });
    if (link && link.firmId !== event.firmId) {
      // SPEC C2: at most one linked firm at a time. The invitation side refuses this earlier;
      // an event that still gets here must not replace the client's firm behind its back.
      throw new EventRejectedError(`client ${event.clientId} is already linked to another firm`);
    }
    if (!link) {
      link = Object.assign(new FirmLinkEntity(), {
        id: randomUUID(),
        clientId: event.clientId,
        activeClientId: event.clientId,
        firmId: event.firmId,
        permissions: event.permissions,
        invitationId: event.invitationId,
        linkedAt: now,
        endedAt: null,
      });
      await em.insert(FirmLinkEntity, link);
      for (const scope of this.scopes(event.firmId, event.clientId)) {
        await recordAudit(em, {
          ...scope,
          actorRealm: event.acceptedBy.realm,
          actorId: event.acceptedBy.id,
          action: 'FIRM_LINKED',
          subjectType: 'FIRM_LINK',
          subjectId: link.id,
          before: null,
          after: { firmId: link.firmId, permissions: link.permissions, invitationId: event.invitationId },
          at: now,
        });
      }
      await enqueueEvent(
        this.db,
        em,
        CLIENTS_PRODUCER,
        clientLinked,
        {
          linkId: link.id,
          clientId: link.clientId,
          firmId: link.firmId,
          permissions: event.permissions,
          linkedAt: now.toISOString(),
          invitationId: event.invitationId,
        },
        now,
      );
    }
    if (event.assignMemberId) {
      const existing = await em.findOne(AssignmentEntity, {
        where: { clientId: event.clientId, memberId: event.assignMemberId },
      });
      if (!existing) {
        const assignmentId = randomUUID();
        await em.insert(AssignmentEntity, {
          id: assignmentId,
          clientId: event.clientId,
          memberId: event.assignMemberId,
          firmId: event.firmId,
          // The acceptor starts with everything the client granted the firm.
          permissions: link.permissions,
          // Until a payroll run says otherwise (SPEC C5), the person who took the client on is responsible.
          role: 'RESPONSIBLE',
          assignedAt: now,
        });
        for (const scope of this.scopes(event.firmId, event.clientId)) {
          await recordAudit(em, {
            ...scope,
            actorRealm: event.acceptedBy.realm,
            actorId: event.acceptedBy.id,
            action: 'MEMBER_ASSIGNED_ON_ACCEPT',
            subjectType: 'ASSIGNMENT',
            subjectId: assignmentId,
            before: null,
            after: { memberId: event.assignMemberId, role: 'RESPONSIBLE', permissions: link.permissions },
            at: now,
          });
        }
      }
    }
  }
}
