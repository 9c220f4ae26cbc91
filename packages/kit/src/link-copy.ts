import { Column, Entity, PrimaryColumn, Table, type EntityManager, type QueryRunner } from 'typeorm';
import type { clientLinked, clientUnlinked, PayloadOf } from '@advisor/schema';
import { columnTypes } from './db';

/**
 * A service's own copy of which firm each client company is linked to (SPEC C2), kept from the
 * clients service's `client.linked` and `client.unlinked` events: services authorize against it
 * without reading another service's tables.
 */
@Entity('client_links')
export class ClientLinkCopyEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ name: 'link_id', type: 'varchar', length: 36 })
  linkId: string;

  @Column({ name: 'linked_at', type: 'datetime', precision: 3 })
  linkedAt: Date;

  /** False for a provisional row (the invitations service's claim), until `client.linked` confirms it. */
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

export const LINK_COPY_ENTITIES = [ClientLinkCopyEntity, EndedLinkEntity];

export async function createLinkCopyTables(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypes(queryRunner);
  await queryRunner.createTable(
    new Table({
      name: 'client_links',
      columns: [
        { name: 'client_id', ...t.id, isPrimary: true },
        { name: 'firm_id', ...t.id },
        { name: 'link_id', ...t.id },
        { name: 'linked_at', ...t.timestamp },
        { name: 'confirmed', ...t.boolean },
      ],
    }),
  );
  await queryRunner.createTable(
    new Table({
      name: 'ended_links',
      columns: [
        { name: 'link_id', ...t.id, isPrimary: true },
        { name: 'client_id', ...t.id },
        { name: 'ended_at', ...t.timestamp },
      ],
    }),
  );
}

/**
 * The client's one link, replacing a provisional row or an earlier link (unless this event is
 * older). Link and unlink travel on different topics, so an unlink may arrive first: a link
 * that already ended is not brought back.
 */
export async function applyClientLinkedToCopy(em: EntityManager, event: PayloadOf<typeof clientLinked>): Promise<void> {
  if (await em.exists(EndedLinkEntity, { where: { linkId: event.linkId } })) return;
  const linkedAt = new Date(event.linkedAt);
  const existing = await em.findOne(ClientLinkCopyEntity, { where: { clientId: event.clientId } });
  if (existing?.confirmed && existing.linkId !== event.linkId && existing.linkedAt.getTime() > linkedAt.getTime()) return;
  if (existing) await em.delete(ClientLinkCopyEntity, { clientId: event.clientId });
  await em.insert(ClientLinkCopyEntity, { clientId: event.clientId, firmId: event.firmId, linkId: event.linkId, linkedAt, confirmed: true });
}

/** The link ended; an unlink of an earlier link leaves a newer one alone. */
export async function applyClientUnlinkedToCopy(em: EntityManager, event: PayloadOf<typeof clientUnlinked>): Promise<void> {
  await em.delete(ClientLinkCopyEntity, { clientId: event.clientId, linkId: event.linkId });
  if (!(await em.exists(EndedLinkEntity, { where: { linkId: event.linkId } }))) {
    await em.insert(EndedLinkEntity, { linkId: event.linkId, clientId: event.clientId, endedAt: new Date(event.unlinkedAt) });
  }
}
