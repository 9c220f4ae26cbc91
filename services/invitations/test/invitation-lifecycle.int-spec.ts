import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  DAY_MS,
  DomainError,
  EVENT_ENTITIES,
  createLogger,
  createMailer,
  dropMysqlDatabase,
  ensureMysqlDatabase,
  openDatabase,
  type ClientAdminIdentity,
  type Clock,
  type Database,
  type FirmMemberIdentity,
} from '@advisor/kit';
import { INVITATIONS_ENTITIES, INVITATIONS_MIGRATIONS } from '../src/service';
import { createInvitationsDomain, type InvitationsDomain } from '../src/domain';
import { TEST_MYSQL_URL } from '../../../test/support/env';

class MovableClock implements Clock {
  offset = 0;
  now() {
    return new Date(Date.now() + this.offset);
  }
}

/**
 * The invitation lifecycle (SPEC I6) as the invitations domain applies it, on real MySQL:
 * tokens stored as hashes, 7-day expiry, single use under concurrency, and the acceptor's own
 * retry answered with the same success.
 */
describe('invitations: the invitation lifecycle on MySQL (I1, I5, I6)', () => {
  const url = `${TEST_MYSQL_URL}/t${randomBytes(4).toString('hex')}_invitations_int`;
  const mailDir = mkdtempSync(join(tmpdir(), 'advisor-int-mail-'));
  const clock = new MovableClock();
  let db: Database;
  let domain: InvitationsDomain;
  const logger = createLogger({ name: 'invitations-int', level: 'warn' });

  beforeAll(async () => {
    await ensureMysqlDatabase(url);
    db = await openDatabase({ name: 'invitations-int', config: { kind: 'mysql', url }, entities: [...INVITATIONS_ENTITIES, ...EVENT_ENTITIES], migrations: INVITATIONS_MIGRATIONS, logger });
    domain = createInvitationsDomain({ db, mailer: createMailer({ mailFrom: 'test@advisor.example', mailDir, logger }), clock, appUrl: 'http://app.example', logger });
  });
  afterAll(async () => {
    await db?.close();
    await dropMysqlDatabase(url);
    rmSync(mailDir, { recursive: true, force: true });
  });

  const clientAdmin = (): ClientAdminIdentity => ({ realm: 'client', clientAdminId: randomUUID(), clientId: randomUUID(), email: 'owner@client.example', permissions: ['MANAGE', 'MANAGE_EMPLOYEES'] });
  const firmMember = (domainName: string): FirmMemberIdentity => ({ realm: 'firm', memberId: randomUUID(), firmId: randomUUID(), email: `pat@${domainName}`, firmRole: 'ADMIN', permissions: [] });

  /** Sends an invitation and reads its token from the mail sink (only the hash is stored). */
  async function invite(accountantEmail: string): Promise<{ token: string; id: string; clientId: string }> {
    const admin = clientAdmin();
    const sent = await domain.clientInvitesFirm.invite(admin, { accountantName: 'Pat', accountantEmail, permissions: ['VIEW_COMPANY'], acknowledgeFirmWideAccess: true });
    const [row] = await db.manager.query('SELECT token_hash FROM invitations WHERE id = ?', [sent.id]);
    const fs = await import('node:fs');
    const mail = fs.readdirSync(mailDir).map((f) => fs.readFileSync(join(mailDir, f), 'utf8')).find((m) => m.includes(sent.id) || m.includes(accountantEmail))!;
    const token = decodeURIComponent(/token=([A-Za-z0-9_%-]+)/.exec(mail)![1]);
    expect(row.token_hash).not.toBe(token);
    return { token, id: sent.id, clientId: admin.clientId };
  }
  const code = async (p: Promise<unknown>) => p.then(() => 'ok', (err) => (err instanceof DomainError ? err.code : String(err)));

  it('I6: the acceptor retrying gets the same acceptance; another firm is refused; one event only', async () => {
    const { token, id } = await invite('pat@retry-firm.example');
    const pat = firmMember('retry-firm.example');
    const results = await Promise.all([1, 2, 3].map(() => domain.clientInvitesFirm.accept(pat, token)));
    expect(results.map((r) => [r.id, r.status])).toEqual([[id, 'ACCEPTED'], [id, 'ACCEPTED'], [id, 'ACCEPTED']]);
    expect(await code(domain.clientInvitesFirm.accept(firmMember('other-firm.example'), token))).toBe('INVITATION_ALREADY_USED');
    const [events] = await db.manager.query("SELECT COUNT(*) AS n FROM outbox_events WHERE topic LIKE '%invitation-accepted%' AND envelope LIKE ?", [`%${id}%`]);
    expect(Number(events.n)).toBe(1);
  });

  it('I6: an unknown token is INVITATION_NOT_FOUND; after 7 days INVITATION_EXPIRED, and nothing is written', async () => {
    expect(await code(domain.clientInvitesFirm.accept(firmMember('x.example'), 'not-a-token'))).toBe('INVITATION_NOT_FOUND');
    const { token, id } = await invite('pat@late-firm.example');
    clock.offset = 7 * DAY_MS;
    try {
      expect(await code(domain.clientInvitesFirm.accept(firmMember('late-firm.example'), token))).toBe('INVITATION_EXPIRED');
    } finally {
      clock.offset = 0;
    }
    const [row] = await db.manager.query('SELECT status FROM invitations WHERE id = ?', [id]);
    expect(row.status).toBe('PENDING');
  });
});
