import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  DomainError,
  EventRejectedError,
  enqueueEvent,
  parseInput,
  type Clock,
  type Database,
  type Identity,
} from '@advisor/kit';
import { recordAudit } from '@advisor/rules';
import {
  CLIENT_GRANTED_PERMISSIONS,
  clientLinked,
  clientLinkPermissionsChanged,
  clientUnlinked,
  type ClientGrantedPermission,
  type invitationAccepted,
  type PayloadOf,
} from '@advisor/schema';
import { ClientCompanyEntity } from '../db/entities/client-company.entity';
import { FirmLinkEntity } from '../db/entities/firm-link.entity';
import type { AssignmentService } from './assignment.service';
import { ClientErrorCode } from './errors';
import { clientAdmin } from './viewer';
import { toLink } from './client-directory.service';
import type { FirmLink } from './model';
import type { RosterService } from './roster.service';

export const CLIENTS_PRODUCER = 'clients';

const linkPermissionsInput = z.array(z.enum(CLIENT_GRANTED_PERMISSIONS)).transform((ps) => [...new Set(ps)]);

/** A change about a firm–client pair belongs to both their trails (SPEC G4). */
const scopes = (firmId: string, clientId: string) => [
  { scopeType: 'FIRM' as const, scopeId: firmId },
  { scopeType: 'CLIENT' as const, scopeId: clientId },
];

/** Firm–client links (SPEC C2); the assignments they carry (SPEC C3, C4) are written by AssignmentService. */
export class LinkService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly assignments: AssignmentService,
    private readonly roster: RosterService,
  ) {}

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
      link = await this.createLink(em, {
        clientId: event.clientId,
        firmId: event.firmId,
        permissions: event.permissions,
        invitationId: event.invitationId,
        actor: event.acceptedBy,
        at: now,
      });
    }
    // SPEC C4, F7: the member is assigned unless they have been deactivated meanwhile (a firm's
    // request can be accepted days after the member who sent it left).
    if (event.assignMemberId && (await this.roster.mayAssign(em, event.firmId, event.assignMemberId))) {
      // The acceptor starts with everything the client granted the firm (the one writer of assignments).
      await this.assignments.assignOnAcceptance(em, {
        clientId: event.clientId,
        firmId: event.firmId,
        memberId: event.assignMemberId,
        permissions: link.permissions,
        actor: event.acceptedBy,
        at: now,
      });
    }
  }

  /** Creates an active link, records it and publishes `client.linked`, in the caller's transaction. */
  async createLink(
    em: EntityManager,
    input: { clientId: string; firmId: string; permissions: string[]; invitationId: string | null; actor: { realm: 'firm' | 'client'; id: string }; at: Date },
  ): Promise<FirmLinkEntity> {
    const link = Object.assign(new FirmLinkEntity(), {
      id: randomUUID(),
      clientId: input.clientId,
      activeClientId: input.clientId,
      firmId: input.firmId,
      permissions: input.permissions,
      invitationId: input.invitationId,
      linkedAt: input.at,
      endedAt: null,
    });
    await em.insert(FirmLinkEntity, link);
    for (const scope of scopes(input.firmId, input.clientId)) {
      await recordAudit(em, {
        ...scope,
        actorRealm: input.actor.realm,
        actorId: input.actor.id,
        action: 'FIRM_LINKED',
        subjectType: 'FIRM_LINK',
        subjectId: link.id,
        before: null,
        after: { firmId: link.firmId, permissions: link.permissions, invitationId: input.invitationId },
        at: input.at,
      });
    }
    await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientLinked, {
      linkId: link.id,
      clientId: link.clientId,
      firmId: link.firmId,
      permissions: input.permissions as ClientGrantedPermission[],
      linkedAt: input.at.toISOString(),
      invitationId: input.invitationId,
    }, input.at);
    return link;
  }

  /**
   * SPEC C2/C3: the client admin adds or removes what the firm may do. Every assigned member's
   * effective permissions narrow (or widen back) at once, since they are computed against the link.
   */
  async updatePermissions(viewer: Identity, raw: string[]): Promise<FirmLink> {
    const admin = clientAdmin(viewer, 'MANAGE');
    const permissions = parseInput(linkPermissionsInput, raw);
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const link = await this.activeLink(em, admin.clientId);
      const before = [...link.permissions];
      link.permissions = permissions;
      await em.update(FirmLinkEntity, { id: link.id }, { permissions });
      for (const scope of scopes(link.firmId, link.clientId)) {
        await recordAudit(em, {
          ...scope,
          actorRealm: 'client',
          actorId: admin.clientAdminId,
          action: 'LINK_PERMISSIONS_CHANGED',
          subjectType: 'FIRM_LINK',
          subjectId: link.id,
          before: { permissions: before },
          after: { permissions },
          at: now,
        });
      }
      await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientLinkPermissionsChanged, {
        linkId: link.id,
        clientId: link.clientId,
        firmId: link.firmId,
        before: before as ClientGrantedPermission[],
        after: permissions,
        changedAt: now.toISOString(),
      }, now);
      return toLink(link);
    });
  }

  /** SPEC C2: the client admin ends the link; every assignment of that firm on the client ends with it. */
  async endLink(viewer: Identity): Promise<boolean> {
    const admin = clientAdmin(viewer, 'MANAGE');
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const link = await this.activeLink(em, admin.clientId);
      await em.update(FirmLinkEntity, { id: link.id }, { activeClientId: null, endedAt: now });
      const assignments = await this.assignments.endAllOnClient(em, {
        clientId: link.clientId,
        firmId: link.firmId,
        actor: { realm: 'client', id: admin.clientAdminId },
        at: now,
      });
      for (const scope of scopes(link.firmId, link.clientId)) {
        await recordAudit(em, {
          ...scope,
          actorRealm: 'client',
          actorId: admin.clientAdminId,
          action: 'FIRM_UNLINKED',
          subjectType: 'FIRM_LINK',
          subjectId: link.id,
          before: { firmId: link.firmId, permissions: link.permissions, assignedMembers: assignments.map((a) => a.memberId) },
          after: null,
          at: now,
        });
      }
      await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientUnlinked, {
        linkId: link.id,
        clientId: link.clientId,
        firmId: link.firmId,
        endedBy: { realm: 'client', id: admin.clientAdminId },
        unlinkedAt: now.toISOString(),
      }, now);
      return true;
    });
  }

  private async activeLink(em: EntityManager, clientId: string): Promise<FirmLinkEntity> {
    const query = em.createQueryBuilder(FirmLinkEntity, 'l').where('l.active_client_id = :clientId', { clientId });
    if (this.db.kind === 'mysql') query.setLock('pessimistic_write');
    const link = await query.getOne();
    if (!link) throw new DomainError(ClientErrorCode.NoLinkedFirm, 'Your company has no linked accountant firm.');
    return link;
  }
}
