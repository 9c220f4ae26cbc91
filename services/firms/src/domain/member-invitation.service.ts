import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  DomainError,
  hashPassword,
  isUniqueViolation,
  notFound,
  verifyPassword,
  parseInput,
  type Clock,
  type Database,
  type Identity,
  type Logger,
  type Mailer,
} from '@advisor/kit';
import {
  checkInvitationUsable,
  consumeInvitation,
  emailDomain,
  emailInput,
  invitationAlreadyUsed,
  invitationStatusAt,
  invitationTokenHash,
  issueInvitation,
} from '@advisor/rules';
import { MemberInvitationEntity } from '../db/entities/member-invitation.entity';
import { MemberEntity } from '../db/entities/member.entity';
import { CredentialEntity } from '../db/entities/credential.entity';
import { FirmEntity } from '../db/entities/firm.entity';
import { checkPassword, checkUsername } from './credentials-policy';
import { FirmErrorCode, MESSAGES } from './errors';
import { FirmAccess } from './firm-access';
import { FIRM_PERMISSIONS, FIRM_ROLES, toMember, type FirmPermission, type FirmRole, type Member } from './member';
import type { AuditService } from './audit.service';
import type { FirmSession, SessionService } from './session.service';
import { publishMemberJoined } from './member-events';

export const inviteMemberInput = z.object({
  firstName: z.string().trim().min(1, 'is required').max(100),
  lastName: z.string().trim().min(1, 'is required').max(100),
  email: emailInput(),
  jobRole: z.string().trim().min(1, 'is required').max(100),
  firmRole: z.enum(FIRM_ROLES).default('MEMBER'),
  permissions: z.array(z.enum(FIRM_PERMISSIONS)).transform((ps) => [...new Set(ps)]),
});

export interface MemberInvitation {
  id: string;
  firmId: string;
  firstName: string;
  lastName: string;
  email: string;
  jobRole: string;
  firmRole: FirmRole;
  permissions: FirmPermission[];
  invitedBy: string;
  status: 'PENDING' | 'ACCEPTED' | 'VOIDED' | 'EXPIRED';
  sentAt: Date;
  expiresAt: Date;
}

export function toInvitation(e: MemberInvitationEntity, now: Date): MemberInvitation {
  return {
    id: e.id,
    firmId: e.firmId,
    firstName: e.firstName,
    lastName: e.lastName,
    email: e.email,
    jobRole: e.jobRole,
    firmRole: e.firmRole,
    permissions: e.permissions as FirmPermission[],
    invitedBy: e.invitedBy,
    // SPEC I6/F5: a pending invitation past its 7 days reads EXPIRED.
    status: invitationStatusAt(e, now),
    sentAt: e.sentAt,
    expiresAt: e.expiresAt,
  };
}

const snapshot = (i: MemberInvitation) => ({
  email: i.email,
  firmRole: i.firmRole,
  permissions: i.permissions,
  status: i.status,
  expiresAt: i.expiresAt.toISOString(),
});

/** SPEC F5: team member invitations, from invite to a member with their own credentials. */
export class MemberInvitationService {
  constructor(
    private readonly db: Database,
    private readonly access: FirmAccess,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly appUrl: string,
    private readonly logger: Logger,
  ) {}

  async invite(viewer: Identity, raw: z.input<typeof inviteMemberInput>): Promise<MemberInvitation> {
    const actor = await this.access.actorWith(viewer, 'MANAGE_MEMBERS');
    const input = parseInput(inviteMemberInput, raw);
    FirmAccess.checkGrant(actor, input);
    const firm = await this.db.manager.findOneOrFail(FirmEntity, { where: { id: actor.firmId } });
    // SPEC F2: every member shares the firm's email domain.
    if (emailDomain(input.email) !== firm.domain) {
      throw new DomainError(FirmErrorCode.DomainNotAllowed, MESSAGES.domainNotAllowed);
    }
    const now = this.clock.now();
    // SPEC F5, I6: a random single-use token, stored as its hash, expiring in 7 days.
    const { token, tokenHash, expiresAt } = issueInvitation(now);
    const entity = Object.assign(new MemberInvitationEntity(), {
      id: randomUUID(),
      firmId: firm.id,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email,
      jobRole: input.jobRole,
      firmRole: input.firmRole,
      permissions: input.firmRole === 'MEMBER' ? input.permissions : [],
      tokenHash,
      invitedBy: actor.id,
      status: 'PENDING' as const,
      sentAt: now,
      expiresAt,
      resolvedAt: null,
      memberId: null,
    });
    await this.db.transaction(async (em) => {
      // Invitations of one firm take turns (the firm row is locked), so two admins inviting the
      // same person at once cannot both create a pending invitation.
      const lock = em.createQueryBuilder(FirmEntity, 'f').where('f.id = :id', { id: firm.id });
      if (this.db.kind === 'mysql') lock.setLock('pessimistic_write');
      await lock.getOne();
      if (await em.exists(MemberEntity, { where: { workEmail: input.email } })) {
        throw new DomainError(FirmErrorCode.EmailTaken, 'A member with this email already exists.');
      }
      const pending = await em.find(MemberInvitationEntity, { where: { firmId: firm.id, email: input.email, status: 'PENDING' } });
      if (pending.some((p) => toInvitation(p, now).status === 'PENDING')) {
        throw new DomainError(
          FirmErrorCode.InvitationPending,
          'This person already has a pending invitation. Use "Resend invite" to send a new one.',
        );
      }
      await em.insert(MemberInvitationEntity, entity);
      await this.audit.record(em, {
        firmId: firm.id,
        actorMemberId: actor.id,
        action: 'MEMBER_INVITED',
        subjectType: 'MEMBER_INVITATION',
        subjectId: entity.id,
        before: null,
        after: snapshot(toInvitation(entity, now)),
        at: now,
      });
    });
    await this.sendEmail(entity, firm.name, token);
    return toInvitation(entity, now);
  }

