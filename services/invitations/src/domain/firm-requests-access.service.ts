import { randomUUID } from 'node:crypto';
import { MoreThan, type EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  DomainError,
  enqueueEvent,
  notFound,
  parseInput,
  type ClientAdminIdentity,
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
  invitationAlreadyUsed,
  isInvitationExpired,
  isRetriedAcceptance,
  issueInvitation,
  normalizeFein,
  requireLeaverReportReader,
} from '@advisor/rules';
import { CLIENT_GRANTED_PERMISSIONS, invitationAccepted, type ClientGrantedPermission } from '@advisor/schema';
import { InvitationEntity } from '../db/entities/invitation.entity';
import type { DirectoryAdmin } from '../db/entities/client-directory.entity';
import { holdsInvitationAdminPermissions, requireClientManager, requireFirmMember, requireInvitationAdmin } from './access';
import type { ClientReplicaService } from './client-replica.service';
import { InvitationErrorCode } from './errors';
import { businessNamesMatch } from './fein';
import { auditInvitationChange, invitationSnapshot } from './invitation-audit.service';
import { PERMISSION_LABELS, toInvitation, type Invitation, type Platform } from './model';
import type { NotificationsService } from './notifications.service';
import { INVITATIONS_PRODUCER } from './client-invites-firm.service';
import { supersedeOtherInvitations, tellSuperseded } from './supersede';

const permissionsInput = z
  .array(z.enum(CLIENT_GRANTED_PERMISSIONS))
  .min(1, 'choose at least one permission')
  .transform((ps) => [...new Set(ps)]);

const requestInput = z.object({
  businessName: z.string().trim().min(1, 'is required').max(200),
  fein: z.string().transform((value, ctx) => {
    const fein = normalizeFein(value);
    if (!fein) {
      ctx.addIssue({ code: 'custom', message: 'enter the FEIN as NN-NNNNNNN (or nine digits) with a valid IRS prefix' });
      return z.NEVER;
    }
    return fein;
  }),
  platform: z.enum(['PEO', 'PAYROLL']),
  permissions: permissionsInput,
});

const answerInput = z.object({ permissions: permissionsInput.nullish() });

const PLATFORM_NAMES: Record<Platform, string> = { PEO: 'PEO', PAYROLL: 'Payroll' };

const REQUEST_FORBIDDEN = 'Only firm members with the Manage clients permission can ask a client for access.';
const ANSWER_FORBIDDEN = "Only client admins with both Manage and Manage employees permissions can see and answer firms' requests.";

/**
 * Firm → client invitations, "firm requests": SPEC I2, I3, I4, I6, I7 and the firm's Requested
 * tab (C7). The client is found in this service's directory replica; its admins who hold both
 * MANAGE and MANAGE_EMPLOYEES are emailed and notified, and one of them accepts (possibly with
 * edited permissions) or rejects. Acceptance travels as `invitation.accepted`, like I5's.
 */
export class FirmRequestsAccessService {
  constructor(
    private readonly db: Database,
    private readonly replicas: ClientReplicaService,
    private readonly notifications: NotificationsService,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly appUrl: string,
    private readonly logger: Logger,
  ) {}

