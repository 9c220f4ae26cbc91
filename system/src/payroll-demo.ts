import type { Logger } from '@advisor/kit';
import type { RunningSystem } from './system';
import { gatewayRequest, registerClientAsPlatform } from './demo-data';

export const PAYROLL_DEMO = {
  client: 'Harbor Coffee',
  clientAdmin: { email: 'owner@harborcoffee.example', password: 'harbor-coffee-demo-2026' },
} as const;

/** SPEC P6 demo: two more clients of the demo firm at the tax authority; Dockside Deli's first fetch fails. */
export const TAX_DEMO = {
  pier: { name: 'Pier Bakery', fein: '27-2345678' },
  deli: { name: 'Dockside Deli', fein: '27-3456789' },
} as const;

const DAY_MS = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Monday of this week in New York (the demo company's time zone). */
function thisMonday(): number {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const t = Date.parse(`${today}T00:00:00Z`);
  return t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;
}
/** A shift from 9:00 New York time (14:00Z in winter, 13:00Z in summer). */
function shiftOn(day: number, hours: number): { start: string; end: string } {
  const date = isoDate(day);
  const noonInNy = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(new Date(`${date}T12:00:00Z`)));
  const start = Date.parse(`${date}T00:00:00Z`) + (9 + 12 - noonInNy) * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + hours * 3_600_000).toISOString() };
}

