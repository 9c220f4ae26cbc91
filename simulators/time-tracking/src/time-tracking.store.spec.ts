import { randomUUID } from 'node:crypto';
import { SimError } from '@advisor/simulator-kit';
import { TimeTrackingStore } from './time-tracking.store';

/** The time-tracking simulator's rules, on its store directly (the HTTP side is in test/). */
describe('time-tracking simulator store', () => {
  let store: TimeTrackingStore;
  let companyId: string;
  let worker: string;
  let manager: string;

  const newWorker = (email: string, extra: { isManager?: boolean; isAdmin?: boolean } = {}) =>
    store.createWorker(companyId, { firstName: 'Ann', lastName: 'Lee', email, kind: 'W2', isManager: false, isAdmin: false, payRateCents: 2500, externalRef: null, ...extra }).id;
  const shift = (start: string, end: string, breakMinutes = 0, workerId = worker) => store.createShift(companyId, { workerId, start, end, breakMinutes });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      if (err instanceof SimError) return { status: err.status, code: err.code };
      throw err;
    }
    throw new Error('expected a refusal');
  };

  beforeEach(() => {
    store = new TimeTrackingStore();
    companyId = randomUUID();
    store.createCompany({ id: companyId, name: 'Acme', timeZone: 'America/New_York' });
    worker = newWorker('ann@acme.test');
    manager = newWorker('max@acme.test', { isManager: true });
  });

  describe('P2 shifts are validated', () => {
    it('P2: a shift must end after it starts (INVALID_SHIFT)', () => {
      expect(refusal(() => shift('2025-01-06T17:00:00Z', '2025-01-06T09:00:00Z'))).toEqual({ status: 400, code: 'INVALID_SHIFT' });
      expect(refusal(() => shift('2025-01-06T09:00:00Z', '2025-01-06T09:00:00Z'))).toEqual({ status: 400, code: 'INVALID_SHIFT' });
    });

    it('P2: a shift lasts at most 24 hours (INVALID_SHIFT); exactly 24 hours is fine', () => {
      expect(refusal(() => shift('2025-01-06T09:00:00Z', '2025-01-07T09:01:00Z'))).toEqual({ status: 400, code: 'INVALID_SHIFT' });
      expect(shift('2025-01-06T09:00:00Z', '2025-01-07T09:00:00Z').minutes).toBe(24 * 60);
    });

    it('P2: a break is zero or more and shorter than the shift (INVALID_BREAK)', () => {
      expect(refusal(() => shift('2025-01-06T09:00:00Z', '2025-01-06T10:00:00Z', -1))).toEqual({ status: 400, code: 'INVALID_BREAK' });
      expect(refusal(() => shift('2025-01-06T09:00:00Z', '2025-01-06T10:00:00Z', 60))).toEqual({ status: 400, code: 'INVALID_BREAK' });
      expect(shift('2025-01-06T09:00:00Z', '2025-01-06T10:00:00Z', 59).minutes).toBe(1);
    });

    it('P2: one worker cannot have overlapping shifts (OVERLAPPING_SHIFT); back to back, or another worker, is fine', () => {
      shift('2025-01-06T09:00:00Z', '2025-01-06T17:00:00Z');
      expect(refusal(() => shift('2025-01-06T16:59:00Z', '2025-01-06T20:00:00Z'))).toEqual({ status: 400, code: 'OVERLAPPING_SHIFT' });
      expect(refusal(() => shift('2025-01-06T06:00:00Z', '2025-01-06T09:01:00Z'))).toEqual({ status: 400, code: 'OVERLAPPING_SHIFT' });
      expect(refusal(() => shift('2025-01-06T10:00:00Z', '2025-01-06T11:00:00Z'))).toEqual({ status: 400, code: 'OVERLAPPING_SHIFT' });
      expect(shift('2025-01-06T17:00:00Z', '2025-01-06T20:00:00Z').status).toBe('PENDING');
      expect(shift('2025-01-06T06:00:00Z', '2025-01-06T09:00:00Z').status).toBe('PENDING');
      expect(shift('2025-01-06T09:00:00Z', '2025-01-06T17:00:00Z', 0, manager).status).toBe('PENDING');
    });

    it('P2: an edit may not make a shift overlap another, but may move the shift over its own old time', () => {
      const first = shift('2025-01-06T09:00:00Z', '2025-01-06T12:00:00Z');
      shift('2025-01-06T13:00:00Z', '2025-01-06T17:00:00Z');
      expect(refusal(() => store.updateShift(companyId, first.id, { end: '2025-01-06T13:30:00.000Z' }))).toEqual({ status: 400, code: 'OVERLAPPING_SHIFT' });
      expect(store.updateShift(companyId, first.id, { start: '2025-01-06T10:00:00.000Z', end: '2025-01-06T13:00:00.000Z' }).minutes).toBe(180);
    });

    it('P2: shifts of unknown, deleted or other companies\' workers are refused (UNKNOWN_WORKER)', () => {
      const other = randomUUID();
      store.createCompany({ id: other, name: 'Other', timeZone: 'America/Chicago' });
      const outsider = store.createWorker(other, { firstName: 'O', lastName: 'X', email: 'o@x.test', kind: 'W2', isManager: false, isAdmin: false, payRateCents: null, externalRef: null }).id;
      expect(refusal(() => shift('2025-01-06T09:00:00Z', '2025-01-06T10:00:00Z', 0, 'no-such-worker'))).toEqual({ status: 400, code: 'UNKNOWN_WORKER' });
      expect(refusal(() => shift('2025-01-06T09:00:00Z', '2025-01-06T10:00:00Z', 0, outsider))).toEqual({ status: 400, code: 'UNKNOWN_WORKER' });
      store.deleteWorker(companyId, worker);
      expect(refusal(() => shift('2025-01-06T09:00:00Z', '2025-01-06T10:00:00Z'))).toEqual({ status: 400, code: 'UNKNOWN_WORKER' });
    });

    it('P2: the local date of a shift is the company\'s (a 22:00 New York start is still that day)', () => {
      expect(shift('2025-01-07T03:00:00Z', '2025-01-07T07:00:00Z').localDate).toBe('2025-01-06');
    });
  });

  describe('P2 step 1: approval in time tracking', () => {
    it('P2: an approved shift cannot be edited (SHIFT_APPROVED); before approval it can', () => {
      const s = shift('2025-01-06T09:00:00Z', '2025-01-06T17:00:00Z');
      expect(store.updateShift(companyId, s.id, { breakMinutes: 30 }).minutes).toBe(450);
      const approved = store.approveShift(companyId, s.id, manager);
      expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: manager });
      expect(refusal(() => store.updateShift(companyId, s.id, { breakMinutes: 0 }))).toEqual({ status: 409, code: 'SHIFT_APPROVED' });
      expect(refusal(() => store.approveShift(companyId, s.id, manager))).toEqual({ status: 409, code: 'SHIFT_APPROVED' });
      expect(store.snapshot(companyId).shifts[0].breakMinutes).toBe(30);
    });

    it('P2: only an admin or a manager of the company approves (INVALID_APPROVER)', () => {
      const s = shift('2025-01-06T09:00:00Z', '2025-01-06T17:00:00Z');
      expect(refusal(() => store.approveShift(companyId, s.id, worker))).toEqual({ status: 400, code: 'INVALID_APPROVER' });
      const admin = newWorker('boss@acme.test', { isAdmin: true });
      expect(store.approveShift(companyId, s.id, admin).status).toBe('APPROVED');
    });
  });

  describe('changes since a sequence', () => {
    it('P2: shifts come in sequence order, a page at a time, and an edited shift comes again', () => {
      const made = [0, 1, 2, 3, 4].map((d) => shift(`2025-01-0${d + 1}T09:00:00Z`, `2025-01-0${d + 1}T17:00:00Z`));
      const first = store.shiftsSince(companyId, 0, 2);
      expect(first.items.map((s) => s.id)).toEqual([made[0].id, made[1].id]);
      expect(first).toMatchObject({ hasMore: true, nextSequence: made[1].sequence });
      const second = store.shiftsSince(companyId, first.nextSequence, 2);
      expect(second.items.map((s) => s.id)).toEqual([made[2].id, made[3].id]);
      const third = store.shiftsSince(companyId, second.nextSequence, 2);
      expect(third).toMatchObject({ hasMore: false, nextSequence: made[4].sequence });
      expect(third.items.map((s) => s.id)).toEqual([made[4].id]);

      const empty = store.shiftsSince(companyId, third.nextSequence, 2);
      expect(empty).toEqual({ items: [], hasMore: false, nextSequence: third.nextSequence });

      store.approveShift(companyId, made[1].id, manager);
      const again = store.shiftsSince(companyId, third.nextSequence, 10);
      expect(again.items.map((s) => [s.id, s.status])).toEqual([[made[1].id, 'APPROVED']]);
      expect(again.nextSequence).toBeGreaterThan(third.nextSequence);
    });

    it('P1: another company\'s changes never show, and the sequence is global', () => {
      const other = randomUUID();
      store.createCompany({ id: other, name: 'Other', timeZone: 'UTC' });
      const before = store.workersSince(companyId, 0, 100).nextSequence;
      store.createWorker(other, { firstName: 'O', lastName: 'X', email: 'o@x.test', kind: 'CONTRACTOR', isManager: false, isAdmin: false, payRateCents: null, externalRef: null });
      expect(store.workersSince(companyId, before, 100).items).toEqual([]);
      const mine = store.updateWorker(companyId, worker, { payRateCents: 3000 });
      expect(mine.sequence).toBe(before + 2);
      expect(store.workersSince(companyId, before, 100).items.map((w) => [w.id, w.payRateCents])).toEqual([[worker, 3000]]);
    });
  });

  describe('P1 members added on the payroll side', () => {
    it('P1: adding a member is idempotent by externalRef', () => {
      const input = { externalRef: 'member-1', firstName: 'Bo', lastName: 'Ek', email: 'bo@acme.test', kind: 'CONTRACTOR' as const, isManager: false, isAdmin: false, payRateCents: null };
      const first = store.createOrLinkWorker(companyId, input);
      const second = store.createOrLinkWorker(companyId, { ...input, firstName: 'Changed' });
      expect(first.created).toBe(true);
      expect(second).toEqual({ worker: first.worker, created: false });
    });

    it('P1: a worker already in time tracking with that email is linked, not doubled', () => {
      const linked = store.createOrLinkWorker(companyId, { externalRef: 'member-2', firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.test', kind: 'W2', isManager: false, isAdmin: false, payRateCents: null });
      expect(linked).toMatchObject({ created: false, worker: { id: worker, externalRef: 'member-2' } });
      expect(store.workersSince(companyId, 0, 100).items).toHaveLength(2);
    });

    it('P1: no two live workers share an email or an externalRef', () => {
      store.updateWorker(companyId, worker, { externalRef: 'member-3' });
      expect(refusal(() => store.updateWorker(companyId, manager, { externalRef: 'member-3' }))).toEqual({ status: 409, code: 'DUPLICATE_EXTERNAL_REF' });
      expect(refusal(() => store.updateWorker(companyId, manager, { email: 'ann@acme.test' }))).toEqual({ status: 409, code: 'DUPLICATE_EMAIL' });
    });
  });

  describe('P3 receipts', () => {
    it('P3: a receipt is recorded on an approved shift and does not move its sequence', () => {
      const s = store.approveShift(companyId, shift('2025-01-06T09:00:00Z', '2025-01-06T17:00:00Z').id, manager);
      expect(store.recordReceipt(companyId, s.id, { status: 'ERROR', reason: 'this worker has no pay rate in payroll' })).toMatchObject({ status: 'ERROR', reason: 'this worker has no pay rate in payroll' });
      const [after] = store.snapshot(companyId).shifts;
      expect(after.receipt).toMatchObject({ status: 'ERROR' });
      expect(after.sequence).toBe(s.sequence);
    });

    it('P3: a receipt for a deleted worker\'s shift is refused (422 UNKNOWN_WORKER); a pending shift cannot have one (409)', () => {
      const pending = shift('2025-01-07T09:00:00Z', '2025-01-07T17:00:00Z');
      expect(refusal(() => store.recordReceipt(companyId, pending.id, { status: 'SENT' }))).toEqual({ status: 409, code: 'SHIFT_NOT_APPROVED' });
      store.approveShift(companyId, pending.id, manager);
      store.deleteWorker(companyId, worker);
      expect(refusal(() => store.recordReceipt(companyId, pending.id, { status: 'SENT' }))).toEqual({ status: 422, code: 'UNKNOWN_WORKER' });
      expect(refusal(() => store.recordReceipt(companyId, 'no-such-shift', { status: 'SENT' }))).toEqual({ status: 404, code: 'UNKNOWN_SHIFT' });
    });
  });

  it('P2: approved PTO comes through time off changes; expenses through theirs', () => {
    const entry = store.createTimeOff(companyId, { workerId: worker, date: '2025-01-08', minutes: 480, kind: 'PTO' });
    store.approveTimeOff(companyId, entry.id, manager);
    store.createExpense(companyId, { workerId: worker, date: '2025-01-08', kind: 'TRIP', amountCents: 4250, description: 'Client visit' });
    expect(store.timeOffSince(companyId, 0, 10).items).toEqual([expect.objectContaining({ id: entry.id, status: 'APPROVED', approvedBy: manager, minutes: 480 })]);
    expect(store.expensesSince(companyId, 0, 10).items).toEqual([expect.objectContaining({ kind: 'TRIP', amountCents: 4250 })]);
  });

  it('the state survives a round trip (what DATA_FILE persists), API key included', () => {
    const id = randomUUID();
    const { apiKey } = store.createCompany({ id, name: 'Kept', timeZone: 'UTC' });
    const restored = new TimeTrackingStore(JSON.parse(JSON.stringify(store.toState())));
    expect(restored.authenticates(id, apiKey)).toBe(true);
    expect(restored.authenticates(id, `${apiKey}x`)).toBe(false);
    expect(restored.snapshot(companyId)).toEqual(store.snapshot(companyId));
    expect(JSON.stringify(store.toState())).not.toContain(apiKey);
  });
});
