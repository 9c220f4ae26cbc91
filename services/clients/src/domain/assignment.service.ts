import { randomUUID } from 'node:crypto';
import { In, IsNull, Not, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  DomainError,
  enqueueEvent,
  forbidden,
  isUniqueViolation,
  notFound,
  parseInput,
  type Clock,
  type Database,
  type FirmMemberIdentity,
  type Identity,
} from '@advisor/kit';
import { accessEndDateInput, holdsFirmPermission, recordAudit, requireFutureEndDate } from '@advisor/rules';
import {
  CLIENT_GRANTED_PERMISSIONS,
  assignmentChanged,
  type memberDeactivated,
  type payrollRunCompleted,
  type PayloadOf,
} from '@advisor/schema';
import { AssignmentEntity } from '../db/entities/assignment.entity';
import { FirmLinkEntity } from '../db/entities/firm-link.entity';
import { FirmMemberEntity } from '../db/entities/firm-member.entity';
import { ClientGroupEntity, ClientGroupMemberEntity } from '../db/entities/client-group.entity';
import { ClientErrorCode } from './errors';
import { CLIENTS_PRODUCER } from './link.service';
import { toAssignment } from './client-directory.service';
import { firmMember, seesAllFirmClients } from './viewer';
import type { Assignment } from './model';

const permissions = z.array(z.enum(CLIENT_GRANTED_PERMISSIONS)).transform((ps) => [...new Set(ps)]);
const role = z.enum(['RESPONSIBLE', 'COLLABORATOR']);
const endsAt = accessEndDateInput;

export const assignInput = z.object({
  clientId: z.string().uuid(),
  memberId: z.string().uuid(),
  permissions,
  role: role.default('COLLABORATOR'),
  endsAt,
});
export const updateAssignmentInput = z.object({
  clientId: z.string().uuid(),
  memberId: z.string().uuid(),
  permissions: permissions.optional(),
  role: role.optional(),
  /** Absent: unchanged; null: the access no longer ends by itself. */
  endsAt,
});
export const grantAccessInput = z.object({
  memberId: z.string().uuid(),
  clientIds: z.array(z.string().uuid()).min(1, 'choose at least one client').transform((ids) => [...new Set(ids)]),
  permissions,
  role: role.default('COLLABORATOR'),
  endsAt,
});
export const endAccessInput = z.object({
  memberId: z.string().uuid(),
  /** Absent: every client the member is assigned to. */
  clientIds: z.array(z.string().uuid()).min(1).transform((ids) => [...new Set(ids)]).nullish(),
});

type Change = 'ASSIGNED' | 'UPDATED' | 'UNASSIGNED';
type Role = 'RESPONSIBLE' | 'COLLABORATOR';
/** Who made a change: a firm member, a client admin, or nobody in particular (the system, on an event's behalf). */
type Actor = { realm: 'firm' | 'client'; id: string } | null;
const member = (id: string | null): Actor => (id ? { realm: 'firm', id } : null);

/**
 * Assignments of firm members to clients: SPEC C3, C4, C5, C11, C12, F7. The only writer of the
 * `assignments` table: every path that assigns or unassigns (by hand, on acceptance, on
 * onboarding, in bulk, when a link ends, when a member is deactivated) comes through here, so
 * each keeps one RESPONSIBLE per client, writes the same audit entries and publishes
 * `assignment.changed` (SPEC G2) in the caller's transaction.
 */
