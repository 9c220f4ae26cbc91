import { In, type EntityManager } from 'typeorm';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { handleEvent, type EventHandler, type FirmMemberIdentity } from '@advisor/kit';
import { assignmentChanged, clientLinked, clientLinkPermissionsChanged, clientUnlinked, type PayloadOf } from '@advisor/schema';
import { clientAccessOf, seesAllFirmClients, type ClientAccess } from './firm-access';

/**
 * A service's own copy of who may reach which client company (SPEC C2, C3, C6), kept from the
 * clients service's events, so that every service authorizes without reading another service's
 * tables. The one copy for every consumer of client links: it survives repeated events (each
 * apply is idempotent) and reordered ones (link and unlink travel on different topics: an ended
 * link is remembered and never brought back; older changes never overwrite newer ones).
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

  /** SPEC C2: what the client grants the firm; assigned members get at most this (C3). */
  @Column({ type: 'simple-json', nullable: true })
  permissions: string[] | null;

  /** When `permissions` last changed: an older permissions event never overwrites a newer one. */
  @Column({ name: 'permissions_at', type: 'datetime', precision: 3, nullable: true })
  permissionsAt: Date | null;
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

/** SPEC C3: a member's assignment to a client, as the clients service last announced it. */
@Entity('assignment_copies')
export class AssignmentCopyEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 36 })
  clientId: string;

  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 36 })
  memberId: string;

  @Column({ name: 'firm_id', type: 'varchar', length: 36 })
  firmId: string;

  @Column({ type: 'simple-json' })
  permissions: string[];

  @Column({ type: 'varchar', length: 16, nullable: true })
  role: 'RESPONSIBLE' | 'COLLABORATOR' | null;

  /** False once unassigned: kept as a tombstone so a late, older ASSIGNED does not revive it. */
  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ name: 'changed_at', type: 'datetime', precision: 3 })
  changedAt: Date;
}

export const LINK_COPY_ENTITIES = [ClientLinkCopyEntity, EndedLinkEntity];
export const CLIENT_ACCESS_COPY_ENTITIES = [...LINK_COPY_ENTITIES, AssignmentCopyEntity];

const isEnded = (em: EntityManager, linkId: string) => em.exists(EndedLinkEntity, { where: { linkId } });

/**
 * The client's one link (SPEC C2). An event older than the link the copy holds is ignored; a
 * repeated one changes nothing (permissions changed since are kept).
 */
export async function applyClientLinkedToCopy(em: EntityManager, event: PayloadOf<typeof clientLinked>): Promise<void> {
  if (await isEnded(em, event.linkId)) return;
  const linkedAt = new Date(event.linkedAt);
  const existing = await em.findOne(ClientLinkCopyEntity, { where: { clientId: event.clientId } });
  if (existing?.linkId === event.linkId) {
    // Its permissions change may have arrived first: keep those, correct the link's date.
    if (existing.linkedAt.getTime() !== linkedAt.getTime()) await em.update(ClientLinkCopyEntity, { clientId: event.clientId }, { linkedAt });
    return;
  }
  if (existing && existing.linkedAt.getTime() > linkedAt.getTime()) return;
  if (existing) await em.delete(ClientLinkCopyEntity, { clientId: event.clientId });
  await em.insert(ClientLinkCopyEntity, {
    clientId: event.clientId,
    firmId: event.firmId,
    linkId: event.linkId,
    linkedAt,
    permissions: event.permissions,
    permissionsAt: linkedAt,
  });
}

/** The link ended; an unlink of an earlier link leaves a newer one alone. */
export async function applyClientUnlinkedToCopy(em: EntityManager, event: PayloadOf<typeof clientUnlinked>): Promise<void> {
  await em.delete(ClientLinkCopyEntity, { clientId: event.clientId, linkId: event.linkId });
  if (!(await isEnded(em, event.linkId))) {
    await em.insert(EndedLinkEntity, { linkId: event.linkId, clientId: event.clientId, endedAt: new Date(event.unlinkedAt) });
  }
}

/** SPEC C2: the client changed what its firm may do; the newest change wins whatever the arrival order. */
export async function applyLinkPermissionsChangedToCopy(em: EntityManager, event: PayloadOf<typeof clientLinkPermissionsChanged>): Promise<void> {
  if (await isEnded(em, event.linkId)) return;
  const changedAt = new Date(event.changedAt);
  const existing = await em.findOne(ClientLinkCopyEntity, { where: { clientId: event.clientId } });
  if (existing?.linkId === event.linkId) {
    if (existing.permissionsAt && existing.permissionsAt.getTime() > changedAt.getTime()) return;
    await em.update(ClientLinkCopyEntity, { clientId: event.clientId }, { permissions: event.after, permissionsAt: changedAt });
    return;
  }
  // The link's own `client.linked` has not arrived yet: this change is the newest word on it.
  if (existing && existing.linkedAt.getTime() > changedAt.getTime()) return;
  if (existing) await em.delete(ClientLinkCopyEntity, { clientId: event.clientId });
  await em.insert(ClientLinkCopyEntity, {
    clientId: event.clientId,
    firmId: event.firmId,
    linkId: event.linkId,
    linkedAt: changedAt,
    permissions: event.after,
    permissionsAt: changedAt,
  });
}

