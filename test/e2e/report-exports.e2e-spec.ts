import { spawnTimeTrackingSimulator, type SpawnedSimulator } from '@advisor/time-tracking-sim';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { connectWithApprovedShift, plusDays, shift as shiftOn, weekStart, yesterday } from '../support/time-tracking-fixtures';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';

const PERMISSIONS = ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS'];
const BOM = '\uFEFF';
const EVIL = '=HYPERLINK("http://evil.example/x","Click")';

/**
 * SPEC P5 CSV downloads through the real gateway (`GET /reports/<name>.csv`), on MySQL and Kafka:
 * each page is the report's GraphQL query run as the caller, so C6 holds (an unassigned member's
 * file has no rows), the group filter (C10) narrows it, quoting is right and a cell that would be
 * a spreadsheet formula is escaped. The gateway asks two rows a page here, so files cross pages.
 */
describe('P5 report CSV downloads at the gateway', () => {
  let timeTracking: SpawnedSimulator;
  let system: TestSystem;
  let firm: SignedUpFirm;
  let clients: ClientWithAdmin[];
  let feins: Map<string, string>;
  let outsider: { token: string };

  const download = async (path: string, token?: string) => {
    const res = await fetch(system.gatewayUrl.replace(/\/graphql$/, path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
  };
  const lines = (text: string) => text.replace(BOM, '').split('\r\n').filter(Boolean);

  beforeAll(async () => {
    timeTracking = await spawnTimeTrackingSimulator();
    system = await startTestSystem({
      payrollSync: { timeTrackingUrl: timeTracking.url, timeoutMs: 3_000, scheduler: { tickMs: 200, pollIntervalMs: 1_000, retryBaseMs: 500 } },
      exportPageSize: 2,
    });
    firm = await signUpFirm(system);
    clients = [];
    for (const name of ['Harbor Coffee', 'Pier, "Bakery"', EVIL]) {
      const client = await registerClient(system, { name });
      await linkClientToFirm(system, firm, client, PERMISSIONS);
      clients.push(client);
    }
    const mine = await system.gql(`{ myClients { id fein } }`, {}, firm.token);
    feins = new Map(mine.data.myClients.map((c: { id: string; fein: string }) => [c.id, c.fein]));
    outsider = await inviteAndJoin(system, firm);
  });
  afterAll(async () => {
    await system?.teardown();
    await timeTracking?.stop();
  });

  it('P5, C6: "my clients" as CSV across pages: an attachment, quoted, the =HYPERLINK name escaped; an unassigned member gets the header only', async () => {
    const res = await download('/reports/my-payroll-clients.csv', firm.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="my-payroll-clients.csv"');
    // A UTF-8 byte-order mark first, for spreadsheet programs.
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = lines(res.text);
    expect(header).toBe('Client,FEIN,Client ID,Role,Time tracking,Last sync,Last synced at');
    const expected = clients
      .map((c) => c.clientId)
      .sort()
      .map((id) => {
        const name = { [clients[0].clientId]: 'Harbor Coffee', [clients[1].clientId]: '"Pier, ""Bakery"""', [clients[2].clientId]: `"'=HYPERLINK(""http://evil.example/x"",""Click"")"` }[id];
        return `${name},${feins.get(id)},${id},RESPONSIBLE,NOT_CONNECTED,,`;
      });
    // Three rows over two pages of two, in the report's order, none twice.
    expect(rows).toEqual(expected);
    expect(res.text).not.toMatch(/(^|,|\n)=HYPERLINK/);

    const outside = await download('/reports/my-payroll-clients.csv', outsider.token);
    expect(outside.status).toBe(200);
    expect(lines(outside.text)).toEqual([header]);
  });

  it('P5, C10: the usage log and automation level as CSV, one group only; an unassigned member gets no row', async () => {
    const [a, b] = clients;
    const date = yesterday();
    const shift = shiftOn(date, 4);
    const month = date.slice(0, 7);
    await connectWithApprovedShift(system, timeTracking.url, { clientId: a.clientId, token: firm.token, companyName: 'Harbor Coffee', email: 'max@exports.test', shift });
    const usagePath = `/reports/payroll-automation.csv?fromMonth=${month}&toMonth=${month}`;
    const automation = await eventually(async () => {
      const r = await download(usagePath, firm.token);
      return lines(r.text).length === 2 ? lines(r.text) : undefined;
    }, 20_000, 'the synced shift in the automation CSV');
    expect(automation).toEqual(['Client,FEIN,Client ID,Month,Shifts,Automated shifts,Automation level (%)', `Harbor Coffee,${feins.get(a.clientId)},${a.clientId},${month},1,1,100.0`]);
    const usage = await download(`/reports/payroll-usage.csv?fromMonth=${month}&toMonth=${month}`, firm.token);
    expect(lines(usage.text)).toEqual(['Client,FEIN,Client ID,Month,Payslips,Contractor payments,Absences,Total paid out (USD)', `Harbor Coffee,${feins.get(a.clientId)},${a.clientId},${month},0,0,0,0.00`]);
    expect(lines((await download(usagePath, outsider.token)).text)).toHaveLength(1);

    // A group holding b only: its file has no row of a; "my clients" of the group lists b alone.
    const group = await system.gql(`mutation { createClientGroup(name: "Paid on the 20th") { id } }`, {}, firm.token);
    const groupId = group.data.createClientGroup.id;
    await system.gql(`mutation($g: ID!, $c: [ID!]!) { addClientsToGroup(groupId: $g, clientIds: $c) { id } }`, { g: groupId, c: [b.clientId] }, firm.token);
    const inGroup = await eventually(async () => {
      const r = lines((await download(`/reports/my-payroll-clients.csv?groupId=${groupId}`, firm.token)).text);
      return r.length === 2 ? r : undefined;
    }, 20_000, 'the group membership to reach payroll-sync');
    expect(inGroup[1]).toContain(b.clientId);
    expect(lines((await download(`${usagePath}&groupId=${groupId}`, firm.token)).text)).toHaveLength(1);
  });

  it('P5, P7: the term report as CSV: a payroll run’s gross pay, tax withheld (22 % without a tax card) and employer tax in its two-month term', async () => {
    const c = clients[1];
    const monday = weekStart(1);
    await connectWithApprovedShift(system, timeTracking.url, { clientId: c.clientId, token: firm.token, companyName: 'Pier Bakery', email: 'max@pier.test', shift: shiftOn(monday, 4) });
    const periodId = await eventually(async () => {
      const r = await system.gql(`{ myClients { id payPeriods(last: 3) { id startDate draftCount } } }`, {}, firm.token);
      const period = r.data?.myClients?.find((x: { id: string }) => x.id === c.clientId)?.payPeriods?.find((p: { startDate: string; draftCount: number }) => p.startDate === monday && p.draftCount > 0);
      return period?.id as string | undefined;
    }, 20_000, 'the shift on a draft timecard');
    expect((await system.gql(`mutation($c: ID!, $p: ID!) { approveAllTimecards(clientId: $c, periodId: $p) { status } }`, { c: c.clientId, p: periodId }, firm.token)).errors).toBeUndefined();
    const run = await system.gql(
      `mutation($c: ID!, $p: ID!) { runPayroll(clientId: $c, periodId: $p) { grossCents taxWithheldCents employerTaxCents payslips { taxWithheldCents withholdingRateBasisPoints withholdingSource } } }`,
      { c: c.clientId, p: periodId },
      firm.token,
    );
    // 4 h at $30.00: $120.00 gross, 22 % withheld ($26.40), 7.65 % employer tax ($9.18).
    expect(run.data.runPayroll).toEqual({ grossCents: 12_000, taxWithheldCents: 2_640, employerTaxCents: 918, payslips: [{ taxWithheldCents: 2_640, withholdingRateBasisPoints: 2200, withholdingSource: 'DEFAULT_RATE' }] });
    const month = plusDays(monday, 6).slice(0, 7);
    const n = Math.ceil(Number(month.slice(5)) / 2);
    const term = `${month.slice(0, 4)}-T${n}`;
    const [from, to] = [2 * n - 1, 2 * n].map((m) => `${month.slice(0, 4)}-${String(m).padStart(2, '0')}`);
    const csv = await download(`/reports/payroll-terms.csv?fromTerm=${term}&toTerm=${term}`, firm.token);
    expect(csv.status).toBe(200);
    expect(lines(csv.text)).toEqual([
      'Client,FEIN,Client ID,Term,From month,To month,Payslips,Gross pay (USD),Tax withheld (USD),Employer tax (USD),Contractor payments (USD)',
      `"Pier, ""Bakery""",${feins.get(c.clientId)},${c.clientId},${term},${from},${to},1,120.00,26.40,9.18,0.00`,
    ]);
    expect(lines((await download(`/reports/payroll-terms.csv?fromTerm=${term}&toTerm=${term}`, outsider.token)).text)).toHaveLength(1);
    const terms = await system.gql(`query($t: String!) { payrollTermReport(fromTerm: $t, toTerm: $t) { rows { client { id } term grossPayCents taxWithheldCents employerTaxCents } nextCursor } }`, { t: term }, firm.token);
    expect(terms.data.payrollTermReport).toEqual({ rows: [{ client: { id: c.clientId }, term, grossPayCents: '12000', taxWithheldCents: '2640', employerTaxCents: '918' }], nextCursor: null });
  });

  it('P5, G5: refusals are JSON errors with a code and a status, before any CSV', async () => {
    const month = '2026-01';
    const cases: Array<[string, string | undefined, number, string]> = [
      [`/reports/payroll-usage.csv?fromMonth=${month}&toMonth=${month}`, undefined, 401, 'UNAUTHENTICATED'],
      [`/reports/payroll-usage.csv?fromMonth=${month}&toMonth=${month}`, 'not-a-token', 401, 'UNAUTHENTICATED'],
      [`/reports/payroll-usage.csv?fromMonth=${month}&toMonth=${month}`, clients[0].token, 403, 'FORBIDDEN'],
      ['/reports/payroll-usage.csv', firm.token, 400, 'BAD_USER_INPUT'],
      [`/reports/payroll-usage.csv?fromMonth=May&toMonth=${month}`, firm.token, 400, 'BAD_USER_INPUT'],
      [`/reports/payroll-usage.csv?fromMonth=${month}&toMonth=${month}&groupId=not-a-uuid`, firm.token, 400, 'BAD_USER_INPUT'],
      [`/reports/my-payroll-clients.csv?firm=other`, firm.token, 400, 'BAD_USER_INPUT'],
      ['/reports/payroll-terms.csv?fromTerm=2026-T7&toTerm=2026-T7', firm.token, 400, 'BAD_USER_INPUT'],
      ['/reports/payroll-usage.csv?fromMonth=2026-01&fromMonth=2026-02&toMonth=2026-03', firm.token, 400, 'BAD_USER_INPUT'],
      ['/reports/salaries.csv', firm.token, 404, 'NOT_FOUND'],
    ];
    for (const [path, token, status, code] of cases) {
      const res = await download(path, token);
      expect({ path, status: res.status, code: JSON.parse(res.text).errors?.[0]?.extensions?.code }).toEqual({ path, status, code });
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});
