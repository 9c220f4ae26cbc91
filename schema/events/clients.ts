import { z } from 'zod';
import { defineEvent } from '@advisor/kit';
import { clientGrantedPermissionSchema } from './permissions';

/** A firm became the linked accountant firm of a client company (SPEC C2). */
export const clientLinked = defineEvent({
  name: 'client.linked',
  version: 1,
  producer: 'clients',
  payload: z.object({
    linkId: z.string().uuid(),
    clientId: z.string().uuid(),
    firmId: z.string().uuid(),
    permissions: z.array(clientGrantedPermissionSchema),
    linkedAt: z.string().datetime({ offset: true }),
    /** The invitation whose acceptance created the link, when there was one. */
    invitationId: z.string().uuid().nullable(),
  }),
  keyOf: (p) => p.clientId,
});

const clientAdminSnapshot = z.object({
  id: z.string().uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().email(),
  permissions: z.array(z.string()),
});

/**
 * A client company as the platforms know it, with its admins (SPEC C1): sent when it is
 * registered and whenever it or its admins change. `invitations` keeps a copy to match firm
 * invitations by FEIN and platform and to reach the admins who may answer them (SPEC I3).
 */
export const clientCompanyChanged = defineEvent({
  name: 'client-company.changed',
  version: 1,
  producer: 'clients',
  payload: z.object({
    clientId: z.string().uuid(),
    businessName: z.string(),
    fein: z.string().regex(/^\d{2}-\d{7}$/),
    platform: z.enum(['PEO', 'PAYROLL']),
    status: z.enum(['ENROLLING', 'ACTIVE']),
    admins: z.array(clientAdminSnapshot),
    changedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/** The client ended its link with its firm (SPEC C2); every assignment ended with it. */
export const clientUnlinked = defineEvent({
  name: 'client.unlinked',
  version: 1,
  producer: 'clients',
  payload: z.object({
    linkId: z.string().uuid(),
    clientId: z.string().uuid(),
    firmId: z.string().uuid(),
    endedBy: z.object({ realm: z.enum(['firm', 'client']), id: z.string().uuid() }),
    unlinkedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/** The client changed what its firm may do (SPEC C2); effective permissions narrow at once (C3). */
export const clientLinkPermissionsChanged = defineEvent({
  name: 'client-link.permissions-changed',
  version: 1,
  producer: 'clients',
  payload: z.object({
    linkId: z.string().uuid(),
    clientId: z.string().uuid(),
    firmId: z.string().uuid(),
    before: z.array(clientGrantedPermissionSchema),
    after: z.array(clientGrantedPermissionSchema),
    changedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/** An assignment was created, changed or ended (SPEC C3, C5, C12; G2 "assignment changed"). */
export const assignmentChanged = defineEvent({
  name: 'assignment.changed',
  version: 1,
  producer: 'clients',
  payload: z.object({
    assignmentId: z.string().uuid(),
    clientId: z.string().uuid(),
    firmId: z.string().uuid(),
    memberId: z.string().uuid(),
    change: z.enum(['ASSIGNED', 'UPDATED', 'UNASSIGNED']),
    role: z.enum(['RESPONSIBLE', 'COLLABORATOR']).nullable(),
    permissions: z.array(clientGrantedPermissionSchema),
    changedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/**
 * A client admin logged out (SPEC G7): the gateway refuses the session's access tokens from then
 * on, like a firm member's (`member.access-changed`). Client admin sessions live only in their
 * tokens, so this event is the session's end.
 */
export const clientAdminSessionEnded = defineEvent({
  name: 'client-admin.session-ended',
  version: 1,
  producer: 'clients',
  payload: z.object({
    clientAdminId: z.string().uuid(),
    clientId: z.string().uuid(),
    /** The access tokens' `jti`. */
    sessionId: z.string().uuid(),
    endedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/**
 * The platform removed a client admin or changed their permissions (SPEC C1): a client admin's
 * access token carries their permissions, so the gateway refuses the tokens issued before
 * `changedAt` (`REMOVED`: sign in again is impossible; `PERMISSIONS_CHANGED`: sign in again to get
 * the new ones), as `member.access-changed` does for firm members.
 */
export const clientAdminAccessChanged = defineEvent({
  name: 'client-admin.access-changed',
  version: 1,
  producer: 'clients',
  payload: z.object({
    clientAdminId: z.string().uuid(),
    clientId: z.string().uuid(),
    reason: z.enum(['REMOVED', 'PERMISSIONS_CHANGED']),
    changedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/**
 * Clients were put in, or taken out of, one of a firm's client groups (SPEC C10), or the group
 * was deleted (REMOVED with every client it had). Keyed by group, so one group's changes arrive
 * in order; consumers keep the newest word per group and client (payroll-sync filters its key
 * figures and reports by group, SPEC P4, P5).
 */
export const clientGroupMembershipChanged = defineEvent({
  name: 'client-group.membership-changed',
  version: 1,
  producer: 'clients',
  payload: z.object({
    groupId: z.string().uuid(),
    firmId: z.string().uuid(),
    change: z.enum(['ADDED', 'REMOVED']),
    clientIds: z.array(z.string().uuid()).max(10_000),
    changedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.groupId,
});
