/** What needs the firm's attention on the home dashboard, most urgent first. */
export interface AttentionItem {
  key: string;
  text: string;
  to: string;
  action: string;
}

export interface AttentionInput {
  expiredInvitations: Array<{ id: string; firstName: string; lastName: string }>;
  enrollingClients: Array<{ id: string; businessName: string; onboarding: Array<{ completedAt?: string | null }> }>;
  unassignedClients: Array<{ id: string; businessName: string }>;
  /** How many clients there are of each kind (`totalCount`), when only the first page of them is listed. */
  totals?: { enrolling?: number; unassigned?: number };
  pendingRequests: Array<{ id: string; businessName?: string | null; expiresAt: string }>;
  /** SPEC P2, P3: clients with timecards to approve or hours that did not reach payroll (payrollAttention). */
  payroll?: Array<{ draftsDue: Array<{ overdue: boolean }> }>;
  now?: Date;
}

const DAY = 24 * 60 * 60 * 1000;

export function attentionItems(input: AttentionInput): AttentionItem[] {
  const now = (input.now ?? new Date()).getTime();
  const items: AttentionItem[] = [];
  const payroll = input.payroll ?? [];
  if (payroll.length) {
    const overdue = payroll.filter((c) => c.draftsDue.some((d) => d.overdue)).length;
    items.push({
      key: 'payroll',
      text: `${payroll.length} client${payroll.length === 1 ? ' needs' : 's need'} payroll attention${overdue ? ` (${overdue} with timecards past their deadline)` : ''}: timecards to approve or hours that did not reach payroll.`,
      to: '/payroll',
      action: 'Open payroll',
    });
  }
  for (const i of input.expiredInvitations) {
    items.push({ key: `inv-${i.id}`, text: `${i.firstName} ${i.lastName}'s team invitation expired.`, to: '/firm', action: 'Resend invite' });
  }
  for (const c of input.unassignedClients) {
    items.push({ key: `un-${c.id}`, text: `Nobody at your firm is assigned to ${c.businessName}.`, to: `/clients/view/${c.id}`, action: 'Assign firm member' });
  }
  const moreUnassigned = (input.totals?.unassigned ?? 0) - input.unassignedClients.length;
  if (moreUnassigned > 0) {
    items.push({ key: 'un-more', text: `Nobody is assigned to ${moreUnassigned} more client${moreUnassigned === 1 ? '' : 's'}.`, to: '/access', action: 'Open access list' });
  }
  for (const r of input.pendingRequests) {
    const left = Math.ceil((Date.parse(r.expiresAt) - now) / DAY);
    if (left <= 2) {
      items.push({
        key: `req-${r.id}`,
        text: `Your request to ${r.businessName ?? 'a client'} expires ${left <= 0 ? 'today' : `in ${left} day${left === 1 ? '' : 's'}`}; the client has not answered.`,
        to: '/clients/payroll?tab=requested',
        action: 'View requests',
      });
    }
  }
  for (const c of input.enrollingClients) {
    const done = c.onboarding.filter((s) => s.completedAt).length;
    items.push({
      key: `enr-${c.id}`,
      text: `${c.businessName} is enrolling: ${done} of ${c.onboarding.length} onboarding steps done.`,
      to: `/clients/view/${c.id}`,
      action: 'Continue onboarding',
    });
  }
  const moreEnrolling = (input.totals?.enrolling ?? 0) - input.enrollingClients.length;
  if (moreEnrolling > 0) {
    items.push({ key: 'enr-more', text: `${moreEnrolling} more client${moreEnrolling === 1 ? ' is' : 's are'} enrolling.`, to: '/clients/payroll?tab=enrolling', action: 'Open Enrolling' });
  }
  return items;
}
