import { randomUUID } from 'node:crypto';
import { type ClientAdminIdentity, type Database, type FirmMemberIdentity } from '@advisor/kit';
import type { ClientsDomain } from '../src/domain';
import { ClientCompanyEntity } from '../src/db/entities/client-company.entity';
import { FirmMemberEntity } from '../src/db/entities/firm-member.entity';
import { openClientsTestDomain } from './support/clients-db';

/**
 * The clients domain on real MySQL, without the gateway: AssignmentService is the only writer of
 * assignments (SPEC C3, C4, C5, C12, F7), and every path through it publishes `assignment.changed`
 * and writes the same audit entries in the same transaction as the change.
 */
describe('clients: assignments and links on MySQL (C2, C3, C4, C5, C8, F7)', () => {
  let db: Database;
  let domain: ClientsDomain;
  let drop: () => Promise<void>;
  const firmId = randomUUID();

  beforeAll(async () => {
    ({ db, domain, drop } = await openClientsTestDomain('clients-int'));
  });
  afterAll(async () => {
    await drop?.();
  });

  const admin = (memberId = randomUUID()): FirmMemberIdentity => ({ realm: 'firm', memberId, firmId, email: 'a@firm.example', firmRole: 'ADMIN', permissions: [] });
  const joined = async (memberId: string) =>
    db.manager.insert(FirmMemberEntity, { memberId, firmId, active: true, joinedAt: new Date() });

  async function newClient(): Promise<string> {
    const id = randomUUID();
    await db.manager.insert(ClientCompanyEntity, {
      id, businessName: `Co ${id.slice(0, 6)}`, fein: `45-${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
      platform: 'PAYROLL', status: 'ACTIVE', csName: null, csPhone: null, csEmail: null, createdAt: new Date(),
    });
    return id;
  }

  async function acceptInvitation(clientId: string, memberId: string, permissions = ['VIEW_COMPANY', 'VIEW_PAYROLL'] as const) {
    await db.transaction((em) =>
      domain.links.applyInvitationAccepted(em, {
        invitationId: randomUUID(), kind: 'CLIENT_TO_FIRM', clientId, firmId,
        acceptedBy: { realm: 'firm', id: memberId }, assignMemberId: memberId,
        permissions: [...permissions], acceptedAt: new Date().toISOString(),
      }),
    );
  }

  const events = async (clientId: string) =>
    ((await db.manager.query("SELECT envelope FROM outbox_events WHERE topic LIKE '%assignment-changed%' ORDER BY seq")) as Array<{ envelope: string }>)
      .map((r) => JSON.parse(r.envelope).payload)
      .filter((p) => p.clientId === clientId);
  const rows = (clientId: string) => db.manager.query('SELECT member_id, role FROM assignments WHERE client_id = ? ORDER BY member_id', [clientId]);
  const audits = (clientId: string, action: string) =>
    db.manager.query("SELECT scope_type FROM audit_trail WHERE scope_id IN (?, ?) AND action = ? AND subject_type = 'ASSIGNMENT'", [clientId, firmId, action]);

  it('C4: the acceptor is assigned RESPONSIBLE, once, with an event and both audit entries', async () => {
    const clientId = await newClient();
    const acceptor = randomUUID();
    await acceptInvitation(clientId, acceptor);
    expect(await rows(clientId)).toEqual([{ member_id: acceptor, role: 'RESPONSIBLE' }]);
    expect(await events(clientId)).toEqual([expect.objectContaining({ memberId: acceptor, change: 'ASSIGNED', role: 'RESPONSIBLE', permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] })]);
    expect((await audits(clientId, 'MEMBER_ASSIGNED_ON_ACCEPT')).map((r: { scope_type: string }) => r.scope_type).sort()).toEqual(['CLIENT', 'FIRM']);
  });

  it('C5: one RESPONSIBLE per client: assigning a second responsible member demotes the first, with an UPDATED event', async () => {
    const clientId = await newClient();
    const first = randomUUID();
    const second = randomUUID();
    await joined(second);
    await acceptInvitation(clientId, first);
    await domain.assignments.assign(admin(), { clientId, memberId: second, permissions: ['VIEW_PAYROLL'], role: 'RESPONSIBLE' });
    const roles = Object.fromEntries((await rows(clientId)).map((r: { member_id: string; role: string }) => [r.member_id, r.role]));
    expect(roles).toEqual({ [first]: 'COLLABORATOR', [second]: 'RESPONSIBLE' });
    expect((await events(clientId)).map((e) => [e.memberId === first ? 'first' : 'second', e.change, e.role])).toEqual([
      ['first', 'ASSIGNED', 'RESPONSIBLE'],
      ['first', 'UPDATED', 'COLLABORATOR'],
      ['second', 'ASSIGNED', 'RESPONSIBLE'],
    ]);
  });

  it('C2: ending the link ends every assignment of the firm on the client, one UNASSIGNED event each, all in one transaction', async () => {
    const clientId = await newClient();
    const acceptor = randomUUID();
    const staff = randomUUID();
    await joined(staff);
    await acceptInvitation(clientId, acceptor);
    await domain.assignments.assign(admin(), { clientId, memberId: staff, permissions: ['VIEW_COMPANY'] });
    const clientAdmin: ClientAdminIdentity = { realm: 'client', clientAdminId: randomUUID(), clientId, email: 'o@client.example', permissions: ['MANAGE'] };
    await domain.links.endLink(clientAdmin);
    expect(await rows(clientId)).toEqual([]);
    const ended = (await events(clientId)).filter((e) => e.change === 'UNASSIGNED');
    expect(ended.map((e) => e.memberId).sort()).toEqual([acceptor, staff].sort());
    expect(await audits(clientId, 'ASSIGNMENT_ENDED_LINK_ENDED')).toHaveLength(4); // two assignments × two trails
  });

  it('C8: the member who adds a new Payroll client is assigned through the same writer (an ASSIGNED event)', async () => {
    const member = admin();
    const company = await domain.onboarding.addPayrollClient(member, { businessName: 'Onboarding Co', fein: `46-${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` });
    expect(await events(company.id)).toEqual([expect.objectContaining({ memberId: member.memberId, change: 'ASSIGNED', role: 'RESPONSIBLE' })]);
  });

  it('F7: a deactivated member loses every assignment, each announced', async () => {
    const clientA = await newClient();
    const clientB = await newClient();
    const leaver = randomUUID();
    await acceptInvitation(clientA, leaver);
    await acceptInvitation(clientB, leaver);
    await db.transaction((em) =>
      domain.assignments.endAllOfMember(em, { memberId: leaver, firmId, deactivatedBy: randomUUID(), deactivatedAt: new Date().toISOString() }),
    );
    expect([...(await rows(clientA)), ...(await rows(clientB))]).toEqual([]);
    const unassigned = [...(await events(clientA)), ...(await events(clientB))].filter((e) => e.change === 'UNASSIGNED');
    expect(unassigned).toHaveLength(2);
  });
});
