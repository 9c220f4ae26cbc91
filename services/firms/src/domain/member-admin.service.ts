import { z } from 'zod';
import { In, type EntityManager } from 'typeorm';
import {
  DomainError,
  enqueueEvent,
  notFound,
  parseInput,
  type Clock,
  type Database,
  type Identity,
} from '@advisor/kit';
import { memberAccessChanged, memberDeactivated } from '@advisor/schema';
import { MemberEntity } from '../db/entities/member.entity';
import { FirmEntity } from '../db/entities/firm.entity';
import { SecondFactorEntity } from '../db/entities/second-factor.entity';
import { FirmErrorCode } from './errors';
import { FirmAccess } from './firm-access';
import { FIRM_PERMISSIONS, FIRM_ROLES, toFirm, toMember, type Firm, type Member } from './member';
import { FIRMS_PRODUCER, type SessionService } from './session.service';
import type { AuditService } from './audit.service';
import { publishFirmRenamed } from './member-events';

export const updateMemberInput = z.object({
  memberId: z.string().uuid(),
  jobRole: z.string().trim().min(1).max(100).optional(),
  firmRole: z.enum(FIRM_ROLES).optional(),
  permissions: z
    .array(z.enum(FIRM_PERMISSIONS))
    .transform((ps) => [...new Set(ps)])
    .optional(),
});

export const updateFirmInput = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  website: z
    .string()
    .trim()
    .max(255)
    .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
    .pipe(z.string().url('is not a web address'))
    .optional(),
});

const memberSnapshot = (m: MemberEntity) => ({
  jobRole: m.jobRole,
  firmRole: m.firmRole,
  permissions: m.firmRole === 'MEMBER' ? [...m.permissions].sort() : [],
  active: m.active,
});