export class AssignmentService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** SPEC C3: assign a member to a client (from the team view or the client view alike). */
  async assign(viewer: Identity, raw: z.input<typeof assignInput>): Promise<Assignment> {
    const actor = firmMember(viewer, 'ASSIGN_CLIENTS');
    const input = parseInput(assignInput, raw);
    const now = this.clock.now();
    futureEnd(input.endsAt, now);
    return this.db.transaction(async (em) => {
      const [link] = await this.linkedClients(em, actor.firmId, [input.clientId]);
      this.checkScope(await this.assignerScope(em, actor), [input.clientId], input.permissions);
      await this.activeMember(em, actor.firmId, input.memberId);
      if (await em.exists(AssignmentEntity, { where: { clientId: input.clientId, memberId: input.memberId } })) {
        throw new DomainError(ClientErrorCode.AlreadyAssigned, 'This member is already assigned to this client. Edit the assignment instead.');
      }
      const row = await this.insert(em, member(actor.memberId), actor.firmId, input.clientId, input.memberId, input.permissions, input.role, now, input.endsAt);
      await this.changed(em, member(actor.memberId), row, 'ASSIGNED', null, now);
      return toAssignment(row, link.permissions);
    }).catch((err) => {
      // Two assigners at once: the unique key decides, the loser hears why.
      if (isUniqueViolation(err)) throw new DomainError(ClientErrorCode.AlreadyAssigned, 'This member is already assigned to this client.');
      throw err;
    });
  }

  /** SPEC C3, C5: change a member's permissions on a client, or their role by hand. */
  async update(viewer: Identity, raw: z.input<typeof updateAssignmentInput>): Promise<Assignment> {
    const actor = firmMember(viewer, 'ASSIGN_CLIENTS');
    const input = parseInput(updateAssignmentInput, raw);
    const now = this.clock.now();
    futureEnd(input.endsAt, now);
    return this.db.transaction(async (em) => {
      const [link] = await this.linkedClients(em, actor.firmId, [input.clientId]);
      this.checkScope(await this.assignerScope(em, actor), [input.clientId], input.permissions ?? []);
      const row = await em.findOne(AssignmentEntity, { where: { clientId: input.clientId, memberId: input.memberId, firmId: actor.firmId } });
      if (!row) throw new DomainError(ClientErrorCode.NotAssigned, 'This member is not assigned to this client.');
      const before = snapshot(row);
      if (input.role === 'RESPONSIBLE') await this.demoteOtherResponsible(em, member(actor.memberId), row.clientId, row.memberId, now);
      Object.assign(row, { permissions: input.permissions ?? row.permissions, role: input.role ?? row.role, endsAt: input.endsAt === undefined ? row.endsAt : input.endsAt });
      await em.update(AssignmentEntity, { id: row.id }, { permissions: row.permissions, role: row.role, endsAt: row.endsAt });
      await this.changed(em, member(actor.memberId), row, 'UPDATED', before, now);
      return toAssignment(row, link.permissions);
    });
  }

  async unassign(viewer: Identity, clientId: string, memberId: string): Promise<boolean> {
    const actor = firmMember(viewer, 'ASSIGN_CLIENTS');
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      await this.linkedClients(em, actor.firmId, [clientId]);
      this.checkScope(await this.assignerScope(em, actor), [clientId]);
      const row = await em.findOne(AssignmentEntity, { where: { clientId, memberId, firmId: actor.firmId } });
      if (!row) throw new DomainError(ClientErrorCode.NotAssigned, 'This member is not assigned to this client.');
      await em.delete(AssignmentEntity, { id: row.id });
      await this.changed(em, member(actor.memberId), row, 'UNASSIGNED', snapshot(row), now);
      return true;
    });
  }

  /**
   * SPEC C12: give one member the same access to several clients at once. All or nothing: if
   * any client is not linked to the firm, nothing changes.
   */
  async grantAccess(viewer: Identity, raw: z.input<typeof grantAccessInput>): Promise<Assignment[]> {
    const actor = firmMember(viewer, 'ASSIGN_CLIENTS');
    const input = parseInput(grantAccessInput, raw);
    const now = this.clock.now();
    futureEnd(input.endsAt, now);
    return this.db.transaction(async (em) => {
      const links = await this.linkedClients(em, actor.firmId, input.clientIds);
      this.checkScope(await this.assignerScope(em, actor), input.clientIds, input.permissions);
      await this.activeMember(em, actor.firmId, input.memberId);
      const existing = new Map(
        (await em.find(AssignmentEntity, { where: { clientId: In(input.clientIds), memberId: input.memberId } })).map((a) => [a.clientId, a]),
      );
      const result: Assignment[] = [];
      for (const link of links) {
        let row = existing.get(link.clientId);
        if (row) {
          const before = snapshot(row);
          Object.assign(row, { permissions: input.permissions, role: input.role, endsAt: input.endsAt ?? null });
          await em.update(AssignmentEntity, { id: row.id }, { permissions: row.permissions, role: row.role, endsAt: row.endsAt });
          await this.changed(em, member(actor.memberId), row, 'UPDATED', before, now);
        } else {
          row = await this.insert(em, member(actor.memberId), actor.firmId, link.clientId, input.memberId, input.permissions, input.role, now, input.endsAt);
          await this.changed(em, member(actor.memberId), row, 'ASSIGNED', null, now);
        }
        result.push(toAssignment(row, link.permissions));
      }
      return result;
    });
  }

  /** SPEC C12: end a member's access on selected clients, or on all of them. All or nothing. */
  async endAccess(viewer: Identity, raw: z.input<typeof endAccessInput>): Promise<number> {
    const actor = firmMember(viewer, 'ASSIGN_CLIENTS');
    const input = parseInput(endAccessInput, raw);
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const scope = await this.assignerScope(em, actor);
      if (input.clientIds) this.checkScope(scope, input.clientIds);
      const rows = (
        await em.find(AssignmentEntity, {
          where: { memberId: input.memberId, firmId: actor.firmId, ...(input.clientIds ? { clientId: In(input.clientIds) } : {}) },
        })
      ).filter((r) => !scope || scope.has(r.clientId));
      if (input.clientIds) {
        const assigned = new Set(rows.map((r) => r.clientId));
        const missing = input.clientIds.filter((id) => !assigned.has(id));
        if (missing.length > 0) {
          throw new DomainError(ClientErrorCode.NotAssigned, 'The member is not assigned to some of the selected clients; nothing was changed.', {
            clientIds: missing,
          });
        }
      }
      if (rows.length > 0) await em.delete(AssignmentEntity, { id: In(rows.map((r) => r.id)) });
      for (const row of rows) await this.changed(em, member(actor.memberId), row, 'UNASSIGNED', snapshot(row), now);
      return rows.length;
    });
  }

  /** SPEC C11: which members have access to which clients, optionally for one member or one group (C10). */
  async accessList(viewer: Identity, memberId?: string, groupId?: string): Promise<Assignment[]> {
    const actor = firmMember(viewer);
    if (!seesAllFirmClients(actor) && !holdsFirmPermission(actor, 'ASSIGN_CLIENTS')) {
      throw forbidden('You need the View all clients or Assign clients permission to see the access list.');
    }
    const [rows, links] = await Promise.all([
      this.db.manager.find(AssignmentEntity, {
        where: { firmId: actor.firmId, ...(memberId ? { memberId } : {}) },
        order: { clientId: 'ASC', assignedAt: 'ASC', id: 'ASC' },
      }),
      this.db.manager.find(FirmLinkEntity, { where: { firmId: actor.firmId, activeClientId: Not(IsNull()) } }),
    ]);
    // Without VIEW_ALL_CLIENTS, only the clients the viewer serves themselves (SPEC C6).
    const scope = await this.assignerScope(this.db.manager, actor);
    const linkOf = new Map(links.filter((l) => !scope || scope.has(l.clientId)).map((l) => [l.clientId, l.permissions]));
    let inGroup: Set<string> | undefined;
    if (groupId) {
      const group = await this.db.manager.findOne(ClientGroupEntity, { where: { id: groupId, firmId: actor.firmId } });
      const members = group ? await this.db.manager.find(ClientGroupMemberEntity, { where: { groupId } }) : [];
      inGroup = new Set(members.map((m) => m.clientId));
    }
    return rows
      .filter((r) => linkOf.has(r.clientId) && (!inGroup || inGroup.has(r.clientId)))
      .map((r) => toAssignment(r, linkOf.get(r.clientId)!));
  }

  /**
   * SPEC F10: access with an end date ends by itself, as a manual end does (the same
   * `assignment.changed`, audited as ASSIGNMENT_ENDED_BY_END_DATE). The due rows are claimed
   * with FOR UPDATE SKIP LOCKED and deleted in the same transaction, so replicas sweeping at once
   * end each one once. Returns how many ended (at most `limit`; the sweep calls again while full).
   */
  async endExpired(limit = 200): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const due: Array<{ id: string }> = await em.query(
        `SELECT id FROM assignments WHERE ends_at IS NOT NULL AND ends_at <= ? ORDER BY ends_at, id LIMIT ${Math.max(1, Math.floor(limit))}${this.db.skipLocked}`,
        [this.db.timeParam(now)],
      );
      if (due.length === 0) return 0;
      const rows = await em.find(AssignmentEntity, { where: { id: In(due.map((r) => r.id)) } });
      await em.delete(AssignmentEntity, { id: In(rows.map((r) => r.id)) });
      for (const row of rows) await this.changed(em, null, row, 'UNASSIGNED', snapshot(row), now, 'ASSIGNMENT_ENDED_BY_END_DATE');
      return rows.length;
    });
  }

  /** SPEC F7: a deactivated member loses every client assignment (consumer transaction). */
  async endAllOfMember(em: EntityManager, event: PayloadOf<typeof memberDeactivated>): Promise<void> {
    const rows = await em.find(AssignmentEntity, { where: { memberId: event.memberId, firmId: event.firmId } });
    if (rows.length === 0) return;
    await em.delete(AssignmentEntity, { id: In(rows.map((r) => r.id)) });
    const at = new Date(event.deactivatedAt);
    for (const row of rows) await this.changed(em, member(event.deactivatedBy), row, 'UNASSIGNED', snapshot(row), at, 'ASSIGNMENT_ENDED_MEMBER_DEACTIVATED');
  }

  /**
   * SPEC C4: whoever accepted a client's invitation (or asked for the client, in a firm's request
   * the client accepted) is assigned, with everything the client granted the firm, and, until a
   * payroll run says otherwise (C5), as the member responsible for the client. Runs in the
   * consumer's transaction; an existing assignment is left as it is.
   */
  async assignOnAcceptance(
    em: EntityManager,
    input: { clientId: string; firmId: string; memberId: string; permissions: string[]; actor: Actor; at: Date },
  ): Promise<void> {
    if (await em.exists(AssignmentEntity, { where: { clientId: input.clientId, memberId: input.memberId } })) return;
    const row = await this.insert(em, input.actor, input.firmId, input.clientId, input.memberId, input.permissions, 'RESPONSIBLE', input.at);
    await this.changed(em, input.actor, row, 'ASSIGNED', null, input.at, 'MEMBER_ASSIGNED_ON_ACCEPT');
  }

  /** SPEC C8: the member who adds a new Payroll client onboards it: assigned, responsible, with every permission. */
  async assignOnboardingMember(em: EntityManager, input: { clientId: string; firmId: string; memberId: string; permissions: string[]; at: Date }): Promise<void> {
    const actor = member(input.memberId);
    const row = await this.insert(em, actor, input.firmId, input.clientId, input.memberId, input.permissions, 'RESPONSIBLE', input.at);
    await this.changed(em, actor, row, 'ASSIGNED', null, input.at);
  }

  /** SPEC C2: when a link ends, every assignment of that firm on the client ends with it (one event each). */
  async endAllOnClient(em: EntityManager, input: { clientId: string; firmId: string; actor: Actor; at: Date }): Promise<AssignmentEntity[]> {
    const rows = await em.find(AssignmentEntity, { where: { clientId: input.clientId, firmId: input.firmId } });
    if (rows.length === 0) return rows;
    await em.delete(AssignmentEntity, { id: In(rows.map((r) => r.id)) });
    for (const row of rows) await this.changed(em, input.actor, row, 'UNASSIGNED', snapshot(row), input.at, 'ASSIGNMENT_ENDED_LINK_ENDED');
    return rows;
  }

  /** SPEC C5: whoever ran the latest payroll becomes responsible for the client. */
  async applyPayrollRun(em: EntityManager, event: PayloadOf<typeof payrollRunCompleted>): Promise<void> {
    if (event.runBy.realm !== 'firm') return;
    const row = await em.findOne(AssignmentEntity, { where: { clientId: event.clientId, memberId: event.runBy.id } });
    if (!row) return;
    const at = new Date(event.completedAt);
    await this.demoteOtherResponsible(em, null, row.clientId, row.memberId, at);
    if (row.role !== 'RESPONSIBLE') {
      const before = snapshot(row);
      row.role = 'RESPONSIBLE';
      await em.update(AssignmentEntity, { id: row.id }, { role: 'RESPONSIBLE' });
      await this.changed(em, null, row, 'UPDATED', before, at, 'ROLE_SET_BY_PAYROLL_RUN');
    }
  }

  /**
   * SPEC F6/C6, least privilege: an assigner who cannot see every client (no VIEW_ALL_CLIENTS,
   * not an ADMIN) assigns only on clients they serve themselves, and grants no permission they
   * do not hold there. Returns null when there is no such limit.
   */
  private async assignerScope(em: EntityManager, actor: FirmMemberIdentity): Promise<Map<string, string[]> | null> {
    if (seesAllFirmClients(actor)) return null;
    const own = await em.find(AssignmentEntity, { where: { memberId: actor.memberId, firmId: actor.firmId } });
    return new Map(own.map((a) => [a.clientId, a.permissions]));
  }

  private checkScope(scope: Map<string, string[]> | null, clientIds: string[], permissions: string[] = []): void {
    if (!scope) return;
    const outside = clientIds.filter((id) => !scope.has(id));
    if (outside.length > 0) {
      if (clientIds.length === 1) throw notFound('The client');
      throw new DomainError(ClientErrorCode.ClientNotLinked, 'Some of the selected clients are not yours to assign; nothing was changed.', { clientIds: outside });
    }
    for (const id of clientIds) {
      const held = new Set(scope.get(id));
      const extra = permissions.filter((p) => !held.has(p));
      if (extra.length > 0) throw forbidden(`You can only grant permissions you hold on this client yourself (not ${extra.join(', ')}).`);
    }
  }

  /** Links of the given clients to the firm, all of them, or a refusal naming the others. */
  async linkedClients(em: EntityManager, firmId: string, clientIds: string[]): Promise<FirmLinkEntity[]> {
    const links = await em.find(FirmLinkEntity, { where: { activeClientId: In(clientIds), firmId } });
    const linked = new Set(links.map((l) => l.clientId));
    const missing = clientIds.filter((id) => !linked.has(id));
    if (missing.length > 0) {
      if (clientIds.length === 1) throw notFound('The client');
      throw new DomainError(ClientErrorCode.ClientNotLinked, 'Some of the selected clients are not linked to your firm; nothing was changed.', {
        clientIds: missing,
      });
    }
    return clientIds.map((id) => links.find((l) => l.clientId === id)!);
  }

  private async activeMember(em: EntityManager, firmId: string, memberId: string): Promise<void> {
    if (!(await em.exists(FirmMemberEntity, { where: { memberId, firmId, active: true } }))) {
      throw new DomainError(ClientErrorCode.NotAFirmMember, 'This person is not an active member of your firm.');
    }
  }

  private async insert(em: EntityManager, actor: Actor, firmId: string, clientId: string, memberId: string, perms: string[], r: Role, now: Date, endsAt: Date | null = null) {
    const row = Object.assign(new AssignmentEntity(), { id: randomUUID(), clientId, memberId, firmId, permissions: perms, role: r, assignedAt: now, endsAt: endsAt ?? null });
    if (r === 'RESPONSIBLE') await this.demoteOtherResponsible(em, actor, clientId, memberId, now);
    await em.insert(AssignmentEntity, row);
    return row;
  }

  /** SPEC C5: one RESPONSIBLE member per client: making someone responsible makes the previous one a collaborator. */
  private async demoteOtherResponsible(em: EntityManager, actor: Actor, clientId: string, memberId: string, now: Date) {
    const others = await em.find(AssignmentEntity, { where: { clientId, role: 'RESPONSIBLE' } });
    for (const other of others.filter((o) => o.memberId !== memberId)) {
      const before = snapshot(other);
      other.role = 'COLLABORATOR';
      await em.update(AssignmentEntity, { id: other.id }, { role: 'COLLABORATOR' });
      await this.changed(em, actor, other, 'UPDATED', before, now);
    }
  }

  /** Audit (SPEC G4, both trails) and the `assignment.changed` event (SPEC G2), in the caller's transaction. */
  private async changed(
    em: EntityManager,
    actor: Actor,
    row: AssignmentEntity,
    change: Change,
    before: ReturnType<typeof snapshot> | null,
    at: Date,
    action = `ASSIGNMENT_${change}`,
  ) {
    const after = change === 'UNASSIGNED' ? null : snapshot(row);
    for (const scope of [
      { scopeType: 'FIRM' as const, scopeId: row.firmId },
      { scopeType: 'CLIENT' as const, scopeId: row.clientId },
    ]) {
      await recordAudit(em, {
        ...scope,
        actorRealm: actor?.realm ?? 'system',
        actorId: actor?.id ?? null,
        action,
        subjectType: 'ASSIGNMENT',
        subjectId: row.id,
        before,
        after,
        at,
      });
    }
    await enqueueEvent(this.db, em, CLIENTS_PRODUCER, assignmentChanged, {
      assignmentId: row.id,
      clientId: row.clientId,
      firmId: row.firmId,
      memberId: row.memberId,
      change,
      role: change === 'UNASSIGNED' ? null : row.role,
      permissions: change === 'UNASSIGNED' ? [] : (row.permissions as (typeof CLIENT_GRANTED_PERMISSIONS)[number][]),
      changedAt: at.toISOString(),
    }, at);
  }
}

const snapshot = (a: AssignmentEntity) => ({ memberId: a.memberId, role: a.role, permissions: [...a.permissions], endsAt: a.endsAt?.toISOString() ?? null });

/** SPEC F10 (@advisor/rules): an end date already past is refused. */
const futureEnd = requireFutureEndDate;
