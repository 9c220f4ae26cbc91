import { handleEvent } from '@advisor/kit';
import { invitationAccepted } from '@advisor/schema';
import type { ClientsDomain } from '../../domain';

/** SPEC C4: whoever accepted a client's invitation is linked and assigned. */
export const invitationAcceptedHandler = (domain: ClientsDomain) =>
  handleEvent(invitationAccepted, (em, payload) => domain.links.applyInvitationAccepted(em, payload));
