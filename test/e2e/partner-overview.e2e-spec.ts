import { spawnTimeTrackingSimulator, type SpawnedSimulator } from '@advisor/time-tracking-sim';
import { spawnTaxAuthoritySimulator } from '@advisor/tax-authority-sim';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';
import { connectSubscriber } from '../support/subscriber';
import { connectWithApprovedShift } from '../support/time-tracking-fixtures';

const PERMISSIONS = ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'VIEW_TAX_DOCUMENTS'];
const DAY_MS = 86_400_000;

async function sim<T = any>(base: string, method: string, path: string, body?: unknown): Promise<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(base + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Yesterday in New York, and a 9:00–13:00 shift on it. */
function yesterdayShift(): { date: string; start: string; end: string } {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const date = new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  const noon = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', hourCycle: 'h23' }).format(new Date(`${date}T12:00:00Z`)));
  const start = Date.parse(`${date}T00:00:00Z`) + (21 - noon) * 3_600_000;
  return { date, start: new Date(start).toISOString(), end: new Date(start + 4 * 3_600_000).toISOString() };
}

const FIGURES = `query($m: String!, $g: ID) { payrollKeyFigures(month: $m, groupId: $g) { month groupId payrollClients shifts shiftsAutomated automationLevel payslipsSent totalPaidOutCents } }`;
const FETCH = `mutation($i: FetchTaxCardsInput!) { fetchTaxCards(input: $i) { id status total pending } }`;
const PROGRESS = `query($id: ID!) { taxCardFetch(id: $id) { id status total pending fetched failed clients { client { id } status reason cardCount } } }`;

/**
 * SPEC P4 and P6 end to end: through the real gateway, on MySQL and Kafka, with the time-tracking
 * and tax-authority simulators as their own processes. Key figures follow a synced shift and a
 * client group created in the clients service (its membership event reaches payroll-sync through
 * Kafka); an unassigned member counts none. A tax-card fetch runs in the background: one client
 * fetched, one failing (the authority answers 503), one not connected; the failed ones retried alone.
 */
describe('the partner overview through the gateway: key figures, reports and tax cards (P4, P5, P6)', () => {
  let timeTracking: SpawnedSimulator;
  let taxAuthority: SpawnedSimulator;
  let system: TestSystem;
  let firm: SignedUpFirm;
  let clients: ClientWithAdmin[];
  let outsider: { token: string };

  beforeAll(async () => {
    [timeTracking, taxAuthority] = await Promise.all([spawnTimeTrackingSimulator(), spawnTaxAuthoritySimulator()]);
    system = await startTestSystem({
      payrollSync: { timeTrackingUrl: timeTracking.url, taxAuthorityUrl: taxAuthority.url, timeoutMs: 3_000, scheduler: { tickMs: 200, pollIntervalMs: 1_000, retryBaseMs: 500 } },
    });
    firm = await signUpFirm(system);
    clients = [];
    for (let i = 0; i < 3; i++) {
      const client = await registerClient(system);
      await linkClientToFirm(system, firm, client, PERMISSIONS);
      clients.push(client);
    }
    // A colleague assigned to no client (MEMBER, without VIEW_ALL_CLIENTS).
    outsider = await inviteAndJoin(system, firm);
  });
  afterAll(async () => {
    await system?.teardown();
    await Promise.all([timeTracking?.stop(), taxAuthority?.stop()]);
  });

  it('P4, P5, C6, C10: key figures count a synced shift of a visible client; a group from the clients service narrows them; an unassigned member counts none', async () => {
    const [a] = clients;
    const shift = yesterdayShift();
    const month = shift.date.slice(0, 7);
    await connectWithApprovedShift(system, timeTracking.url, { clientId: a.clientId, token: firm.token, companyName: 'E2E Overview', email: 'max@overview.test', shift });

    const figures = await eventually(async () => {
      const r = await system.gql(FIGURES, { m: month }, firm.token);
      return r.data?.payrollKeyFigures?.shifts === 1 ? r.data.payrollKeyFigures : undefined;
    }, 20_000, 'the synced shift in the key figures');
    expect(figures).toEqual({ month, groupId: null, payrollClients: 1, shifts: 1, shiftsAutomated: 1, automationLevel: 1, payslipsSent: 0, totalPaidOutCents: '0' });
    expect((await system.gql(FIGURES, { m: month }, outsider.token)).data.payrollKeyFigures).toMatchObject({ payrollClients: 0, shifts: 0, automationLevel: null });
    // SPEC P5: the same figures per client and month in the usage log; "my clients" with the founder's role.
    const usage = await system.gql(`query($m: String!) { payrollUsageReport(fromMonth: $m, toMonth: $m) { rows { client { id } month shifts automationLevel } nextCursor } }`, { m: month }, firm.token);
    expect(usage.data.payrollUsageReport).toEqual({ rows: [{ client: { id: a.clientId }, month, shifts: 1, automationLevel: 1 }], nextCursor: null });
    expect((await system.gql(`query($m: String!) { payrollUsageReport(fromMonth: $m, toMonth: $m) { rows { month } } }`, { m: month }, outsider.token)).data.payrollUsageReport.rows).toEqual([]);
    const mine = await system.gql(`{ myPayrollClients { rows { client { id } timeTrackingStatus } } }`, {}, firm.token);
    expect(mine.data.myPayrollClients.rows).toContainEqual({ client: { id: a.clientId }, timeTrackingStatus: 'CONNECTED' });

    // A group with the two other clients, made in the clients service: the figures of that group count none of a's.
    const group = await system.gql(`mutation { createClientGroup(name: "Paid on the 20th") { id } }`, {}, firm.token);
    const groupId = group.data.createClientGroup.id;
    await system.gql(`mutation($g: ID!, $c: [ID!]!) { addClientsToGroup(groupId: $g, clientIds: $c) { id } }`, { g: groupId, c: [clients[1].clientId, clients[2].clientId] }, firm.token);
    await system.gql(`mutation($g: ID!, $c: [ID!]!) { addClientsToGroup(groupId: $g, clientIds: $c) { id } }`, { g: groupId, c: [a.clientId] }, firm.token);
    await eventually(async () => (await system.gql(FIGURES, { m: month, g: groupId }, firm.token)).data?.payrollKeyFigures?.shifts === 1, 20_000, 'the group membership to reach payroll-sync');
    await system.gql(`mutation($g: ID!, $c: [ID!]!) { removeClientsFromGroup(groupId: $g, clientIds: $c) { id } }`, { g: groupId, c: [a.clientId] }, firm.token);
    const narrowed = await eventually(async () => {
      const r = await system.gql(FIGURES, { m: month, g: groupId }, firm.token);
      return r.data?.payrollKeyFigures?.shifts === 0 ? r.data.payrollKeyFigures : undefined;
    }, 20_000, 'the removal to reach payroll-sync');
    expect(narrowed).toMatchObject({ groupId, payrollClients: 0, shifts: 0 });
    expect((await system.gql(FIGURES, { m: 'May 2026' }, firm.token)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('P6, G2: a fetch for three clients runs in the background, each end also a taxCardFetchFinished frame: FETCHED, FAILED (authority down), FAILED (not connected); a running client is refused; the failed ones are retried alone', async () => {
    const [a, b, c] = clients;
    const employer = async (fein: string, cards: number) => {
      const { apiKey } = await sim<{ apiKey: string }>(taxAuthority.url, 'POST', '/admin/employers', { fein, name: `Employer ${fein}` });
      for (let i = 0; i < cards; i++) {
        await sim(taxAuthority.url, 'POST', `/admin/employers/${fein}/employees`, { externalRef: `emp-${i}`, firstName: `Em${i}`, lastName: 'Ployee', withholdingRateBasisPoints: 2200 });
      }
      return apiKey;
    };
    const CONNECT = `mutation($i: ConnectTaxAuthorityInput!) { connectTaxAuthority(input: $i) { fein connectedBy { realm } } }`;
    const keyA = await employer('31-0000001', 2);
    const keyB = await employer('31-0000002', 1);
    expect((await system.gql(CONNECT, { i: { clientId: a.clientId, fein: '31-0000001', apiKey: 'not-the-key' } }, firm.token)).errors?.[0]?.extensions?.code).toBe('TAX_AUTHORITY_KEY_REJECTED');
    const connected = await system.gql(CONNECT, { i: { clientId: a.clientId, fein: '31-0000001', apiKey: keyA } }, firm.token);
    expect(connected.data.connectTaxAuthority).toEqual({ fein: '31-0000001', connectedBy: { realm: 'FIRM' } });
    expect(JSON.stringify(connected)).not.toContain(keyA);
    await system.gql(CONNECT, { i: { clientId: b.clientId, fein: '31-0000002', apiKey: keyB } }, firm.token);

    // SPEC G2: the firm's founder (sees all clients) and the unassigned colleague subscribe to the fetch's ends.
    const TAX_CARDS = `subscription { taxCardFetchFinished { fetchId clientId firmId status cardCount reason client { businessName } } }`;
    const founderFeed = await connectSubscriber(system.gatewayUrl, { authorization: `Bearer ${firm.token}` });
    const outsiderFeed = await connectSubscriber(system.gatewayUrl, { authorization: `Bearer ${outsider.token}` });
    founderFeed.subscribe('cards', TAX_CARDS);
    outsiderFeed.subscribe('cards', TAX_CARDS);
    await new Promise((r) => setTimeout(r, 500));

    await sim(taxAuthority.url, 'POST', '/admin/faults', { mode: 'error', status: 503, fein: '31-0000002' });
    await sim(taxAuthority.url, 'POST', '/admin/faults', { mode: 'timeout', delayMs: 1_500, fein: '31-0000001', times: 1 });
    const started = await system.gql(FETCH, { i: { clientIds: [a.clientId, b.clientId, c.clientId] } }, firm.token);
    expect(started.errors).toBeUndefined();
    expect(started.data.fetchTaxCards).toMatchObject({ status: 'RUNNING', total: 3 });
    const id = started.data.fetchTaxCards.id;
    expect((await system.gql(FETCH, { i: { clientIds: [a.clientId] } }, firm.token)).errors?.[0]?.extensions?.code).toBe('TAX_CARD_FETCH_RUNNING');
    // The unassigned colleague may not fetch, nor read the fetch.
    expect((await system.gql(FETCH, { i: { clientIds: [a.clientId] } }, outsider.token)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await system.gql(PROGRESS, { id }, outsider.token)).data.taxCardFetch).toBeNull();

    const done = await eventually(async () => {
      const r = await system.gql(PROGRESS, { id }, firm.token);
      return r.data?.taxCardFetch?.status === 'FINISHED' ? r.data.taxCardFetch : undefined;
    }, 20_000, 'the fetch to finish');
    expect(done).toMatchObject({ total: 3, pending: 0, fetched: 1, failed: 2 });
    const of = (clientId: string) => done.clients.find((x: { client: { id: string } }) => x.client.id === clientId);
    expect(of(a.clientId)).toMatchObject({ status: 'FETCHED', cardCount: 2, reason: null });
    expect(of(b.clientId)).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('could not be reached') });
    expect(of(c.clientId)).toMatchObject({ status: 'FAILED', reason: expect.stringContaining('not connected') });
    // G2, P6: one frame per client's end, with the client resolved through the graph; none for the unassigned colleague (C6).
    await eventually(async () => founderFeed.framesOf('cards').length >= 3, 15_000, 'three taxCardFetchFinished frames');
    await new Promise((r) => setTimeout(r, 1_000));
    try {
      const ends = founderFeed.framesOf('cards').map((f) => f.data!.taxCardFetchFinished);
      expect(ends.map((e) => `${e.clientId}:${e.status}:${e.cardCount}`).sort()).toEqual([`${a.clientId}:FETCHED:2`, `${b.clientId}:FAILED:0`, `${c.clientId}:FAILED:0`].sort());
      expect(ends.every((e) => e.fetchId === id && e.firmId === firm.firmId && typeof e.client?.businessName === 'string')).toBe(true);
      expect(outsiderFeed.frames).toEqual([]);
    } finally {
      await Promise.all([founderFeed.dispose(), outsiderFeed.dispose()]);
    }

    const cards = await system.gql(`{ myClients { id taxCards { lastName withholdingRateBasisPoints } } }`, {}, firm.token);
    expect(cards.data.myClients.find((x: { id: string }) => x.id === a.clientId).taxCards).toHaveLength(2);

    await sim(taxAuthority.url, 'DELETE', '/admin/faults');
    await system.gql(CONNECT, { i: { clientId: c.clientId, fein: '31-0000003', apiKey: await employer('31-0000003', 1) } }, firm.token);
    const retried = await system.gql(`mutation($id: ID!) { retryTaxCardFetch(fetchId: $id) { status pending fetched } }`, { id }, firm.token);
    expect(retried.data.retryTaxCardFetch).toEqual({ status: 'RUNNING', pending: 2, fetched: 1 });
    const after = await eventually(async () => {
      const r = await system.gql(PROGRESS, { id }, firm.token);
      return r.data?.taxCardFetch?.status === 'FINISHED' ? r.data.taxCardFetch : undefined;
    }, 20_000, 'the retry to finish');
    expect(after).toMatchObject({ fetched: 3, failed: 0 });
    const list = await system.gql(`{ taxCardFetches(last: 5) { id fetched } }`, {}, firm.token);
    expect(list.data.taxCardFetches).toEqual([{ id, fetched: 3 }]);
  });
});
