import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EntityManager } from 'typeorm';
import {
  DomainError,
  enqueueEvent,
  forbidden,
  parseInput,
  unauthenticated,
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
  holdsFirmPermission,
  invitationAlreadyUsed,
  invitationTokenHash,
  isPublicEmailDomain,
  isRetriedAcceptance,
  issueInvitation,
  signUpProofOf,
  requireFirmWriter,
} from '@advisor/rules';
import { CLIENT_GRANTED_PERMISSIONS, accountantInvited, invitationAccepted } from '@advisor/schema';
import { InvitationEntity } from '../db/entities/invitation.entity';
import { requireInvitationAdmin } from './access';
import type { ClientReplicaService } from './client-replica.service';
import { InvitationErrorCode } from './errors';
import { supersedeOtherInvitations, tellSuperseded } from './supersede';
import { auditInvitationChange, invitationSnapshot } from './invitation-audit.service';
import { toInvitation, type Invitation } from './model';

export const INVITATIONS_PRODUCER = 'invitations';

const inviteInput = z.object({
  accountantName: z.string().trim().min(1, 'is required').max(200),
  accountantEmail: emailInput(),
  permissions: z
    .array(z.enum(CLIENT_GRANTED_PERMISSIONS))
    .min(1, 'choose at least one permission')
    .transform((ps) => [...new Set(ps)]),
  acknowledgeFirmWideAccess: z.boolean(),
});

/** Client → firm invitations: SPEC I1, I2, I5, I6. */
export class ClientInvitesFirmService {
  constructor(
    private readonly db: Database,
    private readonly replicas: ClientReplicaService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly appUrl: string,
    private readonly logger: Logger,
  ) {}

  async invite(viewer: Identity, raw: z.input<typeof inviteInput>): Promise<Invitation> {
    const admin = requireInvitationAdmin(
      viewer,
      'Only client admins with both Manage and Manage employees permissions can invite an accountant.',
    );
    const input = parseInput(inviteInput, raw);
    if (!input.acknowledgeFirmWideAccess) {
      throw new DomainError(
        InvitationErrorCode.AcknowledgementRequired,
        "Acknowledge that adding an accounting firm can allow several people at the firm to access your company's information.",
      );
    }
    const accountantEmail = input.accountantEmail;
    if (isPublicEmailDomain(emailDomain(accountantEmail))) {
      throw new DomainError(
        InvitationErrorCode.AccountantEmailNotAllowed,
        "Invite your accountant at their firm's work email: firms on Advisor Dashboard cannot use public email domains.",
      );
    }

    const now = this.clock.now();
    // SPEC I6: a random single-use token, stored as its hash, expiring in 7 days.
    const { token, tokenHash, expiresAt } = issueInvitation(now);
    const entity: InvitationEntity = Object.assign(new InvitationEntity(), {
      id: randomUUID(),
      kind: 'CLIENT_TO_FIRM' as const,
      status: 'PENDING' as const,
      clientId: admin.clientId,
      firmId: null,
      accountantName: input.accountantName,
      accountantEmail,
      permissions: input.permissions,
      tokenHash,
      sentByRealm: 'client' as const,
      sentById: admin.clientAdminId,
      acknowledgedBy: admin.clientAdminId,
      acknowledgedAt: now,
      sentAt: now,
      expiresAt,
      acceptedAt: null,
      acceptedById: null,
      businessName: null,
      businessNameMatches: null,
      platform: null,
      requestedPermissions: null,
      rejectedAt: null,
      rejectedById: null,
    });
    await this.db.transaction(async (em) => {
      // The client's invitation flows take turns (the directory row is locked when this service
      // has it), then SPEC I2: no invitation while the client has a linked firm.
      const client = await this.replicas.lockClient(em, admin.clientId);
      entity.platform = client?.platform ?? null;
      await this.refuseIfLinked(em, admin.clientId, now);
      // SPEC I2: one accountant firm per client at a time. Lock the client's invitations so two
      // admins sending at once cannot both pass this check.
      const pendingQuery = em
        .createQueryBuilder(InvitationEntity, 'i')
        // SPEC I2: the client's own pending invitation. Firms' requests do not count (SPEC I3, G7:
        // no firm can lock a client by asking first); accepting anything supersedes them.
        .where('i.client_id = :clientId AND i.kind = :kind AND i.status = :status', {
          clientId: admin.clientId,
          kind: 'CLIENT_TO_FIRM',
          status: 'PENDING',
        });
      if (this.db.kind === 'mysql') pendingQuery.setLock('pessimistic_write');
      const pending = await pendingQuery.getMany();
      if (pending.some((p) => toInvitation(p, now).status === 'PENDING')) {
        throw new DomainError(
          InvitationErrorCode.FirmInvitationPending,
          'Your company already has a pending accountant firm invitation. Only one accountant firm can be added at a time.',
        );
      }
      await em.insert(InvitationEntity, entity);
      // SPEC I5, F3: a firm signed up by the invitee from this link needs no confirmation email.
      await enqueueEvent(
        this.db,
        em,
        INVITATIONS_PRODUCER,
        accountantInvited,
        {
          invitationId: entity.id,
          clientId: entity.clientId,
          accountantEmail: accountantEmail.toLowerCase(),
          signUpProof: signUpProofOf(token),
          expiresAt: expiresAt.toISOString(),
        },
        now,
      );
      await auditInvitationChange(em, {
        invitation: entity,
        firmId: null,
        action: 'INVITATION_SENT',
        actor: { realm: 'client', id: admin.clientAdminId },
        before: null,
        after: { ...invitationSnapshot(entity), accountantEmail: entity.accountantEmail },
        at: now,
      });
    });

    await this.sendInvitationEmail(entity, token);
    return toInvitation(entity, now);
  }

