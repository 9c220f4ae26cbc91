export { defineEvent, eventEnvelopeSchema, type EventContract, type EventEnvelope, type PayloadOf } from '@advisor/kit';
export * from './permissions';
export { invitationAccepted, accountantInvited } from './invitations';
export { clientLinked, clientUnlinked, clientLinkPermissionsChanged, clientCompanyChanged, assignmentChanged, clientAdminSessionEnded, clientAdminAccessChanged, clientGroupMembershipChanged } from './clients';
export { memberDeactivated, memberAccessChanged, memberJoined, firmRenamed } from './firms';
export { payrollRunCompleted, timecardsSynced, syncFailed, taxCardFetchFinished } from './payroll';

import { accountantInvited, invitationAccepted } from './invitations';
import { assignmentChanged, clientAdminAccessChanged, clientAdminSessionEnded, clientCompanyChanged, clientGroupMembershipChanged, clientLinked, clientLinkPermissionsChanged, clientUnlinked } from './clients';
import { firmRenamed, memberAccessChanged, memberDeactivated, memberJoined } from './firms';
import { payrollRunCompleted, syncFailed, taxCardFetchFinished, timecardsSynced } from './payroll';

/** Every contract, so the broker's topics can be created before anyone subscribes. */
export const ALL_EVENTS = [
  invitationAccepted,
  accountantInvited,
  clientLinked,
  clientUnlinked,
  clientLinkPermissionsChanged,
  clientCompanyChanged,
  assignmentChanged,
  clientGroupMembershipChanged,
  memberJoined,
  firmRenamed,
  memberDeactivated,
  memberAccessChanged,
  clientAdminSessionEnded,
  clientAdminAccessChanged,
  payrollRunCompleted,
  timecardsSynced,
  syncFailed,
  taxCardFetchFinished,
] as const;
