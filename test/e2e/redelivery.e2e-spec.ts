import { startTestSystem, eventually, type TestSystem } from '../support/test-system';
import { inviteAndJoin, linkClientToFirm, registerClient, signUpFirm } from '../support/fixtures';
import { addPayrollClient, assignWhenKnown } from '../support/client-fixtures';

/**
 * ARCHITECTURE "nothing lost, nothing doubled": after a scenario that produces every kind of
 * event, each event is delivered again to every consumer of its topic. Every redelivery is
 * recognised (`duplicate`, or `rejected` again for one refused the first time) and no table of
 * any service changes.
 */
describe('redelivery of every event is a no-op (MySQL + Kafka)', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(async () => {
    await system?.teardown();
  });

  async function snapshot(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, service] of Object.entries(system.services)) {
      const ds = service.db.dataSource;
      const tables: Array<{ t: string }> = await ds.query(
        'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT IN (?, ?)',
        ['migrations', 'typeorm_metadata'],
      );
      for (const { t } of tables) counts[`${name}.${t}`] = Number((await ds.query(`SELECT COUNT(*) AS n FROM \`${t}\``))[0].n);
    }
    return counts;
  }

  it('every event of a full scenario, delivered again to each of its consumers, changes nothing', async () => {
    // A scenario touching every producer: sign-up and a joiner (member.joined), a client that
    // invites and is linked (invitation.accepted, client.linked, client-company.changed), a new
    // payroll client, an assignment (assignment.changed), a link narrowed and ended
    // (client-link.permissions-changed, client.unlinked), a deactivation (member.deactivated,
    // member.access-changed).
    const firm = await signUpFirm(system);
    const staff = await inviteAndJoin(system, firm);
    const client = await registerClient(system);
    await linkClientToFirm(system, firm, client);
    const payrollClient = await addPayrollClient(system, firm.token);
    await assignWhenKnown(system, firm, { clientId: payrollClient, memberId: staff.memberId, permissions: ['VIEW_COMPANY'] });
    await system.gql(`mutation { updateFirmLinkPermissions(permissions: [VIEW_COMPANY]) { permissions } }`, {}, client.token);
    await system.gql('mutation { endFirmLink }', {}, client.token);
    await system.gql(`mutation($id: ID!) { deactivateMember(memberId: $id) { active } }`, { id: staff.memberId }, firm.token);

    // Wait until every consumer has caught up: all outbox rows published and processed.
    const allRows = async () => {
      const rows: Array<{ topic: string; key: string; envelope: string; eventId: string }> = [];
      for (const service of Object.values(system.services)) {
        rows.push(...(await service.db.dataSource.query('SELECT topic, message_key AS `key`, envelope, event_id AS eventId FROM outbox_events')));
      }
      return rows;
    };
    await eventually(async () => {
      for (const service of Object.values(system.services)) {
        const [pending] = await service.db.dataSource.query('SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL');
        if (Number(pending.n) > 0) return undefined;
      }
      const rows = await allRows();
      for (const service of Object.values(system.services)) {
        const consumer = service.consumer;
        if (!consumer) continue;
        const expected = rows.filter((r) => consumer.topics.includes(r.topic)).map((r) => r.eventId);
        if (expected.length === 0) continue;
        const placeholders = expected.map(() => '?').join(',');
        const [done] = await service.db.dataSource.query(`SELECT COUNT(*) AS n FROM processed_events WHERE event_id IN (${placeholders})`, expected);
        if (Number(done.n) !== expected.length) return undefined;
      }
      return true;
    }, 30_000, 'every consumer to catch up');

    const rows = await allRows();
    const topics = new Set(rows.map((r) => r.topic));
    for (const name of ['member.joined', 'firm.renamed', 'member.deactivated', 'member.access-changed', 'invitation.accepted', 'client.linked', 'client.unlinked', 'client-company.changed', 'client-link.permissions-changed', 'assignment.changed']) {
      expect([...topics].some((t) => t.includes(`.${name.replace(/\./g, '-')}.v1`))).toBe(true);
    }

    // No password, password hash or token ever travels on a topic (ARCHITECTURE, F5).
    for (const row of rows) expect(row.envelope).not.toMatch(/password|\$argon2|token/i);

    const before = await snapshot();
    let redelivered = 0;
    for (const service of Object.values(system.services)) {
      const consumer = service.consumer;
      if (!consumer) continue;
      for (const row of rows.filter((r) => consumer.topics.includes(r.topic))) {
        const outcome = await consumer.process({ topic: row.topic, key: row.key, value: row.envelope, partition: 0, offset: '0' });
        expect(['duplicate', 'rejected']).toContain(outcome);
        redelivered++;
      }
    }
    expect(redelivered).toBeGreaterThan(10);
    expect(await snapshot()).toEqual(before);
  });
});