  /** SPEC I3: a member with MANAGE_CLIENTS asks the client with this FEIN on this platform for access. */
  async request(viewer: Identity, raw: z.input<typeof requestInput>): Promise<Invitation> {
    const member = requireClientManager(viewer, REQUEST_FORBIDDEN);
    const input = parseInput(requestInput, raw);
    const found = await this.replicas.findByFein(input.fein, input.platform);
    if (!found) {
      throw new DomainError(
        InvitationErrorCode.ClientNotFoundOnPlatform,
        `No client company with FEIN ${input.fein} is on the ${PLATFORM_NAMES[input.platform]} platform, so nothing was sent. Check the FEIN and the platform.`,
      );
    }

    const now = this.clock.now();
    // The token is never sent (the client admin answers while signed in); only its hash is kept,
    // like every invitation's (SPEC I6).
    const { tokenHash: hash, expiresAt } = issueInvitation(now);
    const { entity, client, recipients } = await this.db.transaction(async (em) => {
      // Re-read under lock: the I2 checks below and the insert happen one sender at a time.
      const client = (await this.replicas.lockClient(em, found.clientId)) ?? found;
      await this.refuseIfLinked(em, client.clientId, member.firmId, 'request', now);
      await this.refuseIfPending(em, client.clientId, member.firmId, now);

      const entity: InvitationEntity = Object.assign(new InvitationEntity(), {
        id: randomUUID(),
        kind: 'FIRM_TO_CLIENT' as const,
        status: 'PENDING' as const,
        clientId: client.clientId,
        firmId: member.firmId,
        accountantName: member.email.split('@')[0],
        accountantEmail: member.email,
        permissions: input.permissions,
        tokenHash: hash,
        sentByRealm: 'firm' as const,
        sentById: member.memberId,
        // The request asks access for the firm as a whole; the member sending it stands for that.
        acknowledgedBy: member.memberId,
        acknowledgedAt: now,
        sentAt: now,
        expiresAt,
        acceptedAt: null,
        acceptedById: null,
        businessName: input.businessName,
        businessNameMatches: businessNamesMatch(input.businessName, client.businessName),
        platform: input.platform,
        requestedPermissions: input.permissions,
        rejectedAt: null,
        rejectedById: null,
      });
      await em.insert(InvitationEntity, entity);

      const recipients = client.admins.filter((a) => holdsInvitationAdminPermissions(a.permissions));
      for (const admin of recipients) {
        await this.notifications.notifyClientAdmin(em, {
          clientAdminId: admin.id,
          clientId: client.clientId,
          kind: 'FIRM_REQUESTED_ACCESS',
          invitationId: entity.id,
          title: `An accounting firm asks for access to ${client.businessName}`,
          body: this.requestSummary(entity, client.businessName),
          at: now,
        });
      }
      await auditInvitationChange(em, {
        invitation: entity,
        firmId: member.firmId,
        action: 'INVITATION_SENT',
        actor: { realm: 'firm', id: member.memberId },
        before: null,
        after: { ...invitationSnapshot(entity), platform: entity.platform, businessName: entity.businessName },
        at: now,
      });
      return { entity, client, recipients };
    });

    for (const admin of recipients) await this.sendRequestEmail(entity, client.businessName, admin);
    return toInvitation(entity, now);
  }

