import { randomUUID } from 'node:crypto';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, signUpFirm, type SignedUpFirm } from '../support/fixtures';
import { costOf, pauseBackgroundWork } from '../support/statements';

const CLIENT_LIST = `{
  myClients {
    id businessName platform status myPermissions
    firmLink { permissions firm { id name } }
    assignments { role effectivePermissions member { id firstName lastName } }
    groups { id name }
    onboarding { step }
    support { customerSuccess { name } hours { description } }
    timeTracking { status }
  }
}`;

/**
 * Performance rule (STYLE, issue 4): the SQL statements a request sends must not grow with the
 * number of rows. The firm's client list with its assigned members, at 10 and at 200 clients.
 */
describe('SQL statements per request do not grow with the number of clients', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.teardown();
  });

  // FEINs are unique: sequential from a random start (random ones collided now and then at 880 clients).
  let nextFeinDigits = 1_000_000 + Math.floor(Math.random() * 7_000_000);

  /** A firm with `n` linked clients, each with two assigned members (rows written directly: setup only). */
  async function firmWithClients(n: number): Promise<SignedUpFirm> {
    const firm = await signUpFirm(system);
    const colleague = await inviteAndJoin(system, firm);
    const db = system.services.clients.db.dataSource;
    const now = new Date();
    const clients = Array.from({ length: n }, (_, i) => ({ id: randomUUID(), fein: `46-${nextFeinDigits++}`, i }));
    await db.transaction(async (em) => {
      await em.query(
        `INSERT INTO client_companies (id, business_name, fein, platform, status, cs_name, cs_phone, cs_email, created_at) VALUES ${clients.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        clients.flatMap((c) => [c.id, `Client ${c.i}`, c.fein, 'PAYROLL', 'ACTIVE', 'CS', '+1 212 555 0100', 'cs@platform.example', now]),
      );
      await em.query(
        `INSERT INTO firm_client_links (id, client_id, active_client_id, firm_id, permissions, invitation_id, linked_at, ended_at) VALUES ${clients.map(() => '(?, ?, ?, ?, ?, NULL, ?, NULL)').join(', ')}`,
        clients.flatMap((c) => [randomUUID(), c.id, c.id, firm.firmId, JSON.stringify(['VIEW_COMPANY', 'VIEW_PAYROLL']), now]),
      );
      await em.query(
        `INSERT INTO assignments (id, client_id, member_id, firm_id, permissions, role, assigned_at) VALUES ${clients.map(() => '(?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        clients.flatMap((c) => [
          randomUUID(), c.id, firm.memberId, firm.firmId, JSON.stringify(['VIEW_COMPANY', 'RUN_PAYROLL']), 'RESPONSIBLE', now,
          randomUUID(), c.id, colleague.memberId, firm.firmId, JSON.stringify(['VIEW_COMPANY']), 'COLLABORATOR', now,
        ]),
      );
    });
    return firm;
  }

  /** Statements sent to every subgraph's database while the gateway answers one request (the fewest of three runs). */
  async function statementsFor(token: string, query = CLIENT_LIST) {
    const { result: res, perService, fetches, bytes } = await costOf(system, async () => {
      const r = await system.gql(query, {}, token);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r;
    });
    return { total: Object.values(perService).reduce((a, b) => a + b, 0), perService, fetches, bytes, clients: (res.data.myClients ?? res.data.myClientsPage.edges).length };
  }

  it('the client list with assigned members costs the same number of statements at 10 and at 200 clients', async () => {
    const small = await firmWithClients(10);
    const large = await firmWithClients(200);
    const resumeBackgroundWork = await pauseBackgroundWork(system);

    // Warm-up request (first-use effects), then measure.
    await statementsFor(small.token);
    const atTen = await statementsFor(small.token);
    const atTwoHundred = await statementsFor(large.token);
    expect(atTen.clients).toBe(10);
    expect(atTwoHundred.clients).toBe(200);
    console.log(`[statements] 10 clients: ${JSON.stringify(atTen.perService)}; 200 clients: ${JSON.stringify(atTwoHundred.perService)}`);
    resumeBackgroundWork();
    expect(atTwoHundred.perService.clients).toBe(atTen.perService.clients);
    expect(atTwoHundred.perService.firms).toBe(atTen.perService.firms);
    expect(atTwoHundred.perService.payrollSync).toBe(atTen.perService.payrollSync);
    expect(atTen.total).toBeLessThan(20);
  });

  it('issue 13: the subgraph fetches are the same at 10 and 200 clients: clients and payroll-sync once each, firms never (names from the roster copy)', async () => {
    const small = await firmWithClients(10);
    const large = await firmWithClients(200);
    await statementsFor(small.token);
    const atTen = await statementsFor(small.token);
    const atTwoHundred = await statementsFor(large.token);
    console.log(`[fetches] 10 clients: ${JSON.stringify(atTen.fetches)} (${JSON.stringify(atTen.bytes)} bytes); 200 clients: ${JSON.stringify(atTwoHundred.fetches)} (${JSON.stringify(atTwoHundred.bytes)} bytes)`);
    expect(atTwoHundred.fetches).toEqual(atTen.fetches);
    // CLIENT_LIST asks for firmLink.firm.id and member.id too: both are keys, clients has them.
    expect(atTen.fetches).toEqual({ firms: 0, clients: 1, invitations: 0, payrollSync: 1 });
  });

  it('issue 13: the first page of 50 costs the same statements and fetches at 60 and at 400 clients', async () => {
    const page = `{ myClientsPage(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node ${CLIENT_LIST.slice(CLIENT_LIST.indexOf('{', CLIENT_LIST.indexOf('myClients')), CLIENT_LIST.lastIndexOf('}'))} } } }`;
    const small = await firmWithClients(60);
    const large = await firmWithClients(400);
    const resumeBackgroundWork = await pauseBackgroundWork(system);
    await statementsFor(small.token, page);
    const atSixty = await statementsFor(small.token, page);
    const atFourHundred = await statementsFor(large.token, page);
    resumeBackgroundWork();
    expect([atSixty.clients, atFourHundred.clients]).toEqual([50, 50]);
    console.log(`[page of 50] 60 clients: ${JSON.stringify(atSixty.perService)}; 400 clients: ${JSON.stringify(atFourHundred.perService)}`);
    expect(atFourHundred.perService).toEqual(atSixty.perService);
    expect(atFourHundred.fetches).toEqual(atSixty.fetches);
  });
});