  /** SPEC F5 "Resend invite": a fresh invitation (new token, new 7 days); the old one is void. */
  async resend(viewer: Identity, invitationId: string): Promise<MemberInvitation> {
    const actor = await this.access.actorWith(viewer, 'MANAGE_MEMBERS');
    const now = this.clock.now();
    const { token, tokenHash, expiresAt } = issueInvitation(now);
    const result = await this.db.transaction(async (em) => {
      const old = await em.findOne(MemberInvitationEntity, { where: { id: invitationId, firmId: actor.firmId } });
      if (!old) throw notFound('The invitation');
      if (old.status === 'ACCEPTED') {
        throw invitationAlreadyUsed('This invitation has already been accepted.');
      }
      if (old.status === 'VOIDED') {
        throw new DomainError(FirmErrorCode.InvitationVoided, 'This invitation was already replaced or withdrawn.');
      }
      FirmAccess.checkGrant(actor, old);
      // Pending or expired alike: "Resend invite" is how an expired invitation is renewed.
      const voided = await em.update(MemberInvitationEntity, { id: old.id, status: 'PENDING' }, { status: 'VOIDED', resolvedAt: now });
      if (voided.affected !== 1) throw invitationAlreadyUsed('This invitation has already been accepted.');
      const fresh = Object.assign(new MemberInvitationEntity(), {
        ...old,
        id: randomUUID(),
        tokenHash,
        invitedBy: actor.id,
        status: 'PENDING' as const,
        sentAt: now,
        expiresAt,
        resolvedAt: null,
        memberId: null,
      });
      await em.insert(MemberInvitationEntity, fresh);
      await this.audit.record(em, {
        firmId: actor.firmId,
        actorMemberId: actor.id,
        action: 'MEMBER_INVITATION_RESENT',
        subjectType: 'MEMBER_INVITATION',
        subjectId: fresh.id,
        before: { ...snapshot(toInvitation(old, now)), invitationId: old.id },
        after: snapshot(toInvitation(fresh, now)),
        at: now,
      });
      const firm = await em.findOneOrFail(FirmEntity, { where: { id: actor.firmId } });
      return { fresh, firmName: firm.name };
    });
    await this.sendEmail(result.fresh, result.firmName, token);
    return toInvitation(result.fresh, now);
  }

