import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * This service's copy of which firm is linked to which client, kept from `client.linked`
 * events. It never reads the clients service's tables; it authorizes against this copy.
 */
@Entity('client_access')
export class ClientAccessEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ name: 'linked_at', type: 'datetime', precision: 3 })
  linkedAt: Date;
}
