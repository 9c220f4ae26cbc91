import type { Identity } from '@advisor/kit';
import { seesAllFirmClients } from '@advisor/rules';
import type { FeedEvent } from './feed';

/** Asks the clients subgraph, as the subscriber, whether they may see the client now (SPEC C6). */
export type ClientVisibilityCheck = (clientId: string) => Promise<boolean>;

/**
 * SPEC G2, C6: whether a subscriber may receive an event, decided before anything of it is
 * resolved. What the event itself says settles most cases without a call: another firm's event
 * never passes (no event crosses a tenant); a client admin gets only their own company's events;
 * the member an assignment or an acceptance is about gets it; members who see all of their
 * firm's clients get every event naming their firm. An ended link reaches only those (its
 * assigned members learn of it by their own `assignmentChanged` UNASSIGNED, since every
 * assignment ends with the link). Everything else, and every event that names no firm (the
 * payroll ones), is decided by the clients service, which owns links and assignments: the
 * subscriber's `clientCompany(id)` through the gateway, cached per subscriber until a link or
 * assignment of that client changes.
 */
export async function mayReceive(identity: Identity, event: FeedEvent, isVisible: ClientVisibilityCheck): Promise<boolean> {
  const { scope, field } = event;
  if (identity.realm === 'anonymous') return false;
  if (identity.realm === 'client') return identity.clientId === scope.clientId;
  // Firm members and (SPEC G6) any firm-bound caller the gateway authenticates.
  const firmId = (identity as { firmId?: string }).firmId;
  if (!firmId) return false;
  if (scope.firmId !== undefined && scope.firmId !== firmId) return false;
  const member = identity.realm === 'firm' ? identity : undefined;
  const seesAll = member ? seesAllFirmClients(member) : true;
  if (field === 'clientUnlinked') return seesAll;
  if (scope.firmId !== undefined) {
    if (seesAll) return true;
    if (member && scope.memberId === member.memberId) return true;
  }
  return isVisible(scope.clientId);
}
