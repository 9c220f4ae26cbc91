import { Not, type EntityManager } from 'typeorm';
import type { Logger, Mailer } from '@advisor/kit';
import { isInvitationExpired } from '@advisor/rules';
import { InvitationEntity } from '../db/entities/invitation.entity';
import { auditInvitationChange, invitationSnapshot } from './invitation-audit.service';

/**
 * SPEC I3, I2 (G7 abuse resistance): no firm can lock a client by asking first. Several firms may
 * have pending requests for one client (and the client its own invitation beside them); the
 * moment the client accepts one, every other open invitation of that client ends as
 * `SUPERSEDED`, in the acceptance's transaction, on both trails (G4). The firms are told by
 * email once it has committed (`tellSuperseded`).
 */
export async function supersedeOtherInvitations(
  em: EntityManager,
  accepted: Pick<InvitationEntity, 'id' | 'clientId'>,
  actor: { realm: 'firm' | 'client'; id: string },
  now: Date,
): Promise<InvitationEntity[]> {
  const open = (await em.find(InvitationEntity, { where: { clientId: accepted.clientId, status: 'PENDING', id: Not(accepted.id) } }))
    .filter((i) => !isInvitationExpired(i, now));
  const superseded: InvitationEntity[] = [];
  for (const invitation of open) {
    const changed = await em.update(InvitationEntity, { id: invitation.id, status: 'PENDING' }, { status: 'SUPERSEDED' });
    if (changed.affected !== 1) continue;
    const before = invitationSnapshot(invitation);
    invitation.status = 'SUPERSEDED';
    await auditInvitationChange(em, {
      invitation,
      firmId: invitation.firmId,
      action: 'INVITATION_SUPERSEDED',
      actor,
      before,
      after: { ...invitationSnapshot(invitation), supersededBy: accepted.id },
      at: now,
    });
    superseded.push(invitation);
  }
  return superseded;
}

/** SPEC I3: the firm (or accountant) whose invitation was superseded learns it by email. */
export async function tellSuperseded(mailer: Mailer, logger: Logger, superseded: InvitationEntity[], clientName?: string): Promise<void> {
  for (const invitation of superseded) {
    const about = invitation.kind === 'FIRM_TO_CLIENT'
      ? `Your firm's request for access to ${invitation.businessName ?? clientName ?? 'a client company'}`
      : 'The client invitation you received';
    try {
      await mailer.send({
        to: invitation.accountantEmail,
        template: 'invitation-superseded',
        subject: 'The client chose another accounting firm',
        text: [
          `Hello ${invitation.accountantName},`,
          '',
          `${about} on Advisor Dashboard no longer stands: the client accepted another accounting firm.`,
          'Nothing more is needed from you. If you think this is a mistake, contact the client directly.',
        ].join('\n'),
      });
    } catch (err) {
      logger.error({ err, invitationId: invitation.id }, 'could not send the superseded-invitation email');
    }
  }
}