/** SPEC C3: the member's assignment as last announced; an older announcement never wins. */
export async function applyAssignmentChangedToCopy(em: EntityManager, event: PayloadOf<typeof assignmentChanged>): Promise<void> {
  const changedAt = new Date(event.changedAt);
  const key = { clientId: event.clientId, memberId: event.memberId };
  const existing = await em.findOne(AssignmentCopyEntity, { where: key });
  if (existing && existing.changedAt.getTime() > changedAt.getTime()) return;
  const row = {
    firmId: event.firmId,
    permissions: event.permissions,
    role: event.role,
    active: event.change !== 'UNASSIGNED',
    changedAt,
  };
  if (existing) await em.update(AssignmentCopyEntity, key, row);
  else await em.insert(AssignmentCopyEntity, { ...key, ...row });
}

/** What a service does besides keeping the copy, in the same transaction (e.g. payroll-sync opens an integration). */
export interface LinkCopyExtras {
  onLinked?(em: EntityManager, event: PayloadOf<typeof clientLinked>): Promise<void>;
  onUnlinked?(em: EntityManager, event: PayloadOf<typeof clientUnlinked>): Promise<void>;
}

/** Handlers that keep the link copy (firms, invitations). */
export const linkCopyHandlers = (extras: LinkCopyExtras = {}): EventHandler<any>[] => [
  handleEvent(clientLinked, async (em, event) => {
    await applyClientLinkedToCopy(em, event);
    await extras.onLinked?.(em, event);
  }),
  handleEvent(clientUnlinked, async (em, event) => {
    await applyClientUnlinkedToCopy(em, event);
    await extras.onUnlinked?.(em, event);
  }),
  handleEvent(clientLinkPermissionsChanged, applyLinkPermissionsChangedToCopy),
];

/** Handlers that keep the whole access copy: links and assignments (payroll-sync, and any service authorizing by SPEC C6). */
export const clientAccessCopyHandlers = (extras: LinkCopyExtras = {}): EventHandler<any>[] => [
  ...linkCopyHandlers(extras),
  handleEvent(assignmentChanged, applyAssignmentChangedToCopy),
];

/**
 * SPEC C6 against the copy: what a firm member may see and do on each client. Two statements,
 * whatever the number of clients.
 */
export async function clientAccessFromCopy(em: EntityManager, member: FirmMemberIdentity, clientIds: readonly string[]): Promise<Map<string, ClientAccess>> {
  const result = new Map<string, ClientAccess>();
  if (clientIds.length === 0) return result;
  const ids = [...new Set(clientIds)];
  const [links, assignments] = await Promise.all([
    em.find(ClientLinkCopyEntity, { where: { clientId: In(ids), firmId: member.firmId } }),
    em.find(AssignmentCopyEntity, { where: { clientId: In(ids), memberId: member.memberId, firmId: member.firmId, active: true } }),
  ]);
  const assignmentOf = new Map(assignments.map((a) => [a.clientId, a]));
  for (const link of links) {
    result.set(link.clientId, clientAccessOf(member, { firmId: link.firmId, permissions: link.permissions ?? [] }, assignmentOf.get(link.clientId)));
  }
  for (const id of ids) if (!result.has(id)) result.set(id, { visible: false, permissions: [] });
  return result;
}

/** SPEC C6: the ids of every client the member sees, from the copy (one statement). */
export async function visibleClientIdsFromCopy(em: EntityManager, member: FirmMemberIdentity): Promise<string[]> {
  const query = em
    .createQueryBuilder(ClientLinkCopyEntity, 'l')
    .select('l.client_id', 'clientId')
    .where('l.firm_id = :firmId', { firmId: member.firmId });
  if (!seesAllFirmClients(member)) {
    query.innerJoin(AssignmentCopyEntity, 'a', 'a.client_id = l.client_id AND a.member_id = :memberId AND a.firm_id = l.firm_id AND a.active = :active', {
      memberId: member.memberId,
      active: true,
    });
  }
  const rows: Array<{ clientId: string }> = await query.orderBy('l.client_id', 'ASC').getRawMany();
  return rows.map((r) => r.clientId);
}