  /** SPEC C7 "Requested": the caller's firm's requests still waiting for the client, newest first. */
  async pendingOfMyFirm(viewer: Identity, platform?: Platform | null): Promise<Invitation[]> {
    const member = requireFirmMember(viewer, 'Only firm members can see their firm\'s requests.');
    const now = this.clock.now();
    const rows = await this.db.manager.find(InvitationEntity, {
      where: {
        kind: 'FIRM_TO_CLIENT',
        firmId: member.firmId,
        status: 'PENDING',
        expiresAt: MoreThan(now),
        ...(platform ? { platform } : {}),
      },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    return rows.map((r) => toInvitation(r, now));
  }

  /**
   * SPEC F11: the firm requests a member sent that are still pending (a leaver's report), of the
   * reader's own firm only; the reader is checked by the shared F11 rule.
   */
  async pendingSentBy(viewer: Identity, memberId: string): Promise<Invitation[]> {
    const reader = requireLeaverReportReader(viewer);
    const now = this.clock.now();
    const rows = await this.db.manager.find(InvitationEntity, {
      where: { kind: 'FIRM_TO_CLIENT', firmId: reader.firmId, sentByRealm: 'firm', sentById: memberId, status: 'PENDING', expiresAt: MoreThan(now) },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    return rows.map((r) => toInvitation(r, now));
  }

  /** SPEC I4: the requests firms sent to the caller's company, in every state, newest first. */
  async receivedByMyCompany(viewer: Identity): Promise<Invitation[]> {
    const admin = requireInvitationAdmin(viewer, ANSWER_FORBIDDEN);
    const rows = await this.db.manager.find(InvitationEntity, {
      where: { kind: 'FIRM_TO_CLIENT', clientId: admin.clientId },
      order: { sentAt: 'DESC', id: 'ASC' },
    });
    const now = this.clock.now();
    return rows.map((r) => toInvitation(r, now));
  }

  /**
   * SPEC I4, I6: accept, with the permissions as edited (default: as requested). The conditional
   * update makes the request single-use even when two admins accept at once; the status change,
   * the `invitation.accepted` outbox row and the audit entries commit together. The clients
   * service then links the firm with these permissions and assigns the member who asked (C4).
   */
  async accept(viewer: Identity, invitationId: string, rawPermissions?: ClientGrantedPermission[] | null): Promise<Invitation> {
    const admin = requireInvitationAdmin(viewer, ANSWER_FORBIDDEN);
    const { permissions } = parseInput(answerInput, { permissions: rawPermissions });
    const now = this.clock.now();
    let superseded: InvitationEntity[] = [];
    const accepted = await this.db.transaction(async (em) => {
      const invitation = await this.answerable(em, admin, invitationId, now, 'accept');
      const granted = permissions ?? ((invitation.requestedPermissions ?? invitation.permissions) as ClientGrantedPermission[]);
      // A lost response: the admin who accepted, retrying the same answer, gets the same success (SPEC I6).
      const sameAnswer = (i: InvitationEntity) => isRetriedAcceptance(i, admin.clientAdminId) && sameSet(i.permissions, granted);
      if (invitation.status === 'ACCEPTED') {
        if (sameAnswer(invitation)) return invitation;
        throw alreadyAnswered();
      }
      await this.replicas.lockClient(em, invitation.clientId);
      await this.refuseIfLinked(em, invitation.clientId, invitation.firmId!, 'accept', now);
      // SPEC I6: single use, even when two admins accept at once.
      const consumed = await consumeInvitation(em, InvitationEntity, invitation.id, { status: 'ACCEPTED', acceptedAt: now, acceptedById: admin.clientAdminId, permissions: granted });
      if (!consumed.consumed) {
        if (consumed.current && sameAnswer(consumed.current)) return consumed.current;
        throw alreadyAnswered(consumed.current ?? undefined);
      }
      await this.replicas.claimLink(em, invitation.clientId, invitation.firmId!, invitation.id, now);
      // SPEC I3: every other firm's pending request (and the client's own invitation) ends as SUPERSEDED.
      superseded = await supersedeOtherInvitations(em, invitation, { realm: 'client', id: admin.clientAdminId }, now);
      const before = invitationSnapshot(invitation);
      await enqueueEvent(
        this.db,
        em,
        INVITATIONS_PRODUCER,
        invitationAccepted,
        {
          invitationId: invitation.id,
          kind: 'FIRM_TO_CLIENT',
          clientId: invitation.clientId,
          firmId: invitation.firmId!,
          acceptedBy: { realm: 'client', id: admin.clientAdminId },
          assignMemberId: invitation.sentById,
          permissions: granted,
          acceptedAt: now.toISOString(),
        },
        now,
      );
      Object.assign(invitation, { status: 'ACCEPTED' as const, acceptedAt: now, acceptedById: admin.clientAdminId, permissions: granted });
      await auditInvitationChange(em, {
        invitation,
        firmId: invitation.firmId,
        action: 'INVITATION_ACCEPTED',
        actor: { realm: 'client', id: admin.clientAdminId },
        before,
        after: invitationSnapshot(invitation),
        at: now,
      });
      return invitation;
    });
    await tellSuperseded(this.mailer, this.logger, superseded);
    return toInvitation(accepted, now);
  }

  /** SPEC I4: reject; nothing is linked and no event is sent. */
  async reject(viewer: Identity, invitationId: string): Promise<Invitation> {
    const admin = requireInvitationAdmin(viewer, ANSWER_FORBIDDEN);
    const now = this.clock.now();
    const rejected = await this.db.transaction(async (em) => {
      const invitation = await this.answerable(em, admin, invitationId, now);
      if (!(await consumeInvitation(em, InvitationEntity, invitation.id, { status: 'REJECTED', rejectedAt: now, rejectedById: admin.clientAdminId })).consumed) {
        throw alreadyAnswered();
      }
      const before = invitationSnapshot(invitation);
      Object.assign(invitation, { status: 'REJECTED' as const, rejectedAt: now, rejectedById: admin.clientAdminId });
      await auditInvitationChange(em, {
        invitation,
        firmId: invitation.firmId,
        action: 'INVITATION_REJECTED',
        actor: { realm: 'client', id: admin.clientAdminId },
        before,
        after: invitationSnapshot(invitation),
        at: now,
      });
      return invitation;
    });
    return toInvitation(rejected, now);
  }

  /**
   * The caller's company's request, still open. Another company's request is answered exactly
   * like one that does not exist.
   */
  private async answerable(em: EntityManager, admin: ClientAdminIdentity, invitationId: string, now: Date, answer?: 'accept'): Promise<InvitationEntity> {
    const invitation = await em.findOne(InvitationEntity, {
      where: { id: invitationId, kind: 'FIRM_TO_CLIENT', clientId: admin.clientId },
    });
    if (!invitation) throw notFound('This request');
    if (answer === 'accept' && isRetriedAcceptance(invitation, admin.clientAdminId)) return invitation;
    // SPEC I6: an answered or expired request cannot be answered again.
    checkInvitationUsable(invitation, now, { expired: 'This request has expired. The firm can send a new one.', closed: alreadyAnswered });
    return invitation;
  }

  /** SPEC I2, C2: one accountant firm per client at a time. */
  private async refuseIfLinked(em: EntityManager, clientId: string, firmId: string, what: 'request' | 'accept', now: Date): Promise<void> {
    const link = await this.replicas.linkOf(em, clientId, now);
    if (!link) return;
    if (link.firmId === firmId) {
      throw new DomainError(
        InvitationErrorCode.ClientAlreadyHasFirm,
        what === 'request' ? 'Your firm is already linked to this client.' : 'This firm is already linked to your company.',
      );
    }
    throw new DomainError(
      InvitationErrorCode.ClientAlreadyHasFirm,
      what === 'request'
        ? 'This client already has an accountant firm. A client can have only one accountant firm at a time.'
        : 'Your company already has an accountant firm. End that link before accepting another firm.',
    );
  }

  /**
   * SPEC I3: one pending request per firm and client. Other firms' requests and the client's own
   * invitation do not block it (G7: no firm can lock a client by asking first); the client's
   * acceptance of any of them supersedes the rest.
   */
  private async refuseIfPending(em: EntityManager, clientId: string, firmId: string, now: Date): Promise<void> {
    const ours = (await em.find(InvitationEntity, { where: { clientId, firmId, kind: 'FIRM_TO_CLIENT', status: 'PENDING' } }))
      .filter((p) => !isInvitationExpired(p, now));
    if (ours.length === 0) return;
    throw new DomainError(
      InvitationErrorCode.FirmInvitationPending,
      'Your firm has already asked this client for access; the request is waiting for the client.',
    );
  }

  private requestSummary(invitation: InvitationEntity, clientName: string): string {
    const firmDomain = emailDomain(invitation.accountantEmail);
    const asked = (invitation.permissions as ClientGrantedPermission[]).map((p) => PERMISSION_LABELS[p]).join(', ');
    return [
      `${invitation.accountantEmail} at the accounting firm ${firmDomain} asks to manage ${clientName} on Advisor Dashboard.`,
      `Requested permissions: ${asked}.`,
      `You can change the permissions before you accept, or reject the request. It expires on ${invitation.expiresAt.toUTCString()}.`,
    ].join(' ');
  }

  private async sendRequestEmail(invitation: InvitationEntity, clientName: string, admin: DirectoryAdmin): Promise<void> {
    const link = `${this.appUrl.replace(/\/$/, '')}/requests/${encodeURIComponent(invitation.id)}`;
    try {
      await this.mailer.send({
        to: admin.email,
        template: 'firm-requests-access',
        subject: `An accounting firm asks for access to ${clientName}`,
        text: [
          `Hello ${admin.firstName},`,
          '',
          this.requestSummary(invitation, clientName),
          '',
          `Review the request (sign in to your account first): ${link}`,
        ].join('\n'),
      });
    } catch (err) {
      // The request stands: it is listed for the client admins and notified in the product.
      this.logger.error({ err, invitationId: invitation.id, clientAdminId: admin.id }, 'could not send the firm request email');
    }
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((p) => b.includes(p));

const alreadyAnswered = (invitation?: Pick<InvitationEntity, 'status'>) =>
  invitationAlreadyUsed(
    invitation?.status === 'SUPERSEDED'
      ? 'This request no longer stands: your company accepted another accounting firm.'
      : 'This request has already been accepted or rejected.',
  );
