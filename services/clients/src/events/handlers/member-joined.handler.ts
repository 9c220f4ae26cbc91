import { handleEvent } from '@advisor/kit';
import { memberJoined } from '@advisor/schema';
import type { ClientsDomain } from '../../domain';

/** Only real, active members of a firm can be assigned to its clients (SPEC C3). */
export const memberJoinedHandler = (domain: ClientsDomain) =>
  handleEvent(memberJoined, (em, payload) => domain.roster.applyJoined(em, payload));
