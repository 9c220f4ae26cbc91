import type { EntityManager } from 'typeorm';
import { applyClientLinkedToCopy, applyClientUnlinkedToCopy, type Database } from '@advisor/kit';
import type { clientCompanyChanged, clientLinked, clientUnlinked, PayloadOf } from '@advisor/schema';
import { ClientDirectoryEntity } from '../db/entities/client-directory.entity';
import { ClientLinkEntity } from '../db/entities/client-link.entity';
import type { Platform } from './model';

/** How long an acceptance's claim on a client counts without the clients service confirming it. */
export const CLAIM_TTL_MS = 10 * 60 * 1000;

/**
 * This service's copies of what the clients service owns: the client directory (SPEC C1) and
 * each client's firm link (SPEC C2). Only the clients service's events write them; this service
 * never reads another service's tables. Handlers run inside the consumer's transaction, together
 * with the processed-event row, so a redelivered event changes nothing.
 */
export class ClientReplicaService {
  constructor(private readonly db: Database) {}

  /** Upserts the company; an event older than the copy (a late redelivery) is ignored. */
  async applyClientCompanyChanged(em: EntityManager, event: PayloadOf<typeof clientCompanyChanged>): Promise<void> {
    const changedAt = new Date(event.changedAt);
    const existing = await em.findOne(ClientDirectoryEntity, { where: { clientId: event.clientId } });
    if (existing && existing.updatedAt.getTime() > changedAt.getTime()) return;
    await em.save(
      Object.assign(existing ?? new ClientDirectoryEntity(), {
        clientId: event.clientId,
        businessName: event.businessName,
        fein: event.fein,
        platform: event.platform,
        status: event.status,
        admins: event.admins.map((a) => ({
          id: a.id,
          firstName: a.firstName,
          lastName: a.lastName,
          email: a.email,
          permissions: a.permissions,
        })),
        updatedAt: changedAt,
      }),
    );
  }

  /** SPEC C2: the client's one link (the kit's copy logic; it also confirms this service's claims). */
  applyClientLinked(em: EntityManager, event: PayloadOf<typeof clientLinked>): Promise<void> {
    return applyClientLinkedToCopy(em, event);
  }

  applyClientUnlinked(em: EntityManager, event: PayloadOf<typeof clientUnlinked>): Promise<void> {
    return applyClientUnlinkedToCopy(em, event);
  }

  /**
   * An acceptance claims the client for its firm at once, in the accepting transaction, so a
   * second acceptance cannot slip in before `client.linked` arrives. A claim the clients service
   * never confirms (it refused the link) stops counting after CLAIM_TTL_MS.
   */
  async claimLink(em: EntityManager, clientId: string, firmId: string, invitationId: string, at: Date): Promise<void> {
    await em.delete(ClientLinkEntity, { clientId, confirmed: false });
    await em.insert(ClientLinkEntity, { clientId, firmId, linkId: invitationId, linkedAt: at, confirmed: false });
  }

  async findByFein(fein: string, platform: Platform): Promise<ClientDirectoryEntity | null> {
    return this.db.manager.findOne(ClientDirectoryEntity, { where: { fein, platform }, order: { updatedAt: 'DESC' } });
  }

  /**
   * Reads the client's directory row, locked until the transaction ends (MySQL): the invitation
   * flows of one client take turns, so two senders cannot both pass the SPEC I2 checks.
   */
  async lockClient(em: EntityManager, clientId: string): Promise<ClientDirectoryEntity | null> {
    const query = em.createQueryBuilder(ClientDirectoryEntity, 'c').where('c.client_id = :clientId', { clientId });
    if (this.db.kind === 'mysql') query.setLock('pessimistic_write');
    return query.getOne();
  }

  /** SPEC C2: the client's linked (or just claimed) firm, as far as this service has heard. */
  async linkOf(em: EntityManager, clientId: string, now: Date): Promise<ClientLinkEntity | null> {
    const link = await em.findOne(ClientLinkEntity, { where: { clientId } });
    if (!link) return null;
    return link.confirmed || now.getTime() - link.linkedAt.getTime() < CLAIM_TTL_MS ? link : null;
  }
}
