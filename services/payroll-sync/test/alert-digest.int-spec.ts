import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS } from '@advisor/kit';
import { EmployerTaxFilingEntity } from '../src/db/entities/payroll-run.entities';
import type { PayrollDomain } from '../src/domain';
import { refusal, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

/**
 * SPEC F12: the opt-in daily digest on MySQL, with two replicas of payroll-sync on one database
 * sending into one mail folder (the file sink): each opted-in member with alerts gets one email a
 * day, however many replicas run the loop at once; nothing for those without alerts, those who
 * did not opt in, or those whose role changed since they opted in.
 */
describe('F12 deadline alerts: the daily digest', () => {
  let h: PayrollHarness;
  let replica: PayrollDomain;
  let mailDir: string;
  beforeAll(async () => {
    mailDir = await mkdtemp(join(tmpdir(), 'alert-digest-'));
    h = await startPayrollHarness('alert_digest_int', {}, { alertDigest: { mailDir } });
    replica = (await h.replica()).domain;
  });
  afterAll(async () => {
    await h?.close();
    await rm(mailDir, { recursive: true, force: true });
  });

  const digestsTo = async (email: string) => {
    const files = await readdir(mailDir).catch(() => []);
    const mails = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(mailDir, f), 'utf8'))));
    return mails.filter((m) => m.to === email && m.template === 'alert-digest');
  };
  /** A member assigned (VIEW_PAYROLL) to a client whose filing the authority rejected: one alert. */
  async function memberWithAlert(email: string) {
    const member = h.member({ email });
    const clientId = await h.linkClient(member, ['VIEW_PAYROLL']);
    await h.db.manager.insert(EmployerTaxFilingEntity, { id: randomUUID(), clientId, month: '2026-10', grossCents: 1, employerTaxCents: 0, runs: 1, status: 'REJECTED', updatedAt: new Date() });
    return { member, clientId };
  }
  /** Both replicas run their pass at once, three times over. */
  const bothReplicasRun = async () => {
    for (let i = 0; i < 3; i++) await Promise.all([h.domain.alertDigestLoop.sweep(), replica.alertDigestLoop.sweep(), h.domain.alertDigestLoop.sweep()]);
  };

  it('F12: an opted-in member gets one digest a day with two replicas running, listing their alerts with links; none without opting in or without alerts', async () => {
    const { member, clientId } = await memberWithAlert(`dee.${Date.now()}@firm.example`);
    const quiet = h.member({ email: `quiet.${Date.now()}@firm.example` });
    const notOptedIn = await memberWithAlert(`nope.${Date.now()}@firm.example`);
    expect(await h.domain.alertDigests.setOptIn(member, true)).toEqual({ optedIn: true, suspended: false, lastSentOn: null });
    await h.domain.alertDigests.setOptIn(quiet, true);

    await bothReplicasRun();
    const [digest, ...more] = await digestsTo(member.email);
    expect(more).toHaveLength(0);
    expect(digest.subject).toContain('1 thing needs you');
    expect(digest.text).toContain(`http://app.test/clients/view/${clientId}/payroll?tab=filings`);
    expect(digest.text).toContain('employer tax filing for 2026-10 was rejected');
    expect(await digestsTo(quiet.email)).toEqual([]);
    expect(await digestsTo(notOptedIn.member.email)).toEqual([]);
    expect((await h.domain.alertDigests.settings(member)).lastSentOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The next day: one more, still once.
    h.clock.offsetMs = DAY_MS;
    try {
      await bothReplicasRun();
      expect(await digestsTo(member.email)).toHaveLength(2);
    } finally {
      h.clock.offsetMs = 0;
    }

    // Opted out: nothing more.
    expect(await h.domain.alertDigests.setOptIn(member, false)).toMatchObject({ optedIn: false });
    h.clock.offsetMs = 2 * DAY_MS;
    try {
      await bothReplicasRun();
      expect(await digestsTo(member.email)).toHaveLength(2);
    } finally {
      h.clock.offsetMs = 0;
    }
  });

  it('F12, C6: after a role or permission change the digest pauses until the member opts in again; a deactivated member\'s opt-in ends', async () => {
    const { member } = await memberWithAlert(`role.${Date.now()}@firm.example`);
    await h.domain.alertDigests.setOptIn(member, true);
    const changedAt = new Date(Date.now() + 1_000).toISOString();
    await h.db.transaction((em) => h.domain.alertDigests.applyAccessChanged(em, { memberId: member.memberId, firmId: member.firmId, reason: 'ROLE_OR_PERMISSIONS_CHANGED', sessionId: null, changedAt }));
    expect(await h.domain.alertDigests.settings(member)).toMatchObject({ optedIn: true, suspended: true });
    await bothReplicasRun();
    expect(await digestsTo(member.email)).toEqual([]);

    h.clock.offsetMs = 2_000; // opting in again, after the change, with the new identity
    try {
      await h.domain.alertDigests.setOptIn(member, true);
    } finally {
      h.clock.offsetMs = 0;
    }
    await bothReplicasRun();
    expect(await digestsTo(member.email)).toHaveLength(1);

    await h.db.transaction((em) => h.domain.alertDigests.applyAccessChanged(em, { memberId: member.memberId, firmId: member.firmId, reason: 'DEACTIVATED', sessionId: null, changedAt: new Date().toISOString() }));
    expect(await h.domain.alertDigests.settings(member)).toMatchObject({ optedIn: false });
  });

  it('F12: client admins, service accounts and anonymous callers cannot opt in', async () => {
    expect(await refusal(h.domain.alertDigests.setOptIn(h.clientAdmin(randomUUID()), true))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.alertDigests.setOptIn(h.member({ firmRole: 'ANALYST', serviceAccount: { name: 'svc', scopes: ['read'] } }), true))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.alertDigests.setOptIn({ realm: 'anonymous' }, true))).toBe('UNAUTHENTICATED');
  });
});
