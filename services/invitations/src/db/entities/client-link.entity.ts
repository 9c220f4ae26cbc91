import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * This service's copy of which firm each client is linked to (SPEC C2: at most one) is the shared
 * link copy of @advisor/rules, kept from the clients service's events.
 */
export { ClientLinkCopyEntity as ClientLinkEntity, EndedLinkEntity } from '@advisor/rules';

/**
 * An acceptance's claim on a client (SPEC I2), written in the accepting transaction so the link
 * counts before the clients service has made it: new invitations and acceptances are refused
 * while a claim holds. `client.linked` replaces it; one the clients service never confirms stops
 * counting after a while (CLAIM_TTL_MS). Only this service writes it.
 */
@Entity('link_claims')
export class LinkClaimEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  /** The accepted invitation. */
  @Column({ name: 'invitation_id', type: 'varchar', length: 36 })
  invitationId: string;

  @Column({ name: 'claimed_at', type: 'datetime', precision: 3 })
  claimedAt: Date;
}
