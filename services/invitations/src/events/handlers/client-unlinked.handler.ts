import { handleEvent } from '@advisor/kit';
import { clientUnlinked } from '@advisor/schema';
import type { InvitationsDomain } from '../../domain';

/** SPEC C2: once the link ends, the client may invite (or be asked by) a firm again. */
export const clientUnlinkedHandler = (domain: InvitationsDomain) =>
  handleEvent(clientUnlinked, (em, payload) => domain.replicas.applyClientUnlinked(em, payload));
