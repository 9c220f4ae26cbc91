import { randomUUID } from 'node:crypto';
import { InProcessTransport, createEventConsumer, type Database, type EventConsumer } from '@advisor/kit';
import { firmRenamed, memberDeactivated, memberJoined } from '@advisor/schema';
import type { ClientsDomain } from '../src/domain';
import { firmRenamedHandler } from '../src/events/handlers/firm-renamed.handler';
import { memberJoinedHandler } from '../src/events/handlers/member-joined.handler';
import { memberDeactivatedHandler } from '../src/events/handlers/member-deactivated.handler';
import { openClientsTestDomain } from './support/clients-db';

/**
 * Issue 13: the clients service keeps the names firms announces (`member.joined`, `firm.renamed`)
 * so the dashboard needs no call to firms. Applied idempotently and in any order on real MySQL.
 */
describe('clients: the roster copy keeps member and firm names (issue 13)', () => {
  let db: Database;
  let domain: ClientsDomain;
  let consumer: EventConsumer;
  let drop: () => Promise<void>;
  const firmId = randomUUID();

  beforeAll(async () => {
    const opened = await openClientsTestDomain('clients-roster-int');
    ({ db, domain, drop } = opened);
    // Only `process` is used: each delivery is handed over as Kafka would hand it.
    consumer = createEventConsumer({ name: 'clients', db, transport: new InProcessTransport(opened.logger), logger: opened.logger, handlers: [memberJoinedHandler(domain), memberDeactivatedHandler(domain), firmRenamedHandler(domain)] });
  });
  afterAll(async () => {
    await drop?.();
  });

  const deliver = <P>(contract: { topic: string; name: string; version: number; keyOf(p: P): string }, payload: P, eventId = randomUUID()) =>
    consumer.process({
      topic: contract.topic,
      key: contract.keyOf(payload),
      value: JSON.stringify({ eventId, name: contract.name, version: contract.version, occurredAt: new Date().toISOString(), producer: 'firms', payload }),
      partition: 0,
      offset: '0',
    });

  it('member.joined brings the name; delivered twice it is applied once', async () => {
    const memberId = randomUUID();
    const event = { memberId, firmId, firstName: 'Ada', lastName: 'Lovelace', workEmail: 'ada@firm.example', joinedAt: new Date().toISOString() };
    const eventId = randomUUID();
    expect(await deliver(memberJoined, event, eventId)).toBe('processed');
    expect(await deliver(memberJoined, event, eventId)).toBe('duplicate');
    expect(await domain.roster.membersByIds([memberId, randomUUID()])).toEqual([{ memberId, firmId, firstName: 'Ada', lastName: 'Lovelace' }, null]);
  });

  it('a deactivation heard before the join keeps the member inactive, and the join still brings the name', async () => {
    const memberId = randomUUID();
    await deliver(memberDeactivated, { memberId, firmId, deactivatedBy: randomUUID(), deactivatedAt: new Date().toISOString() });
    expect(await domain.roster.membersByIds([memberId])).toEqual([null]);
    await deliver(memberJoined, { memberId, firmId, firstName: 'Grace', lastName: 'Hopper', workEmail: 'grace@firm.example', joinedAt: new Date().toISOString() });
    expect(await domain.roster.membersByIds([memberId])).toEqual([{ memberId, firmId, firstName: 'Grace', lastName: 'Hopper' }]);
    const [row] = await db.manager.query('SELECT active FROM firm_members WHERE member_id = ?', [memberId]);
    expect(Boolean(row.active)).toBe(false);
  });

  it('F1: firm.renamed keeps the latest name, whatever order the renames arrive in', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
    expect(await domain.roster.firmNamesByIds([firmId])).toEqual([null]);
    await deliver(firmRenamed, { firmId, name: 'Ledger & Co', renamedAt: at(1) });
    await deliver(firmRenamed, { firmId, name: 'Ledger & Partners', renamedAt: at(3) });
    await deliver(firmRenamed, { firmId, name: 'An older name', renamedAt: at(2) });
    expect(await domain.roster.firmNamesByIds([firmId])).toEqual(['Ledger & Partners']);
  });

  it('refused: a rename without a name is rejected and changes nothing', async () => {
    expect(await deliver(firmRenamed, { firmId, name: '', renamedAt: new Date().toISOString() })).toBe('rejected');
    expect(await domain.roster.firmNamesByIds([firmId])).toEqual(['Ledger & Partners']);
  });
});