/** SPEC F6, F7: editing and deactivating members, and the firm's own information. */
export class MemberAdminService {
  constructor(
    private readonly db: Database,
    private readonly access: FirmAccess,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Every member of the viewer's firm (SPEC F5 "Firm Info"); any member of the firm may look. */
  async members(viewer: Identity, includeInactive: boolean): Promise<Member[]> {
    const actor = await this.access.actor(viewer);
    const rows = await this.db.manager.find(MemberEntity, {
      where: { firmId: actor.firmId, ...(includeInactive ? {} : { active: true }) },
      order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' },
    });
    return rows.map(toMember);
  }

  async updateMember(viewer: Identity, raw: z.input<typeof updateMemberInput>): Promise<Member> {
    const input = parseInput(updateMemberInput, raw);
    return this.db.transaction(async (em) => {
      const actor = await this.access.actorWith(viewer, 'MANAGE_MEMBERS', em);
      const admins = await this.lockActiveAdmins(em, actor.firmId);
      const target = await this.lockMember(em, actor.firmId, input.memberId);
      // Taken once the member is locked: a refresh of theirs that raced this change was issued
      // before it, so the gateway refuses that token (`member.access-changed` at this instant).
      const now = this.clock.now();
      const before = memberSnapshot(target);
      const next = {
        jobRole: input.jobRole ?? target.jobRole,
        firmRole: input.firmRole ?? target.firmRole,
        permissions: input.permissions ?? target.permissions,
      };
      FirmAccess.checkGrant(actor, next, target);
      if (target.firmRole === 'ADMIN' && next.firmRole !== 'ADMIN') keepAnotherAdmin(admins, target.id);
      Object.assign(target, { ...next, permissions: next.firmRole === 'MEMBER' ? next.permissions : [] });
      await em.save(MemberEntity, target);
      const after = memberSnapshot(target);
      if (JSON.stringify(before) === JSON.stringify(after)) return toMember(target);

      await this.audit.record(em, {
        firmId: actor.firmId,
        actorMemberId: actor.id,
        action: 'MEMBER_UPDATED',
        subjectType: 'MEMBER',
        subjectId: target.id,
        before,
        after,
        at: now,
      });
      if (before.firmRole !== after.firmRole || JSON.stringify(before.permissions) !== JSON.stringify(after.permissions)) {
        // Tokens carry role and permissions: make the member's current ones refresh.
        await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
          memberId: target.id,
          firmId: target.firmId,
          reason: 'ROLE_OR_PERMISSIONS_CHANGED',
          sessionId: null,
          changedAt: now.toISOString(),
        }, now);
      }
      return toMember(target);
    });
  }

  /**
   * SPEC F7: deactivation ends the member's sessions now and, through `member.deactivated`,
   * all their client assignments.
   */
  async deactivate(viewer: Identity, memberId: string): Promise<Member> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const actor = await this.access.actorWith(viewer, 'MANAGE_MEMBERS', em);
      if (memberId === actor.id) {
        throw new DomainError(FirmErrorCode.CannotDeactivateSelf, 'You cannot deactivate yourself. Ask another admin.');
      }
      const admins = await this.lockActiveAdmins(em, actor.firmId);
      const target = await this.lockMember(em, actor.firmId, memberId);
      if (!target.active) return toMember(target);
      FirmAccess.checkGrant(actor, target, target);
      if (target.firmRole === 'ADMIN') keepAnotherAdmin(admins, target.id);
      const before = memberSnapshot(target);
      target.active = false;
      await em.save(MemberEntity, target);
      await this.sessions.endAllSessions(em, target.id, 'DEACTIVATED', now);
      await this.audit.record(em, {
        firmId: actor.firmId,
        actorMemberId: actor.id,
        action: 'MEMBER_DEACTIVATED',
        subjectType: 'MEMBER',
        subjectId: target.id,
        before,
        after: memberSnapshot(target),
        at: now,
      });
      await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberDeactivated, {
        memberId: target.id,
        firmId: target.firmId,
        deactivatedBy: actor.id,
        deactivatedAt: now.toISOString(),
      }, now);
      await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
        memberId: target.id,
        firmId: target.firmId,
        reason: 'DEACTIVATED',
        sessionId: null,
        changedAt: now.toISOString(),
      }, now);
      return toMember(target);
    });
  }

  async updateFirm(viewer: Identity, raw: z.input<typeof updateFirmInput>): Promise<Firm> {
    const input = parseInput(updateFirmInput, raw);
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const actor = await this.access.actorWith(viewer, 'MANAGE_FIRM', em);
      const firm = await em.findOneOrFail(FirmEntity, { where: { id: actor.firmId } });
      const before = { name: firm.name, website: firm.website };
      Object.assign(firm, { name: input.name ?? firm.name, website: input.website ?? firm.website });
      await em.save(FirmEntity, firm);
      const after = { name: firm.name, website: firm.website };
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        await this.audit.record(em, {
          firmId: firm.id,
          actorMemberId: actor.id,
          action: 'FIRM_UPDATED',
          subjectType: 'FIRM',
          subjectId: firm.id,
          before,
          after,
          at: now,
        });
      }
      // Issue 13: clients shows the name on every client's firm link from its own copy.
      if (before.name !== after.name) await publishFirmRenamed(this.db, em, firm, now);
      return toFirm(firm);
    });
  }

  /**
   * SPEC F9: an ADMIN requires (or stops requiring) two-factor sign-in for every member. The ADMIN
   * must have it first (TWO_FACTOR_NOT_ENABLED), or they would lock themselves out. When it becomes
   * required, the sessions of every member without an authenticator end (the gateway refuses their
   * tokens) and their next sign-in asks them to enrol before anything else. Audited.
   */
  async setTwoFactorRequired(viewer: Identity, required: boolean): Promise<Firm> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const admin = await this.access.admin(viewer, em);
      const firm = await em.findOneOrFail(FirmEntity, { where: { id: admin.firmId }, ...(this.db.kind === 'mysql' ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
      if (Boolean(firm.twoFactorRequired) === required) return toFirm(firm);
      if (required && !(await em.exists(SecondFactorEntity, { where: { memberId: admin.id, status: 'ACTIVE' } }))) {
        throw new DomainError(FirmErrorCode.TwoFactorNotEnabled, 'Turn on two-factor sign-in for your own account first.');
      }
      await em.update(FirmEntity, { id: firm.id }, { twoFactorRequired: required });
      firm.twoFactorRequired = required;
      let sessionsEnded: string[] = [];
      if (required) {
        const members = await em.find(MemberEntity, { where: { firmId: firm.id, active: true }, select: { id: true } });
        const enrolled = new Set(
          (await em.find(SecondFactorEntity, { where: { memberId: In(members.map((m) => m.id)), status: 'ACTIVE' }, select: { memberId: true } })).map((f) => f.memberId),
        );
        sessionsEnded = members.map((m) => m.id).filter((id) => !enrolled.has(id));
        for (const memberId of sessionsEnded) {
          await this.sessions.endAllSessions(em, memberId, 'TWO_FACTOR_REQUIRED', now);
          await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
            memberId, firmId: firm.id, reason: 'TWO_FACTOR_REQUIRED', sessionId: null, changedAt: now.toISOString(),
          }, now);
        }
      }
      await this.audit.record(em, {
        firmId: firm.id, actorMemberId: admin.id, action: 'TWO_FACTOR_REQUIREMENT_CHANGED', subjectType: 'FIRM', subjectId: firm.id,
        before: { twoFactorRequired: !required }, after: { twoFactorRequired: required, ...(required ? { membersToEnrol: sessionsEnded.length } : {}) }, at: now,
      });
      return toFirm(firm);
    });
  }

  /** Reads the member with a row lock (MySQL), so concurrent changes to one member serialize. */
  private async lockMember(em: EntityManager, firmId: string, memberId: string): Promise<MemberEntity> {
    const query = em.createQueryBuilder(MemberEntity, 'm').where('m.id = :memberId AND m.firm_id = :firmId', { memberId, firmId });
    if (this.db.kind === 'mysql') query.setLock('pessimistic_write');
    const member = await query.getOne();
    if (!member) throw notFound('The member');
    return member;
  }

  /**
   * The firm's active admins, locked (MySQL) before any member row, always in the same order:
   * two admins demoting each other at once serialize instead of both succeeding or deadlocking.
   */
  private async lockActiveAdmins(em: EntityManager, firmId: string): Promise<MemberEntity[]> {
    const query = em
      .createQueryBuilder(MemberEntity, 'm')
      .where('m.firm_id = :firmId AND m.firm_role = :role AND m.active = :active', { firmId, role: 'ADMIN', active: true })
      .orderBy('m.id', 'ASC');
    if (this.db.kind === 'mysql') query.setLock('pessimistic_write');
    return query.getMany();
  }
}

/** SPEC F6: a firm always keeps at least one active ADMIN. */
function keepAnotherAdmin(activeAdmins: MemberEntity[], leavingAdminId: string): void {
  if (!activeAdmins.some((a) => a.id !== leavingAdminId)) {
    throw new DomainError(FirmErrorCode.LastAdmin, 'Your firm must keep at least one active admin.');
  }
}
