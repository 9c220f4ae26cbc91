import type { EntityManager } from 'typeorm';
import { type Database } from '@advisor/kit';
import type { clientCompanyChanged, PayloadOf } from '@advisor/schema';
import { ClientDirectoryEntity } from '../db/entities/client-directory.entity';
import { ClientLinkEntity, LinkClaimEntity } from '../db/entities/client-link.entity';
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

  /** SPEC C2: the client's link arrived in the shared copy; it replaces this service's claim on the client. */
  async dropClaim(em: EntityManager, clientId: string): Promise<void> {
    await em.delete(LinkClaimEntity, { clientId });
  }

  /**
   * An acceptance claims the client for its firm at once, in the accepting transaction, so a
   * second acceptance cannot slip in before `client.linked` arrives. A claim the clients service
   * never confirms (it refused the link) stops counting after CLAIM_TTL_MS.
   */
  async claimLink(em: EntityManager, clientId: string, firmId: string, invitationId: string, at: Date): Promise<void> {
    // The caller holds the client's lock (lockClient), so claims of one client never race. One
    // upsert (INSERT … ON DUPLICATE KEY UPDATE) takes no gap lock: an UPDATE that finds no row
    // (or a delete-then-insert) locks the gap, and two acceptances of neighbouring clients then
    // deadlock on each other's gap when they insert.
    await em.upsert(LinkClaimEntity, { clientId, firmId, invitationId, claimedAt: at }, { conflictPaths: ['clientId'] });
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
  async linkOf(em: EntityManager, clientId: string, now: Date): Promise<{ firmId: string } | null> {
    const link = await em.findOne(ClientLinkEntity, { where: { clientId } });
    if (link) return link;
    const claim = await em.findOne(LinkClaimEntity, { where: { clientId } });
    return claim && now.getTime() - claim.claimedAt.getTime() < CLAIM_TTL_MS ? claim : null;
  }
}
