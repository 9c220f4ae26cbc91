import { invitationStatusAt } from '@advisor/rules';
import type { ClientGrantedPermission } from '@advisor/schema';
import type { InvitationEntity } from '../db/entities/invitation.entity';
import type { NotificationEntity } from '../db/entities/notification.entity';

export type Platform = 'PEO' | 'PAYROLL';

export interface Invitation {
  id: string;
  kind: 'CLIENT_TO_FIRM' | 'FIRM_TO_CLIENT';
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED' | 'SUPERSEDED' | 'EXPIRED';
  clientId: string;
  firmId: string | null;
  accountantName: string;
  accountantEmail: string;
  permissions: ClientGrantedPermission[];
  sentAt: Date;
  expiresAt: Date;
  acknowledgedAt: Date;
  acceptedAt: Date | null;
  /** SPEC I3 (firm → client): what the firm typed, and whether it matched the directory. */
  businessName: string | null;
  businessNameMatches: boolean | null;
  platform: Platform | null;
  /** SPEC I4 (firm → client): what the firm asked for, before the client admin's edits. */
  requestedPermissions: ClientGrantedPermission[] | null;
  /** The firm member who sent a firm → client request. */
  requestedById: string | null;
  rejectedAt: Date | null;
}

export function toInvitation(e: InvitationEntity, now: Date): Invitation {
  return {
    id: e.id,
    kind: e.kind,
    // SPEC I6: a pending invitation past its 7 days reads EXPIRED.
    status: invitationStatusAt(e, now),
    clientId: e.clientId,
    firmId: e.firmId,
    accountantName: e.accountantName,
    accountantEmail: e.accountantEmail,
    permissions: e.permissions as ClientGrantedPermission[],
    sentAt: e.sentAt,
    expiresAt: e.expiresAt,
    acknowledgedAt: e.acknowledgedAt,
    acceptedAt: e.acceptedAt,
    businessName: e.businessName ?? null,
    businessNameMatches: e.businessNameMatches ?? null,
    platform: e.platform ?? null,
    requestedPermissions: (e.requestedPermissions ?? null) as ClientGrantedPermission[] | null,
    requestedById: e.kind === 'FIRM_TO_CLIENT' ? e.sentById : null,
    rejectedAt: e.rejectedAt ?? null,
  };
}

/** SPEC I7: an in-product notification, with the invitation it is about when the reader may see it. */
export interface Notification {
  id: string;
  kind: NotificationEntity['kind'];
  title: string;
  body: string;
  invitation: Invitation | null;
  createdAt: Date;
  readAt: Date | null;
}

export function toNotification(n: NotificationEntity, invitation: Invitation | null): Notification {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    invitation,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}

/** Words a client admin reads in an email or a notification, for each permission code (SPEC C2). */
export const PERMISSION_LABELS: Record<ClientGrantedPermission, string> = {
  VIEW_COMPANY: 'View company information',
  MANAGE_EMPLOYEES: 'Manage employees',
  VIEW_PAYROLL: 'View payroll',
  RUN_PAYROLL: 'Run payroll',
  APPROVE_TIMECARDS: 'Approve timecards',
  VIEW_REPORTS: 'View reports',
  VIEW_TAX_DOCUMENTS: 'View tax documents',
};
