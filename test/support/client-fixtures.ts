import type { TestSystem } from './test-system';
import { eventually } from './test-system';
import type { SignedUpFirm } from './fixtures';

let feinSeq = 3000000;
/** A fresh, valid, unused FEIN (prefix 45: an IRS-assigned campus prefix). */
export const nextFein = () => `45-${String(feinSeq++).padStart(7, '0')}`;

export const ADD_PAYROLL_CLIENT = `mutation($input: AddPayrollClientInput!) {
  addPayrollClient(input: $input) { id businessName status platform onboarding { step completedAt } }
}`;

/** SPEC C8 through the gateway: a new Payroll client, linked to the firm, enrolling. */
export async function addPayrollClient(system: TestSystem, token: string, businessName = `New Co ${feinSeq}`): Promise<string> {
  const res = await system.gql(ADD_PAYROLL_CLIENT, { input: { businessName, fein: nextFein() } }, token);
  if (res.errors) throw new Error(`addPayrollClient failed: ${JSON.stringify(res.errors)}`);
  return res.data.addPayrollClient.id;
}

export const ASSIGN = `mutation($input: AssignMemberInput!) {
  assignMember(input: $input) { role permissions effectivePermissions member { id } client { id } }
}`;

/** Assigns once the clients service knows the member (its roster arrives by `member.joined`). */
export async function assignWhenKnown(
  system: TestSystem,
  firm: SignedUpFirm,
  input: { clientId: string; memberId: string; permissions: string[]; role?: string },
) {
  return eventually(async () => {
    const res = await system.gql(ASSIGN, { input }, firm.token);
    if (res.errors?.[0]?.extensions?.code === 'NOT_A_FIRM_MEMBER') return undefined;
    return res;
  }, 15_000, 'the member to reach the clients roster');
}