  async revoke(viewer: Identity, invitationId: string): Promise<MemberInvitation> {
    const actor = await this.access.actorWith(viewer, 'MANAGE_MEMBERS');
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const invitation = await em.findOne(MemberInvitationEntity, { where: { id: invitationId, firmId: actor.firmId } });
      if (!invitation) throw notFound('The invitation');
      FirmAccess.checkGrant(actor, invitation);
      const voided = await em.update(MemberInvitationEntity, { id: invitation.id, status: 'PENDING' }, { status: 'VOIDED', resolvedAt: now });
      if (voided.affected !== 1) {
        throw invitationAlreadyUsed('This invitation is no longer pending.');
      }
      const after = toInvitation(Object.assign(invitation, { status: 'VOIDED' as const, resolvedAt: now }), now);
      await this.audit.record(em, {
        firmId: actor.firmId,
        actorMemberId: actor.id,
        action: 'MEMBER_INVITATION_REVOKED',
        subjectType: 'MEMBER_INVITATION',
        subjectId: invitation.id,
        before: { ...snapshot(after), status: 'PENDING' },
        after: snapshot(after),
        at: now,
      });
      return after;
    });
  }

  /** SPEC F5: the pending invitations shown in Firm Info (pending and not yet expired). */
  async pending(viewer: Identity): Promise<MemberInvitation[]> {
    const actor = await this.access.actorWith(viewer, 'MANAGE_MEMBERS');
    const now = this.clock.now();
    const rows = await this.db.manager.find(MemberInvitationEntity, {
      where: { firmId: actor.firmId, status: 'PENDING' },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    return rows.map((r) => toInvitation(r, now));
  }

  /**
   * SPEC F5: accepting means choosing a username and password. The invitation is consumed with
   * a conditional update, so of two simultaneous accepts exactly one creates a member.
   */
  async accept(token: string, usernameRaw: string, password: string): Promise<FirmSession> {
    const now = this.clock.now();
    const invitation = await this.db.manager.findOne(MemberInvitationEntity, { where: { tokenHash: invitationTokenHash(token) } });
    // A lost response: the person who accepted, retrying with the same username and password,
    // is signed in again instead of refused (SPEC I6: anyone else is still refused).
    const retried = invitation && (await this.retriedAcceptance(invitation, usernameRaw, password));
    if (retried) return retried;
    this.checkUsable(invitation, now);
    const username = checkUsername(usernameRaw.trim());
    checkPassword(password, { username, email: invitation.email });
    const passwordHash = await hashPassword(password);

    let joined: Member;
    try {
      joined = await this.db.transaction(async (em) => {
        // SPEC I6, F5: single use; of two simultaneous accepts exactly one creates a member.
        const consumed = await consumeInvitation(em, MemberInvitationEntity, invitation.id, { status: 'ACCEPTED', resolvedAt: now });
        if (!consumed.consumed) {
          this.checkUsable(consumed.current, now);
          throw invitationAlreadyUsed();
        }
        const member = Object.assign(new MemberEntity(), {
          id: randomUUID(),
          firmId: invitation.firmId,
          firstName: invitation.firstName,
          lastName: invitation.lastName,
          workEmail: invitation.email,
          jobRole: invitation.jobRole,
          firmRole: invitation.firmRole,
          permissions: invitation.permissions,
          workPhone: '',
          cellPhone: '',
          personalEmail: '',
          active: true,
          createdAt: now,
        });
        await em.insert(MemberEntity, member);
        await em.insert(CredentialEntity, {
          memberId: member.id,
          username,
          usernameKey: username.toLowerCase(),
          passwordHash,
          createdAt: now,
          updatedAt: now,
        });
        await em.update(MemberInvitationEntity, { id: invitation.id }, { memberId: member.id });
        await this.audit.record(em, {
          firmId: invitation.firmId,
          actorMemberId: member.id,
          action: 'MEMBER_JOINED',
          subjectType: 'MEMBER',
          subjectId: member.id,
          before: null,
          after: { invitationId: invitation.id, email: member.workEmail, firmRole: member.firmRole, permissions: member.permissions },
          at: now,
        });
        await publishMemberJoined(this.db, em, member, now);
        return toMember(member);
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (await this.db.manager.exists(MemberEntity, { where: { workEmail: invitation.email } })) {
        throw new DomainError(FirmErrorCode.EmailTaken, 'A member with this email already exists.');
      }
      throw new DomainError(FirmErrorCode.UsernameTaken, 'This username is taken. Choose another one.');
    }
    // SPEC F9: in a firm that requires two-factor sign-in the new member is a member now, but
    // gets no session until they enrol (TWO_FACTOR_ENROLMENT_REQUIRED: they sign in to enrol).
    return this.db.transaction((em) => this.sessions.startSession(em, joined));
  }

  /** SPEC I6, F5: unknown, used, voided (F5 "Resend invite") or expired invitations are refused, each with its own code. */
  private checkUsable(invitation: MemberInvitationEntity | null, now: Date): asserts invitation is MemberInvitationEntity {
    checkInvitationUsable(invitation, now, {
      expired: 'This invitation has expired. Ask your firm administrator to resend it.',
      closed: (i) =>
        i.status === 'VOIDED'
          ? new DomainError(FirmErrorCode.InvitationVoided, 'This invitation was replaced or withdrawn. Use the newest invitation email.')
          : undefined,
    });
  }

  /** The invitee's own retry of an acceptance that went through: the same credentials sign them in again. */
  private async retriedAcceptance(invitation: MemberInvitationEntity, usernameRaw: string, password: string): Promise<FirmSession | null> {
    if (invitation.status !== 'ACCEPTED' || !invitation.memberId) return null;
    const credential = await this.db.manager.findOne(CredentialEntity, { where: { memberId: invitation.memberId } });
    if (!credential || credential.usernameKey !== usernameRaw.trim().toLowerCase()) return null;
    if (!(await verifyPassword(credential.passwordHash, password))) return null;
    const member = await this.db.manager.findOne(MemberEntity, { where: { id: invitation.memberId, active: true } });
    if (!member) return null;
    return this.db.transaction((em) => this.sessions.startSession(em, toMember(member)));
  }

  private async sendEmail(invitation: MemberInvitationEntity, firmName: string, token: string): Promise<void> {
    const link = `${this.appUrl.replace(/\/$/, '')}/join?token=${encodeURIComponent(token)}`;
    try {
      await this.mailer.send({
        to: invitation.email,
        template: 'member-invitation',
        subject: `${firmName} invited you to Advisor Dashboard`,
        text: [
          `Hello ${invitation.firstName},`,
          '',
          `${firmName} invited you to join its Advisor Dashboard account.`,
          `Choose your username and password here: ${link}`,
          `The invitation expires on ${invitation.expiresAt.toUTCString()}.`,
        ].join('\n'),
      });
    } catch (err) {
      // The invitation stands and is listed as pending; "Resend invite" sends a new email.
      this.logger.error({ err, invitationId: invitation.id }, 'could not send the member invitation email');
    }
  }
}
