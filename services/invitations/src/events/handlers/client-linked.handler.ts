import { handleEvent } from '@advisor/kit';
import { clientLinked } from '@advisor/schema';
import type { InvitationsDomain } from '../../domain';

/** SPEC I2, C2: a linked client takes no new firm invitation. */
export const clientLinkedHandler = (domain: InvitationsDomain) =>
  handleEvent(clientLinked, (em, payload) => domain.replicas.applyClientLinked(em, payload));
