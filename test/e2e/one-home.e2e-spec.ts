import { randomUUID } from 'node:crypto';
import { GATEWAY_SECRET_HEADER, IDENTITY_HEADER, encodeIdentity, type FirmMemberIdentity, type Identity } from '@advisor/kit';
import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';
import { assignWhenKnown } from '../support/client-fixtures';

/**
 * One home per rule (issue 7): assignments have one writer that always publishes, every service
 * keeps the same link copy and survives reordered events, and payroll-sync authorizes by SPEC C6.
 */
describe('one writer of assignments, one link copy, one C6 check (C2, C3, C4, C6, G2)', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.teardown();
  });

  const assignmentEvents = async (clientId: string) => {
    const rows: Array<{ envelope: string }> = await system.services.clients.db.dataSource.query(
      "SELECT envelope FROM outbox_events WHERE topic LIKE '%assignment-changed%' ORDER BY seq",
    );
    return rows.map((r) => JSON.parse(r.envelope).payload).filter((p) => p.clientId === clientId);
  };

  const firmIdentity = (firm: SignedUpFirm, member: { memberId: string; email: string }, permissions: string[] = []): FirmMemberIdentity => ({
    realm: 'firm',
    memberId: member.memberId,
    firmId: firm.firmId,
    email: member.email,
    firmRole: 'MEMBER',
    permissions,
  });

  /** payroll-sync's own answer (its `__resolveReference`), called as the gateway would. */
  const payrollSyncSees = async (identity: Identity, clientId: string): Promise<boolean> => {
    const res = (await fetch(system.services.payrollSync.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [GATEWAY_SECRET_HEADER]: system.secrets['payroll-sync'],
        [IDENTITY_HEADER]: encodeIdentity(identity),
      },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ClientCompany { id timeTracking { status } } } }',
        variables: { r: [{ __typename: 'ClientCompany', id: clientId }] },
      }),
    }).then((r) => r.json())) as any;
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data._entities[0].timeTracking !== null;
  };

  it('C4, G2: the acceptor\'s automatic assignment publishes assignment.changed (RESPONSIBLE, with the link\'s permissions)', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClient(system);
    await linkClientToFirm(system, firm, client, ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const events = await eventually(async () => {
      const e = await assignmentEvents(client.clientId);
      return e.length > 0 ? e : undefined;
    }, 15_000, 'the acceptor\'s assignment event');
    expect(events).toEqual([
      expect.objectContaining({ memberId: firm.memberId, firmId: firm.firmId, change: 'ASSIGNED', role: 'RESPONSIBLE', permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] }),
    ]);
    // The same audit entry as every assignment (SPEC G4), in the firm's trail and the client's.
    for (const token of [firm.token, client.token]) {
      const trail = await system.gql('{ clientAuditTrail(first: 50) { action subjectType actorRealm } }', {}, token);
      expect(trail.data.clientAuditTrail).toEqual(expect.arrayContaining([{ action: 'MEMBER_ASSIGNED_ON_ACCEPT', subjectType: 'ASSIGNMENT', actorRealm: 'firm' }]));
    }
  });

  it('C2, G2: ending a link publishes one assignment.changed UNASSIGNED per ended assignment, and every copy follows', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClient(system);
    await linkClientToFirm(system, firm, client, ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const staff = await inviteAndJoin(system, firm);
    const assigned = await assignWhenKnown(system, firm, { clientId: client.clientId, memberId: staff.memberId, permissions: ['VIEW_PAYROLL'] });
    expect(assigned.errors).toBeUndefined();

    const ended = await system.gql('mutation { endFirmLink }', {}, client.token);
    expect(ended.data.endFirmLink).toBe(true);
    const unassigned = (await assignmentEvents(client.clientId)).filter((e) => e.change === 'UNASSIGNED');
    expect(unassigned.map((e) => e.memberId).sort()).toEqual([firm.memberId, staff.memberId].sort());
    expect(unassigned.every((e) => e.role === null && e.permissions.length === 0)).toBe(true);

    // payroll-sync's assignment copy hears of both.
    await eventually(async () => {
      const rows = await system.services.payrollSync.db.dataSource.query('SELECT active FROM assignment_copies WHERE client_id = ?', [client.clientId]);
      return rows.length === 2 && rows.every((r: { active: number }) => !Number(r.active)) ? true : undefined;
    }, 15_000, 'payroll-sync to end both assignments');
  });

  it('C2: a late client.linked arriving after client.unlinked restores access in no service', async () => {
    const firm = await signUpFirm(system);
    const client: ClientWithAdmin = await registerClient(system);
    await linkClientToFirm(system, firm, client, ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const [linked] = (
      await system.services.clients.db.dataSource.query("SELECT topic, message_key AS `key`, envelope FROM outbox_events WHERE topic LIKE '%client-linked%'")
    ).filter((r: { envelope: string }) => JSON.parse(r.envelope).payload.clientId === client.clientId);
    expect(linked).toBeDefined();

    await system.gql('mutation { endFirmLink }', {}, client.token);
    const services = { firms: system.services.firms, invitations: system.services.invitations, payrollSync: system.services.payrollSync };
    for (const [name, service] of Object.entries(services)) {
      await eventually(async () => {
        const [r] = await service.db.dataSource.query('SELECT COUNT(*) AS n FROM client_links WHERE client_id = ?', [client.clientId]);
        return Number(r.n) === 0 ? true : undefined;
      }, 15_000, `${name} to drop the link`);
    }

    // The same link's `client.linked`, as a service that had not received it yet would get it now.
    const late = JSON.stringify({ ...JSON.parse(linked.envelope), eventId: randomUUID() });
    for (const [name, service] of Object.entries(services)) {
      const outcome = await service.consumer!.process({ topic: linked.topic, key: linked.key, value: late, partition: 0, offset: '0' });
      expect({ name, outcome }).toEqual({ name, outcome: 'processed' });
      const [r] = await service.db.dataSource.query('SELECT COUNT(*) AS n FROM client_links WHERE client_id = ?', [client.clientId]);
      expect({ name, links: Number(r.n) }).toEqual({ name, links: 0 });
    }
    const founder = { memberId: firm.memberId, email: `fran@${firm.domain}` };
    expect(await payrollSyncSees({ ...firmIdentity(firm, founder), firmRole: 'ADMIN' }, client.clientId)).toBe(false);
    const mine = await system.gql('{ myClients { id } }', {}, firm.token);
    expect(mine.data.myClients.map((c: { id: string }) => c.id)).not.toContain(client.clientId);
    // The client admin sees no firm either (firms' copy).
    const company = await system.gql('{ myClientCompany { firmLink { permissions } } }', {}, client.token);
    expect(company.data.myClientCompany.firmLink).toBeNull();
  });

  it('C6: payroll-sync refuses an unassigned member without VIEW_ALL_CLIENTS; assigned or VIEW_ALL_CLIENTS members see the client', async () => {
    const firm = await signUpFirm(system);
    const client = await registerClient(system);
    await linkClientToFirm(system, firm, client, ['VIEW_COMPANY', 'VIEW_PAYROLL']);
    const staff = await inviteAndJoin(system, firm);
    const staffIdentity = firmIdentity(firm, staff);
    expect(await payrollSyncSees(staffIdentity, client.clientId)).toBe(false);
    // Another firm's member with VIEW_ALL_CLIENTS sees nothing of it either.
    const other = await signUpFirm(system);
    expect(await payrollSyncSees({ ...firmIdentity(other, { memberId: other.memberId, email: `fran@${other.domain}` }), firmRole: 'ADMIN' }, client.clientId)).toBe(false);
    // VIEW_ALL_CLIENTS: every client linked to the firm (SPEC C6).
    expect(await payrollSyncSees(firmIdentity(firm, staff, ['VIEW_ALL_CLIENTS']), client.clientId)).toBe(true);

    await assignWhenKnown(system, firm, { clientId: client.clientId, memberId: staff.memberId, permissions: ['VIEW_PAYROLL'] });
    await eventually(async () => ((await payrollSyncSees(staffIdentity, client.clientId)) ? true : undefined), 15_000, 'payroll-sync to hear of the assignment');
    await system.gql('mutation($c: ID!, $m: ID!) { unassignMember(clientId: $c, memberId: $m) }', { c: client.clientId, m: staff.memberId }, firm.token);
    await eventually(async () => ((await payrollSyncSees(staffIdentity, client.clientId)) ? undefined : true), 15_000, 'payroll-sync to hear of the unassignment');
  });
});