async function sim<T = any>(base: string, method: string, path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`time-tracking simulator: ${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function taxSim<T = any>(base: string, method: string, path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`tax-authority simulator: ${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * SPEC P demo: *Harbor Coffee*, linked to the demo firm with Pat assigned, its time tracking (the
 * simulator, its own process) connected, four workers (one without a pay rate) and two weeks of
 * shifts, most approved. One sync failed (time tracking answered 503 once), one shift is SEND
 * (its receipt was not confirmed) and one ERROR (no pay rate): every status shows. The first
 * week's timecards are approved, the second's are drafts; running payroll is left to the reader.
 */
export async function seedPayrollDemo(
  system: RunningSystem,
  logger: Logger,
  timeTrackingAdminUrl: string,
  firm: { memberId: string; firmId: string; username: string; password: string },
  taxAuthorityAdminUrl?: string,
): Promise<void> {
  const gql = async <T = any>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await gatewayRequest<T>(system.gatewayUrl, query, variables, token);
    if (res.errors) throw new Error(`payroll demo: ${JSON.stringify(res.errors)}`);
    return res.data as T;
  };
  const payroll = system.services.payrollSync.domain;
  // The demo drives each step itself; the scheduler resumes afterwards.
  await payroll.scheduler.stop();
  const pat = (await gql(`mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`, { u: firm.username, p: firm.password })).logIn.accessToken;
  /**
   * Through the gateway as people do it (SPEC I3, I4, C4): Pat asks for the company by FEIN (once
   * the invitations service knows it from client-company.changed), its admin accepts with every
   * permission; Pat is linked and assigned.
   */
  const linkByRequest = async (businessName: string, fein: string, admin: { email: string; password: string }) => {
    let requestId: string | undefined;
    for (let i = 0; i < 200 && !requestId; i++) {
      const res = await gatewayRequest(
        system.gatewayUrl,
        `mutation($i: RequestClientAccessInput!) { requestClientAccess(input: $i) { id } }`,
        { i: { businessName, fein, platform: 'PAYROLL', permissions: ['VIEW_COMPANY', 'MANAGE_EMPLOYEES', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'VIEW_REPORTS', 'VIEW_TAX_DOCUMENTS'] } },
        pat,
      );
      if (res.data?.requestClientAccess) requestId = res.data.requestClientAccess.id;
      else if (res.errors?.[0]?.extensions?.code !== 'CLIENT_NOT_FOUND_ON_PLATFORM') throw new Error(`payroll demo: ${JSON.stringify(res.errors)}`);
      else await new Promise((r) => setTimeout(r, 50));
    }
    if (!requestId) throw new Error(`payroll demo: the invitations service never learned of ${businessName}`);
    const owner = (await gql(`mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { accessToken } }`, { e: admin.email, p: admin.password })).logInClientAdmin.accessToken;
    await gql(`mutation($id: ID!) { acceptFirmRequest(invitationId: $id) { status } }`, { id: requestId }, owner);
  };
  /** A client company of the demo firm, registered by the platform and linked by Pat's request. */
  const linkedClient = async (businessName: string, fein: string) => {
    const slug = businessName.toLowerCase().replace(/[^a-z]+/g, '');
    const admin = { email: `owner@${slug}.example`, password: `${slug}-demo-2026` };
    const id = await registerClientAsPlatform(system, {
      businessName, fein, platform: 'PAYROLL', status: 'ACTIVE',
      customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan.success@payroll-platform.example' },
      admins: [{ firstName: 'Owner', lastName: businessName, ...admin, permissions: ['MANAGE', 'MANAGE_EMPLOYEES'] }],
    });
    await linkByRequest(businessName, fein, admin);
    return id;
  };
  try {
    const clientId = await registerClientAsPlatform(system, {
      businessName: PAYROLL_DEMO.client,
      fein: '27-1234567',
      platform: 'PAYROLL',
      status: 'ACTIVE',
      customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan.success@payroll-platform.example' },
      admins: [{ firstName: 'Hana', lastName: 'Harbor', ...PAYROLL_DEMO.clientAdmin, permissions: ['MANAGE', 'MANAGE_EMPLOYEES', 'MANAGE_PAYMENTS'] }],
    });
    await linkByRequest(PAYROLL_DEMO.client, '27-1234567', PAYROLL_DEMO.clientAdmin);
    const owner = (await gql(`mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { accessToken } }`, { e: PAYROLL_DEMO.clientAdmin.email, p: PAYROLL_DEMO.clientAdmin.password })).logInClientAdmin.accessToken;
    // Wait until payroll-sync has the link (events) and Pat may run payroll there.
    for (let i = 0; i < 100; i++) {
      const res = await gatewayRequest(system.gatewayUrl, `{ myClients { id timeTracking { status providerCompanyId } payPeriods(last: 1) { id } } }`, {}, pat);
      if (res.data?.myClients?.some((c: { id: string; payPeriods: unknown }) => c.id === clientId && c.payPeriods)) break;
      await new Promise((r) => setTimeout(r, 50));
    }

    // The client's time tracking: its company, workers and two weeks of shifts.
    const { apiKey } = await sim<{ apiKey: string }>(timeTrackingAdminUrl, 'POST', '/admin/companies', { id: clientId, name: PAYROLL_DEMO.client, timeZone: 'America/New_York' });
    const at = (path: string) => `/admin/companies/${clientId}${path}`;
    const worker = (w: object) => sim<{ id: string }>(timeTrackingAdminUrl, 'POST', at('/workers'), w);
    const maria = await worker({ firstName: 'Maria', lastName: 'Lopez', email: 'maria@harborcoffee.example', kind: 'W2', isManager: true, payRateCents: 2800 });
    const sam = await worker({ firstName: 'Sam', lastName: 'Carter', email: 'sam@harborcoffee.example', kind: 'W2', payRateCents: 2200 });
    const lee = await worker({ firstName: 'Lee', lastName: 'Park', email: 'lee@harborcoffee.example', kind: 'W2' });
    const jo = await worker({ firstName: 'Jo', lastName: 'Rivera', email: 'jo@harborcoffee.example', kind: 'CONTRACTOR', payRateCents: 4500 });
    const week1 = thisMonday() - 14 * DAY_MS;
    const plan: Array<[{ id: string }, number[], number]> = [
      [maria, [0, 1, 2, 3, 4, 7, 8, 9, 10, 11], 8],
      [sam, [0, 1, 2, 3, 7, 8, 9, 10], 6],
      [jo, [1, 3, 8, 10], 4],
      [lee, [9], 5],
    ];
    for (const [w, days, hours] of plan) {
      for (const d of days) {
        const shift = await sim<{ id: string }>(timeTrackingAdminUrl, 'POST', at('/shifts'), { workerId: w.id, ...shiftOn(week1 + d * DAY_MS, hours), breakMinutes: 30 });
        // Step 1 (SPEC P2): the manager approves, except this week's Friday shifts of week 2, still pending.
        if (d !== 11) await sim(timeTrackingAdminUrl, 'POST', at(`/shifts/${shift.id}/approve`), { approvedBy: maria.id });
      }
    }
    const pto = await sim<{ id: string }>(timeTrackingAdminUrl, 'POST', at('/time-off'), { workerId: sam.id, date: isoDate(week1 + 11 * DAY_MS), minutes: 360, kind: 'PTO' });
    await sim(timeTrackingAdminUrl, 'POST', at(`/time-off/${pto.id}/approve`), { approvedBy: maria.id });

    // The client's admin connects time tracking (SPEC P1).
    await gql(`mutation($i: ConnectTimeTrackingInput!) { connectTimeTracking(input: $i) { status } }`, { i: { clientId, providerCompanyId: clientId, apiKey, payFrequency: 'WEEKLY' } }, owner);
    const refresh = `mutation($c: ID!) { refreshTimeTracking(clientId: $c) { status error } }`;
    // A sync that fails: time tracking answers 503 once.
    await sim(timeTrackingAdminUrl, 'POST', '/admin/faults', { mode: 'error', status: 503, path: '/workers', companyId: clientId, times: 1 });
    await gql(refresh, { c: clientId }, pat);
    // The next one works, but one of Sam's receipts is not confirmed (SEND); Lee has no pay rate (ERROR).
    await sim(timeTrackingAdminUrl, 'POST', '/admin/faults', { mode: 'error', status: 503, path: '/receipts', workerId: sam.id, times: 1 });
    await gql(refresh, { c: clientId }, pat);
    await sim(timeTrackingAdminUrl, 'DELETE', '/admin/faults');

    // Pat approves the first week's timecards (SPEC P2); the second week's stay drafts.
    const periods = (await gql(`query { myClients { id payPeriods(last: 3) { id startDate } } }`, {}, pat)).myClients.find((c: { id: string }) => c.id === clientId).payPeriods;
    const first = periods.find((p: { startDate: string }) => p.startDate === isoDate(week1));
    await gql(`mutation($c: ID!, $p: ID!) { approveAllTimecards(clientId: $c, periodId: $p) { status } }`, { c: clientId, p: first.id }, pat);
    if (taxAuthorityAdminUrl) await seedTaxCards(taxAuthorityAdminUrl, clientId);
    // SPEC F11: Pat's leaver report (Firm Info › Report) has something in every part: the clients
    // above (Pat is their RESPONSIBLE member), a service account and a team invitation still pending.
    await gql(`mutation { createServiceAccount(input: { name: "ledger-export", scopes: [READ] }) { serviceAccount { id } } }`, {}, pat);
    await gql(
      `mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id } }`,
      { i: { firstName: 'Sam', lastName: 'Staff', email: 'sam.staff@ledgerco.example', jobRole: 'Bookkeeper', permissions: ['MANAGE_CLIENTS'] } },
      pat,
    );
    logger.info({ client: PAYROLL_DEMO.client, clientAdmin: PAYROLL_DEMO.clientAdmin.email, timeTracking: timeTrackingAdminUrl, taxAuthority: taxAuthorityAdminUrl }, 'payroll demo seeded');
  } finally {
    payroll.scheduler.start();
  }

  /**
   * SPEC P6 demo: Harbor Coffee and two more clients (Pier Bakery, Dockside Deli) at the tax
   * authority (its simulator); Pat fetches their tax cards in one action. The authority answers
   * 503 once for Dockside Deli, so the finished fetch shows one FAILED client with its reason;
   * "Retry failed" fetches it alone.
   */
  async function seedTaxCards(taxUrl: string, harborId: string): Promise<void> {
    const pier = await linkedClient(TAX_DEMO.pier.name, TAX_DEMO.pier.fein);
    const deli = await linkedClient(TAX_DEMO.deli.name, TAX_DEMO.deli.fein);
    const pat = (await gql(`mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`, { u: firm.username, p: firm.password })).logIn.accessToken;
    for (let i = 0; i < 100; i++) {
      const res = await gatewayRequest(system.gatewayUrl, `{ myClients { id payPeriods(last: 1) { id } } }`, {}, pat);
      if ([pier, deli].every((id) => res.data?.myClients?.some((c: { id: string; payPeriods: unknown }) => c.id === id && c.payPeriods))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const members = (await gql(`{ myClients { id payrollMembers { id firstName lastName kind } } }`, {}, pat)).myClients.find((c: { id: string }) => c.id === harborId).payrollMembers;
    const employees: Record<string, Array<{ externalRef: string; firstName: string; lastName: string }>> = {
      [harborId]: members.filter((m: { kind: string }) => m.kind === 'W2').map((m: { id: string; firstName: string; lastName: string }) => ({ externalRef: m.id, firstName: m.firstName, lastName: m.lastName })),
      [pier]: [{ externalRef: 'pier-1', firstName: 'Noor', lastName: 'Haddad' }, { externalRef: 'pier-2', firstName: 'Ola', lastName: 'Berg' }],
      [deli]: [{ externalRef: 'deli-1', firstName: 'Ken', lastName: 'Ito' }],
    };
    const feins: Record<string, string> = { [harborId]: '27-1234567', [pier]: TAX_DEMO.pier.fein, [deli]: TAX_DEMO.deli.fein };
    for (const [id, fein] of Object.entries(feins)) {
      const { apiKey } = await taxSim<{ apiKey: string }>(taxUrl, 'POST', '/admin/employers', { fein, name: fein });
      for (const [n, e] of employees[id].entries()) await taxSim(taxUrl, 'POST', `/admin/employers/${fein}/employees`, { ...e, withholdingRateBasisPoints: 1800 + 100 * n });
      await gql(`mutation($i: ConnectTaxAuthorityInput!) { connectTaxAuthority(input: $i) { fein } }`, { i: { clientId: id, fein, apiKey } }, pat);
    }
    await taxSim(taxUrl, 'POST', '/admin/faults', { mode: 'error', status: 503, fein: TAX_DEMO.deli.fein, path: '/tax-cards', times: 1 });
    const fetch = (await gql(`mutation($i: FetchTaxCardsInput!) { fetchTaxCards(input: $i) { id } }`, { i: { clientIds: [harborId, pier, deli] } }, pat)).fetchTaxCards;
    for (let i = 0; i < 200; i++) {
      const res = await gql(`query($id: ID!) { taxCardFetch(id: $id) { status } }`, { id: fetch.id }, pat);
      if (res.taxCardFetch?.status === 'FINISHED') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await seedPierPayroll(pier, pat);
  }

  /**
   * SPEC P5 term report, P7 filings, P4: Pier Bakery's time tracking with two employees who worked
   * a week of last month; Pat runs that payroll, so last month's term shows gross pay, tax withheld
   * (22 %: their payroll members have no tax card of their own) and employer tax, and its filing goes
   * to the tax authority in the background, which rejects it (NO_TAX_CARD): a filing with errors,
   * counted in this month's key figures.
   */
  async function seedPierPayroll(pier: string, pat: string): Promise<void> {
    const { apiKey } = await sim<{ apiKey: string }>(timeTrackingAdminUrl, 'POST', '/admin/companies', { id: pier, name: TAX_DEMO.pier.name, timeZone: 'America/New_York' });
    const at = (path: string) => `/admin/companies/${pier}${path}`;
    const noor = await sim<{ id: string }>(timeTrackingAdminUrl, 'POST', at('/workers'), { firstName: 'Noor', lastName: 'Haddad', email: 'noor@pierbakery.example', kind: 'W2', isManager: true, payRateCents: 2600 });
    const ola = await sim<{ id: string }>(timeTrackingAdminUrl, 'POST', at('/workers'), { firstName: 'Ola', lastName: 'Berg', email: 'ola@pierbakery.example', kind: 'W2', payRateCents: 2100 });
    // The Monday of a week wholly in last month: its pay counts in last month (the period's last day).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const firstOfMonth = Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`);
    const lastMonthDay = firstOfMonth - 8 * DAY_MS;
    const monday = lastMonthDay - ((new Date(lastMonthDay).getUTCDay() + 6) % 7) * DAY_MS;
    for (const [w, hours] of [[noor, 8], [ola, 6]] as const) {
      for (let d = 0; d < 5; d++) {
        const shift = await sim<{ id: string }>(timeTrackingAdminUrl, 'POST', at('/shifts'), { workerId: w.id, ...shiftOn(monday + d * DAY_MS, hours), breakMinutes: 30 });
        await sim(timeTrackingAdminUrl, 'POST', at(`/shifts/${shift.id}/approve`), { approvedBy: noor.id });
      }
    }
    await gql(`mutation($i: ConnectTimeTrackingInput!) { connectTimeTracking(input: $i) { status } }`, { i: { clientId: pier, providerCompanyId: pier, apiKey, payFrequency: 'WEEKLY' } }, pat);
    await gql(`mutation($c: ID!) { refreshTimeTracking(clientId: $c) { status } }`, { c: pier }, pat);
    const periods = (await gql(`query { myClients { id payPeriods(last: 12) { id startDate } } }`, {}, pat)).myClients.find((c: { id: string }) => c.id === pier).payPeriods;
    const period = periods.find((p: { startDate: string }) => p.startDate === isoDate(monday));
    if (!period) throw new Error('payroll demo: Pier Bakery has no pay period for last month’s week');
    await gql(`mutation($c: ID!, $p: ID!) { approveAllTimecards(clientId: $c, periodId: $p) { status } }`, { c: pier, p: period.id }, pat);
    await gql(`mutation($c: ID!, $p: ID!) { runPayroll(clientId: $c, periodId: $p) { id } }`, { c: pier, p: period.id }, pat);
    await payroll.filings.runDueNow();
  }
}
