import { z } from 'zod';
import { defineEvent } from '@advisor/kit';

/**
 * SPEC F7: a firm member was deactivated. `clients` ends all their assignments; the gateway
 * stops accepting their access tokens. Keyed by member.
 */
export const memberDeactivated = defineEvent({
  name: 'member.deactivated',
  version: 1,
  producer: 'firms',
  payload: z.object({
    memberId: z.string().uuid(),
    firmId: z.string().uuid(),
    deactivatedBy: z.string().uuid(),
    deactivatedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.memberId,
});

/**
 * A member's access tokens issued before `changedAt` no longer hold: their role or permissions
 * changed (they refresh to get a token with the new ones), they were deactivated, or, with a
 * `sessionId`, that one session ended (log-out). SPEC G6: a revoked service account's tokens end
 * the same way (`memberId` is then the service account's id). The gateway consumes it.
 */
export const memberAccessChanged = defineEvent({
  name: 'member.access-changed',
  version: 1,
  producer: 'firms',
  payload: z.object({
    memberId: z.string().uuid(),
    firmId: z.string().uuid(),
    /**
     * SPEC F9: TWO_FACTOR_REQUIRED (the firm now requires it and the member has none),
     * TWO_FACTOR_RESET (an ADMIN reset their second factor); SPEC F10: SERVICE_ACCOUNT_EXPIRED
     * (a service account's end date passed). Every reason but ROLE_OR_PERMISSIONS_CHANGED ends sessions.
     */
    reason: z.enum(['ROLE_OR_PERMISSIONS_CHANGED', 'DEACTIVATED', 'LOGGED_OUT', 'SERVICE_ACCOUNT_REVOKED', 'TWO_FACTOR_REQUIRED', 'TWO_FACTOR_RESET', 'SERVICE_ACCOUNT_EXPIRED']),
    /** Only this session ended; absent: every token of the member issued before `changedAt`. */
    sessionId: z.string().uuid().nullable(),
    changedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.memberId,
});

/**
 * A person became a member of a firm: its founder at sign-up, or an invitee who accepted
 * (SPEC F1, F5). `clients` keeps the firm's roster from it, to assign only real members.
 */
export const memberJoined = defineEvent({
  name: 'member.joined',
  version: 1,
  producer: 'firms',
  payload: z.object({
    memberId: z.string().uuid(),
    firmId: z.string().uuid(),
    firstName: z.string(),
    lastName: z.string(),
    workEmail: z.string().email(),
    joinedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.memberId,
});

/**
 * A firm's name as its members and clients see it (SPEC F1), announced when the firm is created
 * and whenever `updateFirm` changes it. `clients` keeps the name beside its roster copy, so the
 * firm's client list shows it without asking firms (issue 13). Keyed by firm: renames stay in order.
 */
export const firmRenamed = defineEvent({
  name: 'firm.renamed',
  version: 1,
  producer: 'firms',
  payload: z.object({
    firmId: z.string().uuid(),
    name: z.string().min(1),
    renamedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.firmId,
});
