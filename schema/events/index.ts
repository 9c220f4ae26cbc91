export * from './contract';
export * from './permissions';
export { invitationAccepted } from './invitations';
export { clientLinked } from './clients';

import { invitationAccepted } from './invitations';
import { clientLinked } from './clients';

/** Every contract, so the broker's topics can be created before anyone subscribes. */
export const ALL_EVENTS = [invitationAccepted, clientLinked] as const;
