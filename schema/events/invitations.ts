import { z } from 'zod';
import { defineEvent } from '@advisor/kit';
import { clientGrantedPermissionSchema } from './permissions';

/**
 * A client → firm invitation was accepted by a firm member (SPEC I5). `clients` links the firm
 * to the client with `permissions` and assigns the accepting member (SPEC C4).
 * Keyed by client id: every event about one client company stays in order.
 */
export const invitationAccepted = defineEvent({
  name: 'invitation.accepted',
  version: 1,
  producer: 'invitations',
  payload: z.object({
    invitationId: z.string().uuid(),
    kind: z.enum(['CLIENT_TO_FIRM', 'FIRM_TO_CLIENT']),
    clientId: z.string().uuid(),
    firmId: z.string().uuid(),
    acceptedBy: z.object({
      realm: z.enum(['firm', 'client']),
      id: z.string().uuid(),
    }),
    /** Member to assign to the client automatically (SPEC C4); present for CLIENT_TO_FIRM. */
    assignMemberId: z.string().uuid().nullable(),
    permissions: z.array(clientGrantedPermissionSchema).min(1),
    acceptedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/**
 * A client invited an accountant by email (SPEC I1). `firms` keeps the sign-up proof so that a
 * firm signed up from this invitation's link by the invitee (SPEC I5) counts as verified: the
 * invitee has shown they read mail at that address (SPEC F3). The proof is a hash derived from
 * the invitation's secret under its own label (`signUpProofOf` in @advisor/rules): it is neither
 * the secret nor its stored hash, so it cannot accept the invitation.
 */
export const accountantInvited = defineEvent({
  name: 'accountant.invited',
  version: 1,
  producer: 'invitations',
  payload: z.object({
    invitationId: z.string().uuid(),
    clientId: z.string().uuid(),
    /** Lower-case. */
    accountantEmail: z.string().email(),
    signUpProof: z.string().regex(/^[0-9a-f]{64}$/),
    expiresAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});
