export * from './contract';
export * from './permissions';
export { invitationAccepted } from './invitations';
export { clientLinked } from './clients';
export { memberDeactivated, memberAccessChanged } from './firms';

import { invitationAccepted } from './invitations';
import { clientLinked } from './clients';
import { memberAccessChanged, memberDeactivated } from './firms';

/** Every contract, so the broker's topics can be created before anyone subscribes. */
export const ALL_EVENTS = [invitationAccepted, clientLinked, memberDeactivated, memberAccessChanged] as const;
