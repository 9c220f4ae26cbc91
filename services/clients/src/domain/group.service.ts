import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { z } from 'zod';
import { DomainError, enqueueEvent, isUniqueViolation, notFound, parseInput, type Clock, type Database, type Identity } from '@advisor/kit';
import { clientGroupMembershipChanged } from '@advisor/schema';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '@advisor/rules';
import { ClientGroupEntity, ClientGroupMemberEntity, GroupPeriodStatusEntity } from '../db/entities/client-group.entity';
import { ClientErrorCode } from './errors';
import { firmMember, firmWriter } from './viewer';
import type { AssignmentService } from './assignment.service';
import type { ClientDirectoryService } from './client-directory.service';
import type { ClientCompany } from './model';
import { CLIENTS_PRODUCER } from './link.service';

export interface ClientGroup {
  id: string;
  firmId: string;
  name: string;
  createdAt: Date;
}

export interface GroupPeriodStatus {
  groupId: string;
  clientId: string;
  period: string;
  processed: boolean;
  reported: boolean;
  updatedAt: Date | null;
}

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'is a pay period: YYYY-MM or YYYY-MM-DD');
const groupName = z.string().trim().min(1, 'is required').max(100);

/** SPEC C10: client groups, filtering by group, and per-period processed/reported marks. */
export class GroupService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly assignments: AssignmentService,
    private readonly directory: ClientDirectoryService,
  ) {}

  async list(viewer: Identity): Promise<ClientGroup[]> {
    const actor = firmMember(viewer);
    const rows = await this.db.manager.find(ClientGroupEntity, { where: { firmId: actor.firmId }, order: { name: 'ASC' } });
    return rows.map(toGroup);
  }

  async create(viewer: Identity, rawName: string): Promise<ClientGroup> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    const name = parseInput(groupName, rawName);
    const group = Object.assign(new ClientGroupEntity(), { id: randomUUID(), firmId: actor.firmId, name, createdAt: this.clock.now() });
    try {
      await this.db.transaction(async (em) => {
        await em.insert(ClientGroupEntity, group);
        await recordAudit(em, {
          scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
          action: 'GROUP_CREATED', subjectType: 'CLIENT_GROUP', subjectId: group.id, before: null, after: { name }, at: group.createdAt,
        });
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ClientErrorCode.GroupNameTaken, 'Your firm already has a group with this name.');
      throw err;
    }
    return toGroup(group);
  }

  async delete(viewer: Identity, groupId: string): Promise<boolean> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    await this.db.transaction(async (em) => {
      const group = await this.ownGroup(actor.firmId, groupId);
      const members = await em.find(ClientGroupMemberEntity, { where: { groupId }, select: { clientId: true } });
      await this.announce(em, actor.firmId, groupId, 'REMOVED', members.map((m) => m.clientId));
      await em.delete(GroupPeriodStatusEntity, { groupId });
      await em.delete(ClientGroupMemberEntity, { groupId });
      await em.delete(ClientGroupEntity, { id: groupId });
      await recordAudit(em, {
        scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
        action: 'GROUP_DELETED', subjectType: 'CLIENT_GROUP', subjectId: groupId, before: { name: group.name }, after: null, at: this.clock.now(),
      });
    });
    return true;
  }

  /** Puts clients linked to the firm in the group (all or nothing). */
  async addClients(viewer: Identity, groupId: string, clientIds: string[]): Promise<ClientGroup> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    const ids = [...new Set(clientIds)];
    const group = await this.ownGroup(actor.firmId, groupId);
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      await this.assignments.linkedClients(em, actor.firmId, ids);
      const present = new Set((await em.find(ClientGroupMemberEntity, { where: { groupId, clientId: In(ids) } })).map((m) => m.clientId));
      for (const clientId of ids.filter((id) => !present.has(id))) {
        await em.insert(ClientGroupMemberEntity, { groupId, clientId, addedAt: now });
      }
      await this.announce(em, actor.firmId, groupId, 'ADDED', ids);
      await recordAudit(em, {
        scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
        action: 'GROUP_CLIENTS_ADDED', subjectType: 'CLIENT_GROUP', subjectId: groupId, before: null, after: { clientIds: ids }, at: now,
      });
    });
    return toGroup(group);
  }

  async removeClients(viewer: Identity, groupId: string, clientIds: string[]): Promise<ClientGroup> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    const group = await this.ownGroup(actor.firmId, groupId);
    await this.db.transaction(async (em) => {
      await em.delete(ClientGroupMemberEntity, { groupId, clientId: In(clientIds) });
      await this.announce(em, actor.firmId, groupId, 'REMOVED', [...new Set(clientIds)]);
      await recordAudit(em, {
        scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
        action: 'GROUP_CLIENTS_REMOVED', subjectType: 'CLIENT_GROUP', subjectId: groupId, before: { clientIds }, after: null, at: this.clock.now(),
      });
    });
    return toGroup(group);
  }

  /** SPEC C10: mark, for one pay period, whether a group's client has been processed and reported. */
  async markPeriod(
    viewer: Identity,
    raw: { groupId: string; clientId: string; period: string; processed: boolean; reported: boolean },
  ): Promise<GroupPeriodStatus> {
    const actor = firmWriter(viewer);
    const p = parseInput(period, raw.period);
    await this.ownGroup(actor.firmId, raw.groupId);
    // Marking needs the client to be visible to the member (SPEC C6).
    const [visible] = await this.directory.clientsByIds([raw.clientId], viewer);
    if (!visible) throw notFound('The client');
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      if (!(await em.exists(ClientGroupMemberEntity, { where: { groupId: raw.groupId, clientId: raw.clientId } }))) {
        throw new DomainError(ClientErrorCode.ClientNotInGroup, 'This client is not in the group.');
      }
      const existing = await em.findOne(GroupPeriodStatusEntity, { where: { groupId: raw.groupId, clientId: raw.clientId, period: p } });
      const row = Object.assign(existing ?? new GroupPeriodStatusEntity(), {
        groupId: raw.groupId, clientId: raw.clientId, period: p, processed: raw.processed, reported: raw.reported, updatedBy: actor.memberId, updatedAt: now,
      });
      if (existing) await em.update(GroupPeriodStatusEntity, { groupId: raw.groupId, clientId: raw.clientId, period: p }, { processed: raw.processed, reported: raw.reported, updatedBy: actor.memberId, updatedAt: now });
      else await em.insert(GroupPeriodStatusEntity, row);
      await recordAudit(em, {
        scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
        action: 'GROUP_PERIOD_MARKED', subjectType: 'CLIENT_GROUP', subjectId: raw.groupId,
        before: existing ? { clientId: raw.clientId, period: p, processed: existing.processed, reported: existing.reported } : null,
        after: { clientId: raw.clientId, period: p, processed: raw.processed, reported: raw.reported },
        at: now,
      });
      return { groupId: row.groupId, clientId: row.clientId, period: p, processed: row.processed, reported: row.reported, updatedAt: now };
    });
  }

  /** The period's status for every client of the group the viewer can see (unmarked ones as false). */
  async periodStatus(viewer: Identity, groupId: string, rawPeriod: string): Promise<GroupPeriodStatus[]> {
    const actor = firmMember(viewer);
    const p = parseInput(period, rawPeriod);
    await this.ownGroup(actor.firmId, groupId);
    const clients = await this.directory.clientsOfFirmMember(viewer, { groupId });
    const marks = await this.db.manager.find(GroupPeriodStatusEntity, { where: { groupId, period: p } });
    const byClient = new Map(marks.map((m) => [m.clientId, m]));
    return clients.map((c) => {
      const m = byClient.get(c.id);
      return { groupId, clientId: c.id, period: p, processed: m?.processed ?? false, reported: m?.reported ?? false, updatedAt: m?.updatedAt ?? null };
    });
  }

  /**
   * The clients of several groups at once, each list only with the clients the viewer may see
   * (for `clientGroups { clients }`): a fixed number of statements, whatever the number of groups.
   */
  async clientsOfGroups(viewer: Identity, groupIds: readonly string[]): Promise<ClientCompany[][]> {
    const actor = firmMember(viewer);
    if (groupIds.length === 0) return [];
    const memberships: Array<{ groupId: string; clientId: string }> = await this.db.manager
      .createQueryBuilder(ClientGroupMemberEntity, 'gm')
      .innerJoin(ClientGroupEntity, 'g', 'g.id = gm.group_id AND g.firm_id = :firmId', { firmId: actor.firmId })
      .select(['gm.group_id AS groupId', 'gm.client_id AS clientId'])
      .where('gm.group_id IN (:...groupIds)', { groupIds: [...groupIds] })
      .getRawMany();
    const clientIds = [...new Set(memberships.map((m) => m.clientId))];
    const visible = new Map((await this.directory.clientsByIds(clientIds, viewer)).filter((c): c is ClientCompany => c !== null).map((c) => [c.id, c]));
    return groupIds.map((groupId) =>
      memberships
        .filter((m) => m.groupId === groupId && visible.has(m.clientId))
        .map((m) => visible.get(m.clientId)!)
        .sort((a, b) => a.businessName.localeCompare(b.businessName)),
    );
  }

  /** Groups of already-visible clients, in key order (for `ClientCompany.groups`). */
  async groupsOfClients(firmId: string, clientIds: readonly string[]): Promise<ClientGroup[][]> {
    if (clientIds.length === 0) return [];
    const rows: Array<{ clientId: string; id: string; firmId: string; name: string; createdAt: Date | string }> = await this.db.manager
      .createQueryBuilder(ClientGroupMemberEntity, 'gm')
      .innerJoin(ClientGroupEntity, 'g', 'g.id = gm.group_id')
      .select(['gm.client_id AS clientId', 'g.id AS id', 'g.firm_id AS firmId', 'g.name AS name', 'g.created_at AS createdAt'])
      .where('g.firm_id = :firmId AND gm.client_id IN (:...ids)', { firmId, ids: [...clientIds] })
      .orderBy('g.name', 'ASC')
      .getRawMany();
    const byClient = new Map<string, ClientGroup[]>();
    for (const r of rows) {
      const group = { id: r.id, firmId: r.firmId, name: r.name, createdAt: new Date(r.createdAt) };
      byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), group]);
    }
    return clientIds.map((id) => byClient.get(id) ?? []);
  }

  /** SPEC C10 for other services (payroll-sync filters P4, P5 by group): in the same transaction, through the outbox. */
  private async announce(em: EntityManager, firmId: string, groupId: string, change: 'ADDED' | 'REMOVED', clientIds: string[]): Promise<void> {
    if (clientIds.length === 0) return;
    await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientGroupMembershipChanged, { groupId, firmId, change, clientIds, changedAt: this.clock.now().toISOString() });
  }

  private async ownGroup(firmId: string, groupId: string): Promise<ClientGroupEntity> {
    const group = await this.db.manager.findOne(ClientGroupEntity, { where: { id: groupId, firmId } });
    if (!group) throw notFound('The group');
    return group;
  }
}

function toGroup(g: ClientGroupEntity): ClientGroup {
  return { id: g.id, firmId: g.firmId, name: g.name, createdAt: g.createdAt };
}
