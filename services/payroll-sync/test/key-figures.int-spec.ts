import { randomUUID } from 'node:crypto';
import type { FirmMemberIdentity } from '@advisor/kit';
import { PayrollMonthFiguresEntity } from '../src/db/entities/key-figure.entities';
import { EmployerTaxFilingEntity } from '../src/db/entities/payroll-run.entities';
import { KeyFigureService, previousMonth } from '../src/domain/key-figures.service';
import { addDays } from '../src/domain/pay-periods';
import { payPeriodId } from '../src/domain/timecard-placement';
import { dayShift, pastWeeks, refusal, simAdmin, startPayrollHarness, type PayrollHarness } from './support/payroll-harness';

const poll = (h: PayrollHarness, clientId: string) =>
  h.domain.sync.run({ clientId, kind: 'POLL', leaseToken: 't', attempt: 1, nextOnSuccess: new Date(), retryAfterMs: 1000 }, 'POLL', null);

/**
 * SPEC P4 on MySQL: per-client, per-month figures kept in the transaction of each change (syncs,
 * a resend, a timecard edit, a payroll run) agree with a full recount from payslips, shifts and
 * timecards; the overview sums them over the clients the caller sees (C6), for the firm or one
 * group (C10, from the clients service's membership events), in the same number of statements
 * however many clients there are.
 */
describe('payroll-sync: key figures (P4)', () => {
  let h: PayrollHarness;
  beforeAll(async () => {
    h = await startPayrollHarness('key_figures_int');
  });
  afterAll(() => h?.close());

  it('P4: the stored month figures equal a full recount after syncs, a resend, a timecard edit and a payroll run', async () => {
    const { week1 } = pastWeeks();
    const member = h.member();
    const clientId = await h.linkClient(member, ['VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES']);
    const { companyId, apiKey } = await h.company(clientId);
    const sim = (method: string, path: string, body?: unknown) => simAdmin(h.sim.url, method, `/admin/companies/${clientId}${path}`, body);
    const boss = await sim('POST', '/workers', { firstName: 'Max', lastName: 'Roe', email: 'max@co.test', kind: 'W2', isManager: true, payRateCents: 3000 });
    const bo = await sim('POST', '/workers', { firstName: 'Bo', lastName: 'Ek', email: 'bo@co.test', kind: 'CONTRACTOR', payRateCents: 5000 });
    const cy = await sim('POST', '/workers', { firstName: 'Cy', lastName: 'Po', email: 'cy@co.test', kind: 'W2' });
    await h.domain.timeTracking.connect(member, { clientId, providerCompanyId: companyId, apiKey, payFrequency: 'WEEKLY' });
    await h.domain.timeTracking.refresh(member, clientId);
    const shiftIds: Record<string, string> = {};
    for (const [name, workerId, day, hours] of [['boss1', boss.id, 0, 8], ['boss2', boss.id, 1, 6], ['bo', bo.id, 2, 5], ['cy', cy.id, 3, 4]] as const) {
      const shift = await sim('POST', '/shifts', { workerId, ...dayShift(addDays(week1, day), 9, hours) });
      await sim('POST', `/shifts/${shift.id}/approve`, { approvedBy: boss.id });
      shiftIds[name] = shift.id;
    }
    const pto = await sim('POST', '/time-off', { workerId: boss.id, date: addDays(week1, 4), minutes: 240, kind: 'PTO' });
    await sim('POST', `/time-off/${pto.id}/approve`, { approvedBy: boss.id });
    await poll(h, clientId);

    const months = [...new Set([week1, addDays(week1, 6)].map((d) => d.slice(0, 7)))];
    const stored = async () => {
      const rows = await h.db.manager.findBy(PayrollMonthFiguresEntity, { clientId });
      const sum = (k: keyof PayrollMonthFiguresEntity) => rows.reduce((s, r) => s + (r[k] as number), 0);
      return { shifts: sum('shifts'), shiftsAutomated: sum('shiftsAutomated'), absences: sum('absences'), payslips: sum('payslips'), employeesPaid: sum('employeesPaid'), contractorPayments: sum('contractorPayments'), grossCents: sum('grossCents') };
    };
    const expectAggregateEqualsRecount = async () => {
      for (const month of months) {
        const row = await h.db.manager.findOneBy(PayrollMonthFiguresEntity, { clientId, month });
        const recount = await h.domain.figures.count(h.db.manager, clientId, month);
        expect(row ? { ...row, clientId: undefined, month: undefined, updatedAt: undefined } : null).toEqual(row ? { ...recount, clientId: undefined, month: undefined, updatedAt: undefined } : null);
        if (!row) expect(recount.shifts + recount.absences + recount.payslips).toBe(0);
      }
    };
    // Cy has no pay rate: their shift is an ERROR; all four shifts count, three reached timecards by themselves.
    expect(await stored()).toMatchObject({ shifts: 4, shiftsAutomated: 3, absences: 1, payslips: 0 });
    await expectAggregateEqualsRecount();

    const cyMember = (await h.domain.timeTracking.workers(member, clientId))!.find((w) => w.email === 'cy@co.test')!;
    await h.domain.timeTracking.updateWorker(member, cyMember.id, { payRateCents: 2000 });
    await h.domain.timecards.resendShift(member, clientId, shiftIds.cy);
    // Sent again by hand: on a timecard, not automated.
    expect(await stored()).toMatchObject({ shifts: 4, shiftsAutomated: 3 });
    await expectAggregateEqualsRecount();

    const periodId = payPeriodId(clientId, week1);
    const cards = (await h.domain.timecards.timecards(member, clientId, periodId))!;
    const bossCard = cards.find((c) => c.ptoMinutes > 0)!;
    await h.domain.timecards.updateTimecard(member, bossCard.id, { holidayHours: [{ date: addDays(week1, 5), minutes: 60 }] });
    // Max's timecard was edited by hand: his two shifts are no longer automated.
    expect(await stored()).toMatchObject({ shifts: 4, shiftsAutomated: 1 });
    await expectAggregateEqualsRecount();

    await h.domain.timecards.approveAll(member, clientId, periodId);
    const run = await h.domain.runs.run(member, clientId, periodId);
    expect(await stored()).toMatchObject({ payslips: 2, employeesPaid: 2, contractorPayments: 1, grossCents: run.grossCents });
    await expectAggregateEqualsRecount();

    const month = addDays(week1, 6).slice(0, 7);
    const figures = await h.domain.figures.keyFigures(member, { month });
    expect(figures).toMatchObject({ month, groupId: null, payrollClients: 1, employeesInService: 2, payslipsSent: 2, contractorPayments: 1, totalPaidOutCents: run.grossCents + run.contractorCents });
  });
});

