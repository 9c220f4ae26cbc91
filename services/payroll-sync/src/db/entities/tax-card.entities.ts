import { Column, Entity, PrimaryColumn } from 'typeorm';

/** SPEC P6: a client's account at the tax authority (its FEIN); the key is in tax_authority_credentials. */
@Entity('tax_authority_connections')
export class TaxAuthorityConnectionEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'varchar', length: 10 })
  fein: string;

  @Column({ name: 'connected_at', type: 'datetime', precision: 3 })
  connectedAt: Date;

  @Column({ name: 'connected_by', type: 'varchar', length: 80 })
  connectedBy: string;
}

/** The API key a client gave for the tax authority: read only to call it, never returned, never logged. */
@Entity('tax_authority_credentials')
export class TaxAuthorityCredentialEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'api_key', type: 'varchar', length: 255 })
  apiKey: string;

  @Column({ name: 'stored_at', type: 'datetime', precision: 3 })
  storedAt: Date;
}

/** SPEC P6: one fetch of tax cards for several clients, started by one person. */
@Entity('tax_card_fetches')
export class TaxCardFetchEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The firm of the member who started it; null when a client admin started it. */
  @Column({ name: 'firm_id', type: 'varchar', length: 36, nullable: true })
  firmId: string | null;

  @Column({ name: 'requested_by', type: 'varchar', length: 80 })
  requestedBy: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt: Date;

  /** Set in the transaction that ends its last PENDING client. */
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true })
  finishedAt: Date | null;
}

export type TaxCardFetchClientStatus = 'PENDING' | 'FETCHED' | 'FAILED';

/**
 * SPEC P6: one client of a fetch. A replica claims PENDING rows with a lease (`locked_until`,
 * `SELECT … FOR UPDATE SKIP LOCKED`) and ends each in one transaction with its cards, so a fetch
 * survives a restart: a lapsed lease is claimed again.
 */
@Entity('tax_card_fetch_clients')
export class TaxCardFetchClientEntity {
  @PrimaryColumn({ name: 'fetch_id', type: 'varchar', length: 36 })
  fetchId: string;

  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'varchar', length: 8 })
  status: TaxCardFetchClientStatus;

  /** The client id while PENDING, else null: unique, so a client is in one running fetch at most. */
  @Column({ name: 'running_client_id', type: 'varchar', length: 36, nullable: true })
  runningClientId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'card_count', type: 'int', default: 0 })
  cardCount: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  @Column({ name: 'locked_by', type: 'varchar', length: 36, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** SPEC P6: an employee's withholding card for a year, as last fetched. */
@Entity('tax_cards')
export class TaxCardEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ type: 'int' })
  year: number;

  /** Our employee's id as the tax authority knows it. */
  @Column({ name: 'external_ref', type: 'varchar', length: 64 })
  externalRef: string;

  /** The payroll member it belongs to, when one has that id. */
  @Column({ name: 'worker_id', type: 'varchar', length: 36, nullable: true })
  workerId: string | null;

  @Column({ name: 'first_name', type: 'varchar', length: 100 })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 100 })
  lastName: string;

  /** 2200 = 22.00 %. */
  @Column({ name: 'withholding_rate_bp', type: 'int' })
  withholdingRateBasisPoints: number;

  @Column({ name: 'issued_at', type: 'datetime', precision: 3 })
  issuedAt: Date;

  @Column({ name: 'fetched_at', type: 'datetime', precision: 3 })
  fetchedAt: Date;
}

export const TAX_CARD_ENTITIES = [TaxAuthorityConnectionEntity, TaxAuthorityCredentialEntity, TaxCardFetchEntity, TaxCardFetchClientEntity, TaxCardEntity];
