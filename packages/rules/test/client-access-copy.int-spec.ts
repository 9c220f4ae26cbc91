import { randomBytes, randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLogger, dropMysqlDatabase, ensureMysqlDatabase, openDatabase, type Database, type FirmMemberIdentity } from '@advisor/kit';
import {
  CLIENT_ACCESS_COPY_ENTITIES,
  ClientLinkCopyEntity,
  applyAssignmentChangedToCopy,
  applyClientLinkedToCopy,
  applyClientUnlinkedToCopy,
  applyLinkPermissionsChangedToCopy,
  clientAccessFromCopy,
  createAssignmentCopyTableV2,
  createLinkCopyTablesV1,
  upgradeLinkCopyTablesV2,
  visibleClientIdsFromCopy,
} from '../src';
import { TEST_MYSQL_URL } from '../../../test/support/env';

/** The frozen migrations as a service runs them (v1 tables, then the v2 upgrade). */
class AccessCopyTables1700000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner) {
    await createLinkCopyTablesV1(queryRunner);
    await upgradeLinkCopyTablesV2(queryRunner);
    await createAssignmentCopyTableV2(queryRunner);
  }
  async down() {}
}

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 9, minutes)).toISOString();

/**
 * The one copy of client links and assignments that every service keeps (SPEC C2, C3, C6), on
 * real MySQL: repeated and reordered events leave it as the newest word says.
 */
describe('shared client access copy (C2, C3, C6) on MySQL', () => {
  const url = `${TEST_MYSQL_URL}/t${randomBytes(4).toString('hex')}_rules`;
  let db: Database;
  const firmId = randomUUID();
  const otherFirmId = randomUUID();

  beforeAll(async () => {
    await ensureMysqlDatabase(url);
    db = await openDatabase({
      name: 'rules-test',
      config: { kind: 'mysql', url },
      entities: CLIENT_ACCESS_COPY_ENTITIES,
      migrations: [AccessCopyTables1700000000001],
      logger: createLogger({ name: 'rules-test', level: 'warn' }),
    });
  });
  afterAll(async () => {
    await db?.close();
    await dropMysqlDatabase(url);
  });

  const apply = <T>(fn: (em: any, e: T) => Promise<void>, event: T) => db.transaction((em) => fn(em, event));
  const linkRow = (clientId: string) => db.manager.findOne(ClientLinkCopyEntity, { where: { clientId } });
  const member = (memberId: string, extra: Partial<FirmMemberIdentity> = {}): FirmMemberIdentity => ({
    realm: 'firm',
    memberId,
    firmId,
    email: 'm@firm.example',
    firmRole: 'MEMBER',
    permissions: [],
    ...extra,
  });

  it('C2: a repeated client.linked changes nothing; an older link never replaces a newer one', async () => {
    const clientId = randomUUID();
    const newer = { linkId: randomUUID(), clientId, firmId, permissions: ['VIEW_COMPANY' as const], linkedAt: at(10), invitationId: null };
    await apply(applyClientLinkedToCopy, newer);
    await apply(applyClientLinkedToCopy, newer);
    const older = { ...newer, linkId: randomUUID(), firmId: otherFirmId, linkedAt: at(5) };
    await apply(applyClientLinkedToCopy, older);
    expect(await linkRow(clientId)).toMatchObject({ linkId: newer.linkId, firmId, permissions: ['VIEW_COMPANY'] });
  });

  it('C2: client.unlinked arriving before its client.linked: the link is never brought back', async () => {
    const clientId = randomUUID();
    const linkId = randomUUID();
    await apply(applyClientUnlinkedToCopy, { linkId, clientId, firmId, endedBy: { realm: 'client' as const, id: randomUUID() }, unlinkedAt: at(20) });
    await apply(applyClientLinkedToCopy, { linkId, clientId, firmId, permissions: ['VIEW_PAYROLL' as const], linkedAt: at(10), invitationId: null });
    await apply(applyLinkPermissionsChangedToCopy, { linkId, clientId, firmId, before: [], after: ['RUN_PAYROLL' as const], changedAt: at(15) });
    expect(await linkRow(clientId)).toBeNull();
  });

  it('C2, C3: permissions follow the newest change, whatever order the events arrive in', async () => {
    const clientId = randomUUID();
    const linkId = randomUUID();
    // The change arrives before the link itself.
    await apply(applyLinkPermissionsChangedToCopy, { linkId, clientId, firmId, before: ['VIEW_COMPANY' as const], after: ['VIEW_COMPANY' as const, 'VIEW_PAYROLL' as const], changedAt: at(30) });
    await apply(applyClientLinkedToCopy, { linkId, clientId, firmId, permissions: ['VIEW_COMPANY' as const], linkedAt: at(10), invitationId: null });
    // An older change arrives late.
    await apply(applyLinkPermissionsChangedToCopy, { linkId, clientId, firmId, before: [], after: ['RUN_PAYROLL' as const], changedAt: at(20) });
    const row = await linkRow(clientId);
    expect(row).toMatchObject({ linkId, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'] });
    expect(row!.linkedAt.toISOString()).toBe(at(10));
  });

  it('C3, C6: access is the assignment ∩ the link; VIEW_ALL_CLIENTS sees every linked client; other firms see nothing; an old ASSIGNED never revives an unassignment', async () => {
    const clientId = randomUUID();
    const linkId = randomUUID();
    const assigned = randomUUID();
    const unassigned = randomUUID();
    await apply(applyClientLinkedToCopy, { linkId, clientId, firmId, permissions: ['VIEW_COMPANY' as const, 'VIEW_PAYROLL' as const], linkedAt: at(1), invitationId: null });
    const assignment = { assignmentId: randomUUID(), clientId, firmId, memberId: assigned, change: 'ASSIGNED' as const, role: 'COLLABORATOR' as const, permissions: ['VIEW_PAYROLL' as const, 'RUN_PAYROLL' as const], changedAt: at(2) };
    await apply(applyAssignmentChangedToCopy, assignment);

    const access = await clientAccessFromCopy(db.manager, member(assigned), [clientId]);
    expect(access.get(clientId)).toEqual({ visible: true, permissions: ['VIEW_PAYROLL'] });
    expect((await clientAccessFromCopy(db.manager, member(unassigned), [clientId])).get(clientId)).toEqual({ visible: false, permissions: [] });
    expect((await clientAccessFromCopy(db.manager, member(unassigned, { permissions: ['VIEW_ALL_CLIENTS'] }), [clientId])).get(clientId)).toEqual({ visible: true, permissions: [] });
    expect((await clientAccessFromCopy(db.manager, member(unassigned, { firmRole: 'ADMIN' }), [clientId])).get(clientId)?.visible).toBe(true);
    expect((await clientAccessFromCopy(db.manager, member(assigned, { firmId: otherFirmId, firmRole: 'ADMIN' }), [clientId])).get(clientId)?.visible).toBe(false);
    expect(await visibleClientIdsFromCopy(db.manager, member(assigned))).toContain(clientId);
    expect(await visibleClientIdsFromCopy(db.manager, member(unassigned))).not.toContain(clientId);

    await apply(applyAssignmentChangedToCopy, { ...assignment, change: 'UNASSIGNED' as const, role: null, permissions: [], changedAt: at(4) });
    await apply(applyAssignmentChangedToCopy, { ...assignment, changedAt: at(3) }); // late, older
    expect((await clientAccessFromCopy(db.manager, member(assigned), [clientId])).get(clientId)?.visible).toBe(false);
  });
});