describe('payroll-sync: key figures over the clients the caller sees (P4, C6, C10)', () => {
  let h: PayrollHarness;
  const month = '2031-05';
  beforeAll(async () => {
    h = await startPayrollHarness('key_figures_c6_int');
  });
  afterAll(() => h?.close());

  const row = (clientId: string, payslips: number, overrides: Partial<PayrollMonthFiguresEntity> = {}): PayrollMonthFiguresEntity => ({
    clientId, month, payslips, employeesPaid: payslips, contractorPayments: 1, grossCents: payslips * 100_000, contractorCents: 5_000, employerTaxCents: payslips * 7_650, withheldCents: payslips * 22_000,
    shifts: 10, shiftsAutomated: 7, absences: 2, updatedAt: new Date(), ...overrides,
  });

  it('P4, C6, C10: an assigned member counts their clients, VIEW_ALL_CLIENTS counts all, an unassigned member none; a group narrows it; client admins are refused', async () => {
    const ann = h.member();
    const [a, b] = [await h.linkClient(ann, ['VIEW_PAYROLL']), await h.linkClient(ann, ['VIEW_PAYROLL'])];
    const other = h.member();
    const c = await h.linkClient(other, ['VIEW_PAYROLL']);
    // The month's figures as payroll runs and syncs leave them (the recount test above shows how they are kept).
    await h.db.manager.insert(PayrollMonthFiguresEntity, [row(a, 3), row(b, 5, { shifts: 0, shiftsAutomated: 0 }), row(c, 7)]);
    await h.db.manager.insert(EmployerTaxFilingEntity, [
      { id: randomUUID(), clientId: a, month: previousMonth(month), grossCents: 1, employerTaxCents: 0, withheldCents: 0, runs: 1, status: 'REJECTED', updatedAt: new Date() },
      { id: randomUUID(), clientId: c, month: previousMonth(month), grossCents: 1, employerTaxCents: 0, withheldCents: 0, runs: 1, status: 'REJECTED', updatedAt: new Date() },
    ]);

    expect(await h.domain.figures.keyFigures(ann, { month })).toEqual({
      month, groupId: null, payrollClients: 2, employeesInService: 8, payslipsSent: 8, contractorPayments: 2, absencesRegistered: 4, shifts: 10, shiftsAutomated: 7,
      automationLevel: 0.7, filingsWithErrorsLastMonth: 1, totalPaidOutCents: 810_000,
    });
    const boss = h.member({ permissions: ['VIEW_ALL_CLIENTS'] as never });
    expect(await h.domain.figures.keyFigures(boss, { month })).toMatchObject({ payrollClients: 3, payslipsSent: 15, filingsWithErrorsLastMonth: 2, shifts: 20, automationLevel: 0.7 });
    const unassigned = h.member();
    expect(await h.domain.figures.keyFigures(unassigned, { month })).toMatchObject({ payrollClients: 0, payslipsSent: 0, totalPaidOutCents: 0, automationLevel: null, filingsWithErrorsLastMonth: 0 });
    // Another firm's member sees nothing of this firm.
    expect(await h.domain.figures.keyFigures(h.member({ firmId: randomUUID(), permissions: ['VIEW_ALL_CLIENTS'] as never }), { month })).toMatchObject({ payrollClients: 0, payslipsSent: 0 });

    // Groups as the clients service announces them: b and c in "paid on the 20th"; an ADDED that arrives after a newer REMOVED changes nothing.
    const groupId = randomUUID();
    const at = (s: number) => new Date(Date.UTC(2031, 0, 1, 0, 0, s)).toISOString();
    await h.db.transaction(async (em) => {
      await KeyFigureService.applyGroupMembership(em, { groupId, firmId: h.firmId, change: 'ADDED', clientIds: [a, b, c], changedAt: at(1) });
      await KeyFigureService.applyGroupMembership(em, { groupId, firmId: h.firmId, change: 'REMOVED', clientIds: [a], changedAt: at(3) });
      await KeyFigureService.applyGroupMembership(em, { groupId, firmId: h.firmId, change: 'ADDED', clientIds: [a], changedAt: at(2) });
    });
    expect(await h.domain.figures.keyFigures(boss, { month, groupId })).toMatchObject({ groupId, payrollClients: 2, payslipsSent: 12 });
    expect(await h.domain.figures.keyFigures(ann, { month, groupId })).toMatchObject({ payrollClients: 1, payslipsSent: 5, automationLevel: null });
    expect(await h.domain.figures.keyFigures(unassigned, { month, groupId })).toMatchObject({ payrollClients: 0, payslipsSent: 0 });
    // A group of another firm filters everything out.
    expect(await h.domain.figures.keyFigures(h.member({ firmId: randomUUID(), permissions: ['VIEW_ALL_CLIENTS'] as never }), { month, groupId })).toMatchObject({ payslipsSent: 0 });

    expect(await refusal(h.domain.figures.keyFigures(h.clientAdmin(a), { month }))).toBe('FORBIDDEN');
    expect(await refusal(h.domain.figures.keyFigures(ann, { month: '2031-13' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.figures.keyFigures(ann, { month, groupId: 'nope' }))).toBe('BAD_USER_INPUT');
  });

  it('P4: the overview takes the same number of SQL statements at 3 and at 60 clients', async () => {
    const boss = h.member({ permissions: ['VIEW_ALL_CLIENTS'] as never, firmId: randomUUID() });
    const statements = async () => {
      const before = h.db.statementCount;
      await h.domain.figures.keyFigures(boss, { month });
      return h.db.statementCount - before;
    };
    const link = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        await h.db.transaction((em) =>
          import('@advisor/rules').then(({ applyClientLinkedToCopy }) =>
            applyClientLinkedToCopy(em, { linkId: randomUUID(), clientId: id, firmId: boss.firmId, linkedAt: new Date().toISOString(), invitationId: null, permissions: ['VIEW_PAYROLL'] as never }),
          ),
        );
        await h.db.manager.insert(PayrollMonthFiguresEntity, row(id, 1));
      }
    };
    await link(3);
    const few = await statements();
    await link(57);
    expect(await statements()).toBe(few);
    expect(await h.domain.figures.keyFigures(boss, { month })).toMatchObject({ payslipsSent: 60 });
  });

  /** n clients linked to the firm (SPEC C2 copy); the first ones assigned to `member` with these roles (C3, C5). */
  const linkClients = async (firmId: string, n: number, member: FirmMemberIdentity, roles: Array<'RESPONSIBLE' | 'COLLABORATOR'>) => {
    const { applyAssignmentChangedToCopy, applyClientLinkedToCopy } = await import('@advisor/rules');
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      ids.push(id);
      await h.db.transaction(async (em) => {
        await applyClientLinkedToCopy(em, { linkId: randomUUID(), clientId: id, firmId, linkedAt: new Date().toISOString(), invitationId: null, permissions: ['VIEW_PAYROLL'] as never });
        if (roles[i]) {
          await applyAssignmentChangedToCopy(em, {
            assignmentId: randomUUID(), clientId: id, firmId, memberId: member.memberId, change: 'ASSIGNED', role: roles[i], permissions: ['VIEW_PAYROLL'] as never, changedAt: new Date().toISOString(),
          });
        }
      });
    }
    return ids;
  };
  /** Every page of a report, following nextCursor. */
  const allPages = async <T>(page: (after: string | null) => Promise<{ rows: T[]; nextCursor: string | null }>) => {
    const rows: T[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const next: { rows: T[]; nextCursor: string | null } = await page(after);
      rows.push(...next.rows);
      after = next.nextCursor;
      pages += 1;
    } while (after);
    return { rows, pages };
  };

  it('P5, C6, C10: the usage log and automation level per client and month, paginated, by group; "my clients" with role and status', async () => {
    const firmId = randomUUID();
    const boss = h.member({ firmId, permissions: ['VIEW_ALL_CLIENTS'] as never });
    const ann = h.member({ firmId });
    const ids = await linkClients(firmId, 5, ann, ['RESPONSIBLE', 'COLLABORATOR']);
    for (const [i, id] of ids.entries()) {
      await h.db.manager.insert(PayrollMonthFiguresEntity, [row(id, i + 1, { month: '2031-04' }), row(id, i + 1), row(id, 9, { month: '2031-06' })]);
    }
    const { rows: all, pages } = await allPages((after) => h.domain.reports.usage(boss, { fromMonth: '2031-04', toMonth: '2031-05', first: 3, after }));
    // 5 clients × 2 months (June is outside the range), 3 per page, in (client, month) order, none twice.
    expect(pages).toBe(4);
    expect(all.map((r) => `${r.clientId}:${r.month}`)).toEqual([...ids].sort().flatMap((id) => [`${id}:2031-04`, `${id}:2031-05`]));
    expect(all[0]).toMatchObject({ shifts: 10, shiftsAutomated: 7, automationLevel: 0.7, absences: 2 });

    const annRows = await h.domain.reports.usage(ann, { fromMonth: '2031-05', toMonth: '2031-05' });
    expect(annRows.rows.map((r) => r.clientId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(annRows.nextCursor).toBeNull();
    expect((await h.domain.reports.usage(h.member({ firmId }), { fromMonth: '2031-04', toMonth: '2031-06' })).rows).toEqual([]);
    const groupId = randomUUID();
    await h.db.transaction((em) => KeyFigureService.applyGroupMembership(em, { groupId, firmId, change: 'ADDED', clientIds: [ids[1], ids[4]], changedAt: new Date().toISOString() }));
    expect((await h.domain.reports.usage(boss, { fromMonth: '2031-05', toMonth: '2031-05', groupId })).rows.map((r) => r.clientId).sort()).toEqual([ids[1], ids[4]].sort());
    expect((await h.domain.reports.usage(ann, { fromMonth: '2031-05', toMonth: '2031-05', groupId })).rows.map((r) => r.clientId)).toEqual([ids[1]]);

    expect(await refusal(h.domain.reports.usage(boss, { fromMonth: '2031-06', toMonth: '2031-05' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.reports.usage(boss, { fromMonth: '2031-05', toMonth: '2031-05', first: 201 }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.reports.usage(boss, { fromMonth: '2031-05', toMonth: '2031-05', after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.reports.usage(h.clientAdmin(ids[0]), { fromMonth: '2031-05', toMonth: '2031-05' }))).toBe('FORBIDDEN');

    const mine = await h.domain.reports.myClients(ann, { first: 1 });
    expect(mine.rows).toHaveLength(1);
    const rest = await h.domain.reports.myClients(ann, { first: 1, after: mine.nextCursor });
    expect([...mine.rows, ...rest.rows].map((r) => [r.clientId, r.role])).toEqual(
      [[ids[0], 'RESPONSIBLE'], [ids[1], 'COLLABORATOR']].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    );
    expect(rest.nextCursor).toBeNull();
    expect(mine.rows[0]).toMatchObject({ timeTrackingStatus: 'NOT_CONNECTED', lastSyncStatus: null });
    expect((await h.domain.reports.myClients(ann, { groupId })).rows.map((r) => r.clientId)).toEqual([ids[1]]);
    // The boss sees every client but is assigned to none: no "my clients".
    expect((await h.domain.reports.myClients(boss, {})).rows).toEqual([]);
  });

  it('P5, C6, C10: the term report sums each client’s two-month terms (gross, tax withheld, employer tax), terms with pay only, paginated, by group', async () => {
    const firmId = randomUUID();
    const boss = h.member({ firmId, permissions: ['VIEW_ALL_CLIENTS'] as never });
    const ann = h.member({ firmId });
    const ids = await linkClients(firmId, 3, ann, ['RESPONSIBLE']);
    for (const id of ids) {
      // Jan and Feb (T1), March only (T2), a May of shifts and no pay (not a term with pay), Dec of the year before (outside).
      await h.db.manager.insert(PayrollMonthFiguresEntity, [
        row(id, 2, { month: '2031-01', withheldCents: 41_111 }), row(id, 3, { month: '2031-02', withheldCents: 62_222 }), row(id, 1, { month: '2031-03' }),
        row(id, 0, { month: '2031-05', contractorPayments: 0, contractorCents: 0 }), row(id, 4, { month: '2030-12' }),
      ]);
    }
    const { rows: all, pages } = await allPages((after) => h.domain.reports.terms(boss, { fromTerm: '2031-T1', toTerm: '2031-T3', first: 2, after }));
    // 3 clients × 2 terms with pay, 2 per page, in (client, term) order, each term whole and once.
    expect(pages).toBe(3);
    expect(all.map((r) => `${r.clientId}:${r.term}`)).toEqual([...ids].sort().flatMap((id) => [`${id}:2031-T1`, `${id}:2031-T2`]));
    expect(all[0]).toEqual({
      clientId: [...ids].sort()[0], term: '2031-T1', fromMonth: '2031-01', toMonth: '2031-02', payslips: 5,
      grossCents: 500_000, withheldCents: 103_333, employerTaxCents: 38_250, contractorCents: 10_000,
    });
    expect(all[1]).toMatchObject({ term: '2031-T2', fromMonth: '2031-03', toMonth: '2031-04', payslips: 1, grossCents: 100_000, withheldCents: 22_000, employerTaxCents: 7_650 });
    // A page of one term still takes both months of it.
    const one = await h.domain.reports.terms(boss, { fromTerm: '2031-T1', toTerm: '2031-T1', first: 1 });
    expect(one.rows).toEqual([expect.objectContaining({ term: '2031-T1', payslips: 5 })]);

    expect((await h.domain.reports.terms(ann, { fromTerm: '2031-T1', toTerm: '2031-T6' })).rows.map((r) => r.clientId)).toEqual([ids[0], ids[0]]);
    expect((await h.domain.reports.terms(h.member({ firmId }), { fromTerm: '2030-T1', toTerm: '2031-T6' })).rows).toEqual([]);
    const groupId = randomUUID();
    await h.db.transaction((em) => KeyFigureService.applyGroupMembership(em, { groupId, firmId, change: 'ADDED', clientIds: [ids[2]], changedAt: new Date().toISOString() }));
    expect((await h.domain.reports.terms(boss, { fromTerm: '2030-T6', toTerm: '2031-T1', groupId })).rows.map((r) => `${r.clientId}:${r.term}:${r.payslips}`)).toEqual([`${ids[2]}:2030-T6:4`, `${ids[2]}:2031-T1:5`]);
    expect((await h.domain.reports.terms(ann, { fromTerm: '2031-T1', toTerm: '2031-T6', groupId })).rows).toEqual([]);

    expect(await refusal(h.domain.reports.terms(boss, { fromTerm: '2031-T7', toTerm: '2031-T7' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.reports.terms(boss, { fromTerm: '2031-01', toTerm: '2031-T2' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.reports.terms(boss, { fromTerm: '2031-T3', toTerm: '2031-T2' }))).toBe('BAD_USER_INPUT');
    expect(await refusal(h.domain.reports.terms(h.clientAdmin(ids[0]), { fromTerm: '2031-T1', toTerm: '2031-T1' }))).toBe('FORBIDDEN');
  });
});