  async sentByMyCompany(viewer: Identity): Promise<Invitation[]> {
    if (viewer.realm !== 'client') return [];
    const rows = await this.db.manager.find(InvitationEntity, {
      where: { clientId: viewer.clientId, kind: 'CLIENT_TO_FIRM' },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    const now = this.clock.now();
    return rows.map((r) => toInvitation(r, now));
  }

  /**
   * SPEC I5/I6: a firm member accepts with the emailed token. The status change and the
   * `invitation.accepted` outbox row commit in one transaction; the conditional update makes the
   * token single-use even when two accepts race.
   */
  async accept(viewer: Identity, token: string): Promise<Invitation> {
    if (viewer.realm === 'anonymous') throw unauthenticated('Log in to your firm, or sign up your firm first, then accept.');
    if (viewer.realm !== 'firm') throw forbidden('Only a firm member can accept an accountant invitation.');
    requireFirmWriter(viewer); // SPEC G3, G6: analysts and service accounts only read.
    const tokenHash = invitationTokenHash(token);
    const now = this.clock.now();

    let superseded: InvitationEntity[] = [];
    const accepted = await this.db.transaction(async (em) => {
      const invitation = await em.findOne(InvitationEntity, { where: { tokenHash, kind: 'CLIENT_TO_FIRM' } });
      // A lost response: the member who accepted, retrying, gets the same success (SPEC I6).
      if (invitation && isRetriedAcceptance(invitation, viewer.memberId)) return invitation;
      // SPEC I6: unknown, used or expired tokens are refused, each with its own code.
      checkInvitationUsable(invitation, now, {
        expired: 'This invitation has expired. Ask your client to send a new one.',
        // SPEC I3: the client accepted another firm meanwhile.
        closed: (i) => (i.status === 'SUPERSEDED' ? invitationAlreadyUsed('This invitation no longer stands: the client chose another accounting firm.') : undefined),
      });
      if (emailDomain(invitation.accountantEmail) !== emailDomain(viewer.email)) {
        throw new DomainError(
          InvitationErrorCode.InvitationForAnotherFirm,
          'This invitation was sent to someone at another firm. Log in with your own firm account.',
        );
      }
      // SPEC I5: the invitee accepts; a colleague may accept for the firm only with Manage clients.
      const isInvitee = viewer.email.toLowerCase() === invitation.accountantEmail.toLowerCase();
      if (!isInvitee && !holdsFirmPermission(viewer, 'MANAGE_CLIENTS')) {
        throw forbidden('This invitation was sent to a colleague. Ask them to accept it, or a member who can manage clients.');
      }
      // SPEC I2, C2: the client may have linked a firm (e.g. by accepting a firm's request) since;
      // acceptances of one client take turns.
      await this.replicas.lockClient(em, invitation.clientId);
      await this.refuseIfLinked(em, invitation.clientId, now);
      // SPEC I6: single use, even when two accepts race (the loser, if it is the winner's own retry, gets the same success).
      const consumed = await consumeInvitation(em, InvitationEntity, invitation.id, { status: 'ACCEPTED', acceptedAt: now, acceptedById: viewer.memberId, firmId: viewer.firmId });
      if (!consumed.consumed) {
        if (consumed.current && isRetriedAcceptance(consumed.current, viewer.memberId)) return consumed.current;
        throw invitationAlreadyUsed();
      }
      await this.replicas.claimLink(em, invitation.clientId, viewer.firmId, invitation.id, now);
      // SPEC I3: firms' requests still pending for this client end as SUPERSEDED.
      superseded = await supersedeOtherInvitations(em, invitation, { realm: 'firm', id: viewer.memberId }, now);
      await enqueueEvent(
        this.db,
        em,
        INVITATIONS_PRODUCER,
        invitationAccepted,
        {
          invitationId: invitation.id,
          kind: 'CLIENT_TO_FIRM',
          clientId: invitation.clientId,
          firmId: viewer.firmId,
          acceptedBy: { realm: 'firm', id: viewer.memberId },
          assignMemberId: viewer.memberId,
          permissions: invitation.permissions as (typeof CLIENT_GRANTED_PERMISSIONS)[number][],
          acceptedAt: now.toISOString(),
        },
        now,
      );
      const before = invitationSnapshot(invitation);
      Object.assign(invitation, { status: 'ACCEPTED' as const, acceptedAt: now, acceptedById: viewer.memberId, firmId: viewer.firmId });
      await auditInvitationChange(em, {
        invitation,
        firmId: viewer.firmId,
        action: 'INVITATION_ACCEPTED',
        actor: { realm: 'firm', id: viewer.memberId },
        before,
        after: invitationSnapshot(invitation),
        at: now,
      });
      return invitation;
    });
    await tellSuperseded(this.mailer, this.logger, superseded);
    return toInvitation(accepted, now);
  }

  /** SPEC I2, C2: one accountant firm per client at a time. */
  private async refuseIfLinked(em: EntityManager, clientId: string, now: Date): Promise<void> {
    if (await this.replicas.linkOf(em, clientId, now)) {
      throw new DomainError(
        InvitationErrorCode.ClientAlreadyHasFirm,
        'This client company already has an accountant firm. A client can have only one accountant firm at a time.',
      );
    }
  }

  private async sendInvitationEmail(invitation: InvitationEntity, token: string) {
    const link = `${this.appUrl.replace(/\/$/, '')}/invitations/accept?token=${encodeURIComponent(token)}`;
    try {
      await this.mailer.send({
        to: invitation.accountantEmail,
        template: 'client-invites-firm',
        subject: 'You have been invited to manage a client on Advisor Dashboard',
        text: [
          `Hello ${invitation.accountantName},`,
          '',
          'A client has invited your firm to manage their payroll account on Advisor Dashboard.',
          `Accept the invitation: ${link}`,
          '',
          'If you do not have an Advisor Dashboard account yet, sign up your firm first, then open this link again.',
          `The invitation expires on ${invitation.expiresAt.toUTCString()}.`,
        ].join('\n'),
      });
    } catch (err) {
      // The invitation stands and is listed for the client admin; the mail can be sent again.
      this.logger.error({ err, invitationId: invitation.id }, 'could not send the invitation email');
    }
  }
}
