import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A client admin as the `client-company.changed` event last described them. */
export interface DirectoryAdmin {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  permissions: string[];
}

/**
 * This service's copy of the client companies on the platforms (SPEC C1), fed by
 * `client-company.changed`: firm requests are matched by FEIN and platform against it, and its
 * admins are who gets told (SPEC I3). Never written by anything but that event.
 */
@Entity('client_directory')
@Index('idx_client_directory_fein', ['fein', 'platform'])
export class ClientDirectoryEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'business_name', type: 'varchar', length: 200 })
  businessName: string;

  /** `NN-NNNNNNN`. */
  @Column({ type: 'varchar', length: 10 })
  fein: string;

  @Column({ type: 'varchar', length: 16 })
  platform: 'PEO' | 'PAYROLL';

  @Column({ type: 'varchar', length: 16 })
  status: 'ENROLLING' | 'ACTIVE';

  @Column({ type: 'simple-json' })
  admins: DirectoryAdmin[];

  /** `changedAt` of the event applied last; older events are ignored. */
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
