import { handleEvent } from '@advisor/kit';
import { memberDeactivated } from '@advisor/schema';
import type { ClientsDomain } from '../../domain';

/** SPEC F7: deactivating a member ends all their client assignments; they leave the roster. */
export const memberDeactivatedHandler = (domain: ClientsDomain) =>
  handleEvent(memberDeactivated, async (em, payload) => {
    await domain.roster.applyDeactivated(em, payload);
    await domain.assignments.endAllOfMember(em, payload);
  });
