import type { ClientGrantedPermission } from '@advisor/schema';
import type { InvitationEntity } from '../db/entities/invitation.entity';

export const INVITATION_TTL_DAYS = 7;

export interface Invitation {
  id: string;
  kind: 'CLIENT_TO_FIRM' | 'FIRM_TO_CLIENT';
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED';
  clientId: string;
  firmId: string | null;
  accountantName: string;
  accountantEmail: string;
  permissions: ClientGrantedPermission[];
  sentAt: Date;
  expiresAt: Date;
  acknowledgedAt: Date;
  acceptedAt: Date | null;
}

/** SPEC I6: a pending invitation past its expiry is EXPIRED, whatever the row says. */
export function toInvitation(e: InvitationEntity, now: Date): Invitation {
  const expired = e.status === 'PENDING' && e.expiresAt.getTime() <= now.getTime();
  return {
    id: e.id,
    kind: e.kind,
    status: expired ? 'EXPIRED' : e.status,
    clientId: e.clientId,
    firmId: e.firmId,
    accountantName: e.accountantName,
    accountantEmail: e.accountantEmail,
    permissions: e.permissions as ClientGrantedPermission[],
    sentAt: e.sentAt,
    expiresAt: e.expiresAt,
    acknowledgedAt: e.acknowledgedAt,
    acceptedAt: e.acceptedAt,
  };
}
