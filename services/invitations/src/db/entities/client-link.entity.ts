import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * This service's copy of which firm each client is linked to (SPEC C2: at most one), fed by
 * `client.linked` and `client.unlinked`. An accepted invitation writes an unconfirmed claim at
 * once (its `link_id` is the invitation's id), so the link counts here before the clients service
 * has made it: SPEC I2 refuses new invitations and acceptances while a row holds.
 */
@Entity('client_links')
export class ClientLinkEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ name: 'link_id', type: 'varchar', length: 36 })
  linkId: string;

  @Column({ name: 'linked_at', type: 'datetime', precision: 3 })
  linkedAt: Date;

  /** False for a claim made by an acceptance, until `client.linked` confirms it. */
  @Column({ type: 'boolean' })
  confirmed: boolean;
}

/** Links that ended: a late `client.linked` of one of them must not bring it back. */
@Entity('ended_links')
export class EndedLinkEntity {
  @PrimaryColumn({ name: 'link_id', type: 'varchar', length: 36 })
  linkId: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3 })
  endedAt: Date;
}
