import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * This service's copy of which firm each client is linked to (SPEC C2: at most one), fed by
 * `client.linked` and `client.unlinked`. SPEC I2 refuses new invitations while a row exists.
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
}
