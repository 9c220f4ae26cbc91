import { handleEvent } from '@advisor/kit';
import { accountantInvited } from '@advisor/schema';
import { SignUpProofEntity } from '../db/entities/sign-up-proof.entity';

/**
 * SPEC I5, F3: a client invited this address; a firm signed up by it from that invitation's link
 * is verified at once. Idempotent: a redelivered event finds its proof and changes nothing.
 */
export const signUpProofHandler = handleEvent(accountantInvited, async (em, event) => {
  if (await em.exists(SignUpProofEntity, { where: { proofHash: event.signUpProof } })) return;
  await em.insert(SignUpProofEntity, {
    proofHash: event.signUpProof,
    invitationId: event.invitationId,
    email: event.accountantEmail.toLowerCase(),
    expiresAt: new Date(event.expiresAt),
    usedAt: null,
  });
});
