import { handleEvent } from '@advisor/kit';
import { memberDeactivated } from '@advisor/schema';
import type { ClientsDomain } from '../../domain';

/** SPEC F7: deactivating a member ends all their client assignments. */
export const memberDeactivatedHandler = (domain: ClientsDomain) =>
  handleEvent(memberDeactivated, (em, payload) => domain.assignments.endAllOfMember(em, payload));
