import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { payrollRunCompleted } from '@advisor/schema';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { kafkaBrokers } from '../support/env';
import { inviteAndJoin, signUpFirm, type JoinedMember, type SignedUpFirm } from '../support/fixtures';
import { ADD_PAYROLL_CLIENT, ASSIGN, addPayrollClient, assignWhenKnown, nextFein } from '../support/client-fixtures';

const MY_CLIENTS = `query($platform: Platform, $status: ClientStatus, $groupId: ID) {
  myClients(platform: $platform, status: $status, groupId: $groupId) { id status platform myPermissions assignments { role member { id } } }
}`;
const ids = (res: { data?: { myClients?: Array<{ id: string }> } }) => (res.data?.myClients ?? []).map((c) => c.id).sort();

/** SPEC C1, C3, C5–C12 through the gateway, on MySQL and Kafka. */
describe('clients: lists, assignments, groups, onboarding, referrals (C1, C3, C5–C12)', () => {
  let system: TestSystem;
  let firm: SignedUpFirm;
  let assigner: JoinedMember;
  let staff: JoinedMember;
  let partner: JoinedMember;

  beforeAll(async () => {
    system = await startTestSystem();
    firm = await signUpFirm(system);
    // A partner who assigns: ASSIGN_CLIENTS with VIEW_ALL_CLIENTS (the least-privilege case has its own test).
    assigner = await inviteAndJoin(system, firm, { permissions: ['ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS'] });
    staff = await inviteAndJoin(system, firm);
    partner = await inviteAndJoin(system, firm, { permissions: ['VIEW_ALL_CLIENTS'] });
  });
  afterAll(async () => {
    await system?.teardown();
  });

  it('C1, C8: a new Payroll client needs a valid FEIN, unique on the platform; nothing is written otherwise', async () => {
    for (const fein of ['12-345678', '00-1234567', '07-1234567']) {
      const res = await system.gql(ADD_PAYROLL_CLIENT, { input: { businessName: 'Bad FEIN Inc', fein } }, firm.token);
      expect(res.errors?.[0]?.extensions?.code).toBe('INVALID_FEIN');
    }
    const fein = nextFein();
    const first = await system.gql(ADD_PAYROLL_CLIENT, { input: { businessName: 'Once Inc', fein } }, firm.token);
    expect(first.errors).toBeUndefined();
    const again = await system.gql(ADD_PAYROLL_CLIENT, { input: { businessName: 'Twice Inc', fein: fein.replace('-', '') } }, firm.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('CLIENT_FEIN_TAKEN');
    const rows = await system.services.clients.db.dataSource.query("SELECT COUNT(*) AS n FROM client_companies WHERE business_name IN ('Bad FEIN Inc', 'Twice Inc')");
    expect(Number(rows[0].n)).toBe(0);
  });

  it('C8, C7: an added Payroll client enrolls, tracks onboarding, and becomes Active when every step is done', async () => {
    const res = await system.gql(ADD_PAYROLL_CLIENT, { input: { businessName: 'Onboarding Bakery', fein: nextFein() } }, firm.token);
    const client = res.data.addPayrollClient;
    expect(client).toMatchObject({ status: 'ENROLLING', platform: 'PAYROLL' });
    expect(client.onboarding.map((s: { step: string }) => s.step)).toEqual(['COMPANY_INFORMATION', 'BANK_ACCOUNT', 'TAX_INFORMATION', 'EMPLOYEES', 'PAY_SCHEDULE']);
    const countBefore = (await system.gql('{ activeClientCount }', {}, firm.token)).data.activeClientCount;

    const enrolling = await system.gql(MY_CLIENTS, { platform: 'PAYROLL', status: 'ENROLLING' }, firm.token);
    expect(ids(enrolling)).toContain(client.id);
    const steps = client.onboarding.map((s: { step: string }) => s.step);
    for (const [i, step] of steps.entries()) {
      const done = await system.gql(
        `mutation($id: ID!, $step: OnboardingStep!) { completeOnboardingStep(clientId: $id, step: $step) { status onboarding { step completedAt } } }`,
        { id: client.id, step },
        firm.token,
      );
      expect(done.errors).toBeUndefined();
      expect(done.data.completeOnboardingStep.status).toBe(i === steps.length - 1 ? 'ACTIVE' : 'ENROLLING');
    }
    const active = await system.gql(MY_CLIENTS, { platform: 'PAYROLL', status: 'ACTIVE' }, firm.token);
    expect(ids(active)).toContain(client.id);
    // C7: the home count counts active linked clients only: it grew by exactly this one.
    expect((await system.gql('{ activeClientCount }', {}, firm.token)).data.activeClientCount).toBe(countBefore + 1);
    const after = await system.gql(
      `mutation($id: ID!) { completeOnboardingStep(clientId: $id, step: BANK_ACCOUNT) { status } }`,
      { id: client.id },
      firm.token,
    );
    expect(after.errors?.[0]?.extensions?.code).toBe('CLIENT_NOT_ENROLLING');
  });

  it('C3, C6: members see only their assigned clients with assignment ∩ link; VIEW_ALL_CLIENTS sees every linked client', async () => {
    const a = await addPayrollClient(system, firm.token);
    const b = await addPayrollClient(system, firm.token);
    const assigned = await assignWhenKnown(system, firm, { clientId: a, memberId: staff.memberId, permissions: ['VIEW_COMPANY', 'RUN_PAYROLL'] });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data.assignMember).toMatchObject({ role: 'COLLABORATOR', effectivePermissions: ['VIEW_COMPANY', 'RUN_PAYROLL'] });

    const staffView = await system.gql(MY_CLIENTS, {}, staff.token);
    expect(ids(staffView)).toEqual([a]);
    expect(staffView.data.myClients[0].myPermissions).toEqual(['VIEW_COMPANY', 'RUN_PAYROLL']);
    const partnerView = await system.gql(MY_CLIENTS, {}, partner.token);
    expect(ids(partnerView)).toEqual(expect.arrayContaining([a, b].sort()));
    // Not assigned: the partner sees the client but holds no client permission on it.
    expect(partnerView.data.myClients.find((c: { id: string }) => c.id === b).myPermissions).toEqual([]);
  });

  it('C3: assigning needs ASSIGN_CLIENTS, a linked client and an active member of the same firm', async () => {
    const client = await addPayrollClient(system, firm.token);
    const other = await signUpFirm(system);
    const otherClient = await addPayrollClient(system, other.token);
    const asStaff = await system.gql(ASSIGN, { input: { clientId: client, memberId: staff.memberId, permissions: [] } }, staff.token);
    expect(asStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const foreignMember = await system.gql(ASSIGN, { input: { clientId: client, memberId: other.memberId, permissions: [] } }, firm.token);
    expect(foreignMember.errors?.[0]?.extensions?.code).toBe('NOT_A_FIRM_MEMBER');
    const randomMember = await system.gql(ASSIGN, { input: { clientId: client, memberId: randomUUID(), permissions: [] } }, firm.token);
    expect(randomMember.errors?.[0]?.extensions?.code).toBe('NOT_A_FIRM_MEMBER');
    const foreignClient = await system.gql(ASSIGN, { input: { clientId: otherClient, memberId: staff.memberId, permissions: [] } }, firm.token);
    expect(foreignClient.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const rows = await system.services.clients.db.dataSource.query(
      'SELECT COUNT(*) AS n FROM assignments WHERE (client_id = ? AND member_id <> ?) OR (client_id = ? AND member_id <> ?)',
      [client, firm.memberId, otherClient, other.memberId],
    );
    expect(Number(rows[0].n)).toBe(0);
    // From the client view as well as the team view, it is the same operation; unassign likewise.
    const ok = await assignWhenKnown(system, firm, { clientId: client, memberId: staff.memberId, permissions: ['VIEW_COMPANY'] });
    expect(ok.errors).toBeUndefined();
    const twice = await system.gql(ASSIGN, { input: { clientId: client, memberId: staff.memberId, permissions: [] } }, assigner.token);
    expect(twice.errors?.[0]?.extensions?.code).toBe('ALREADY_ASSIGNED');
    const un = await system.gql(`mutation($c: ID!, $m: ID!) { unassignMember(clientId: $c, memberId: $m) }`, { c: client, m: staff.memberId }, assigner.token);
    expect(un.data.unassignMember).toBe(true);
    expect(ids(await system.gql(MY_CLIENTS, {}, staff.token))).not.toContain(client);
  });

  it('C5: the role is set by hand (one RESPONSIBLE per client) and by the latest payroll run', async () => {
    const client = await addPayrollClient(system, firm.token); // the admin who added it is RESPONSIBLE
    await assignWhenKnown(system, firm, { clientId: client, memberId: staff.memberId, permissions: ['RUN_PAYROLL'] });
    const roles = async () => {
      const rows = await system.services.clients.db.dataSource.query('SELECT member_id AS m, role FROM assignments WHERE client_id = ?', [client]);
      return Object.fromEntries(rows.map((r: { m: string; role: string }) => [r.m, r.role]));
    };
    expect(await roles()).toEqual({ [firm.memberId]: 'RESPONSIBLE', [staff.memberId]: 'COLLABORATOR' });

    // The latest payroll run, by the staff member, arrives as an event on Kafka.
    const kafka = new Kafka({ clientId: 'c5-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const envelope = {
      eventId: randomUUID(),
      name: payrollRunCompleted.name,
      version: payrollRunCompleted.version,
      occurredAt: new Date().toISOString(),
      producer: 'payroll-sync',
      payload: {
        runId: randomUUID(),
        clientId: client,
        runBy: { realm: 'firm', id: staff.memberId },
        payPeriodStart: '2026-11-01',
        payPeriodEnd: '2026-11-15',
        completedAt: new Date().toISOString(),
      },
    };
    try {
      await producer.send({ topic: `${system.kafkaNamespace}${payrollRunCompleted.topic}`, messages: [{ key: client, value: JSON.stringify(envelope) }] });
    } finally {
      await producer.disconnect();
    }
    await eventually(async () => ((await roles())[staff.memberId] === 'RESPONSIBLE' ? true : undefined), 15_000, 'the payroll run to set the role');
    expect(await roles()).toEqual({ [firm.memberId]: 'COLLABORATOR', [staff.memberId]: 'RESPONSIBLE' });
    // Redelivered: no change, recognised as a duplicate.
    const outcome = await system.services.clients.consumer!.process({
      topic: payrollRunCompleted.topic, key: client, value: JSON.stringify(envelope), partition: 0, offset: '0',
    });
    expect(outcome).toBe('duplicate');

    // Corrected by hand.
    const fixed = await system.gql(
      `mutation($input: UpdateAssignmentInput!) { updateAssignment(input: $input) { role } }`,
      { input: { clientId: client, memberId: firm.memberId, role: 'RESPONSIBLE' } },
      assigner.token,
    );
    expect(fixed.data.updateAssignment.role).toBe('RESPONSIBLE');
    expect(await roles()).toEqual({ [firm.memberId]: 'RESPONSIBLE', [staff.memberId]: 'COLLABORATOR' });
  });

  it('F6/C3/C6: an assigner without VIEW_ALL_CLIENTS assigns only on clients they serve, granting only what they hold', async () => {
    const limited = await inviteAndJoin(system, firm, { permissions: ['ASSIGN_CLIENTS'] });
    const served = await addPayrollClient(system, firm.token);
    const notServed = await addPayrollClient(system, firm.token);
    await assignWhenKnown(system, firm, { clientId: served, memberId: limited.memberId, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] });
    const member = await inviteAndJoin(system, firm);
    await assignWhenKnown(system, firm, { clientId: notServed, memberId: member.memberId, permissions: ['VIEW_COMPANY'] });

    // Not on a client they do not serve, and not themselves onto it.
    for (const memberId of [member.memberId, limited.memberId]) {
      const res = await system.gql(ASSIGN, { input: { clientId: notServed, memberId, permissions: ['VIEW_COMPANY'] } }, limited.token);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // Not more than they hold themselves.
    const wider = await system.gql(ASSIGN, { input: { clientId: served, memberId: member.memberId, permissions: ['RUN_PAYROLL'] } }, limited.token);
    expect(wider.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await system.gql(ASSIGN, { input: { clientId: served, memberId: member.memberId, permissions: ['VIEW_PAYROLL'] } }, limited.token);
    expect(ok.errors).toBeUndefined();
    // Their access list shows only the clients they serve.
    const list = await system.gql('{ accessList { client { id } } }', {}, limited.token);
    expect(new Set(list.data.accessList.map((a: { client: { id: string } }) => a.client.id))).toEqual(new Set([served]));
    const rows = await system.services.clients.db.dataSource.query('SELECT COUNT(*) AS n FROM assignments WHERE client_id = ? AND member_id = ?', [
      notServed,
      limited.memberId,
    ]);
    expect(Number(rows[0].n)).toBe(0);
  });

  it('C12: bulk access to several clients is all-or-nothing; ending access works on selected or all clients', async () => {
    const member = await inviteAndJoin(system, firm);
    const c1 = await addPayrollClient(system, firm.token);
    const c2 = await addPayrollClient(system, firm.token);
    const other = await signUpFirm(system);
    const foreign = await addPayrollClient(system, other.token);
    const GRANT = `mutation($input: GrantAccessInput!) { grantAccessToClients(input: $input) { client { id } permissions } }`;
    // Make sure the roster knows the member first.
    await assignWhenKnown(system, firm, { clientId: c1, memberId: member.memberId, permissions: ['VIEW_COMPANY'] });

    const refused = await system.gql(GRANT, { input: { memberId: member.memberId, clientIds: [c2, foreign], permissions: ['VIEW_REPORTS'] } }, assigner.token);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CLIENT_NOT_LINKED_TO_FIRM', clientIds: [foreign] });
    const afterRefusal = await system.services.clients.db.dataSource.query('SELECT client_id AS c, permissions FROM assignments WHERE member_id = ?', [member.memberId]);
    expect(afterRefusal).toEqual([{ c: c1, permissions: JSON.stringify(['VIEW_COMPANY']) }]);

    // (The admin grants here: an assigner without VIEW_ALL_CLIENTS may assign, but sees only their own clients, SPEC C6.)
    const granted = await system.gql(GRANT, { input: { memberId: member.memberId, clientIds: [c1, c2], permissions: ['VIEW_REPORTS'] } }, firm.token);
    expect(granted.errors).toBeUndefined();
    expect(granted.data.grantAccessToClients).toEqual([
      { client: { id: c1 }, permissions: ['VIEW_REPORTS'] },
      { client: { id: c2 }, permissions: ['VIEW_REPORTS'] },
    ]);

    const END = `mutation($m: ID!, $c: [ID!]) { endMemberAccess(memberId: $m, clientIds: $c) }`;
    const partial = await system.gql(END, { m: member.memberId, c: [c1, foreign] }, assigner.token);
    expect(partial.errors?.[0]?.extensions?.code).toBe('NOT_ASSIGNED');
    expect((await system.gql(END, { m: member.memberId, c: [c1] }, assigner.token)).data.endMemberAccess).toBe(1);
    expect((await system.gql(END, { m: member.memberId }, assigner.token)).data.endMemberAccess).toBe(1);
    const left = await system.services.clients.db.dataSource.query('SELECT COUNT(*) AS n FROM assignments WHERE member_id = ?', [member.memberId]);
    expect(Number(left[0].n)).toBe(0);
  });

  it('C11: the access list shows clients × members, filtered by member; members without the permission are refused', async () => {
    const client = await addPayrollClient(system, firm.token);
    await assignWhenKnown(system, firm, { clientId: client, memberId: staff.memberId, permissions: ['VIEW_COMPANY'] });
    const all = await system.gql('{ accessList { client { id } member { id } } }', {}, partner.token);
    expect(all.errors).toBeUndefined();
    expect(all.data.accessList).toEqual(expect.arrayContaining([{ client: { id: client }, member: { id: staff.memberId } }, { client: { id: client }, member: { id: firm.memberId } }]));
    const filtered = await system.gql('query($m: ID) { accessList(memberId: $m) { member { id } } }', { m: staff.memberId }, assigner.token);
    expect(new Set(filtered.data.accessList.map((e: { member: { id: string } }) => e.member.id))).toEqual(new Set([staff.memberId]));
    const refused = await system.gql('{ accessList { member { id } } }', {}, staff.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('C10: groups filter every list and track per pay period which clients were processed and reported', async () => {
    const c1 = await addPayrollClient(system, firm.token);
    const c2 = await addPayrollClient(system, firm.token);
    const created = await system.gql(`mutation { createClientGroup(name: "Paid on the 20th ${Date.now()}") { id name } }`, {}, firm.token);
    const groupId = created.data.createClientGroup.id;
    const dup = await system.gql(`mutation($n: String!) { createClientGroup(name: $n) { id } }`, { n: created.data.createClientGroup.name }, firm.token);
    expect(dup.errors?.[0]?.extensions?.code).toBe('GROUP_NAME_TAKEN');
    await system.gql(`mutation($g: ID!, $c: [ID!]!) { addClientsToGroup(groupId: $g, clientIds: $c) { id } }`, { g: groupId, c: [c1] }, firm.token);

    expect(ids(await system.gql(MY_CLIENTS, { groupId }, firm.token))).toEqual([c1]);
    expect(ids(await system.gql(MY_CLIENTS, { groupId }, staff.token))).toEqual([]);
    const other = await signUpFirm(system);
    expect(ids(await system.gql(MY_CLIENTS, { groupId }, other.token))).toEqual([]);

    const MARK = `mutation($input: MarkGroupPeriodInput!) { markGroupPeriod(input: $input) { processed reported period } }`;
    const notInGroup = await system.gql(MARK, { input: { groupId, clientId: c2, period: '2026-11', processed: true, reported: false } }, firm.token);
    expect(notInGroup.errors?.[0]?.extensions?.code).toBe('CLIENT_NOT_IN_GROUP');
    const badPeriod = await system.gql(MARK, { input: { groupId, clientId: c1, period: 'November', processed: true, reported: false } }, firm.token);
    expect(badPeriod.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const marked = await system.gql(MARK, { input: { groupId, clientId: c1, period: '2026-11', processed: true, reported: false } }, firm.token);
    expect(marked.data.markGroupPeriod).toEqual({ processed: true, reported: false, period: '2026-11' });
    const status = await system.gql(
      `query { clientGroups { id name period(period: "2026-11") { client { id } processed reported } clients { id } } }`,
      {},
      firm.token,
    );
    const group = status.data.clientGroups.find((g: { id: string }) => g.id === groupId);
    expect(group.period).toEqual([{ client: { id: c1 }, processed: true, reported: false }]);
    const december = await system.gql(`query { clientGroups { id period(period: "2026-12") { processed } } }`, {}, firm.token);
    expect(december.data.clientGroups.find((g: { id: string }) => g.id === groupId).period).toEqual([{ processed: false }]);
    // C10 + C11: the access list filters by group too.
    const access = await system.gql('query($g: ID) { accessList(groupId: $g) { client { id } } }', { g: groupId }, firm.token);
    expect(new Set(access.data.accessList.map((a: { client: { id: string } }) => a.client.id))).toEqual(new Set([c1]));
    const byStaff = await system.gql(`mutation { createClientGroup(name: "nope") { id } }`, {}, staff.token);
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('C9: a PEO referral is recorded with the referring member and its status is tracked', async () => {
    const REFER = `mutation($input: PeoReferralInput!) { referClientToPeo(input: $input) { id status referredBy { id } expedited expectedWeeksMin expectedWeeksMax } }`;
    const res = await system.gql(
      REFER,
      { input: { businessName: 'Growing Startup', contactName: 'Casey Founder', contactEmail: 'casey@growing.example', employeeCount: 12, expedited: true } },
      firm.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.referClientToPeo).toMatchObject({ status: 'SUBMITTED', referredBy: { id: firm.memberId }, expectedWeeksMin: 2, expectedWeeksMax: 3 });
    const bad = await system.gql(REFER, { input: { businessName: '', contactName: 'X', contactEmail: 'nope' } }, firm.token);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const byStaff = await system.gql(REFER, { input: { businessName: 'A', contactName: 'B', contactEmail: 'b@a.example' } }, staff.token);
    expect(byStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const withdrawn = await system.gql(`mutation($id: ID!) { withdrawPeoReferral(referralId: $id) { status } }`, { id: res.data.referClientToPeo.id }, firm.token);
    expect(withdrawn.data.withdrawPeoReferral.status).toBe('WITHDRAWN');
    const again = await system.gql(`mutation($id: ID!) { withdrawPeoReferral(referralId: $id) { status } }`, { id: res.data.referClientToPeo.id }, firm.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('REFERRAL_STATUS_NOT_ALLOWED');
    const list = await system.gql('{ peoReferrals { id status } }', {}, firm.token);
    expect(list.data.peoReferrals).toEqual(expect.arrayContaining([{ id: res.data.referClientToPeo.id, status: 'WITHDRAWN' }]));
  });

  it('G4: assignments are in the firm\'s audit trail with actor, before and after; admins only', async () => {
    const client = await addPayrollClient(system, firm.token);
    await assignWhenKnown(system, firm, { clientId: client, memberId: staff.memberId, permissions: ['VIEW_COMPANY'] });
    const trail = await system.gql('{ clientAuditTrail(first: 200) { action actorRealm actorId subjectType before after at } }', {}, firm.token);
    expect(trail.errors).toBeUndefined();
    const assigned = trail.data.clientAuditTrail.find(
      (e: { action: string; after: string | null }) => e.action === 'ASSIGNMENT_ASSIGNED' && e.after && JSON.parse(e.after).memberId === staff.memberId,
    );
    expect(assigned).toMatchObject({ actorRealm: 'firm', actorId: firm.memberId, subjectType: 'ASSIGNMENT', before: null });
    expect(JSON.parse(assigned.after)).toEqual({ memberId: staff.memberId, role: 'COLLABORATOR', permissions: ['VIEW_COMPANY'], endsAt: null });
    const asStaff = await system.gql('{ clientAuditTrail { action } }', {}, staff.token);
    expect(asStaff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
