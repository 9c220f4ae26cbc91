import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { badRequest, conflict, notFound, unprocessable } from '@advisor/simulator-kit';
import type * as inputs from './inputs';
import {
  emptyState,
  type ChangePage,
  type Company,
  type CompanyRecord,
  type Expense,
  type Shift,
  type ShiftView,
  type TimeOff,
  type TimeTrackingState,
  type Worker,
} from './model';

type In<T extends z.ZodType> = z.output<T>;
const MAX_SHIFT_MINUTES = 24 * 60;

/**
 * The time-tracking system's rules over its own in-memory state. Every change takes the next
 * global sequence and then calls `onChange` (which persists the state when a DATA_FILE is set).
 */
export class TimeTrackingStore {
  private sequence: number;
  private readonly companies = new Map<string, CompanyRecord>();
  private readonly workers = new Map<string, Worker>();
  private readonly shifts = new Map<string, Shift>();
  private readonly shiftsByWorker = new Map<string, Set<string>>();
  private readonly timeOff = new Map<string, TimeOff>();
  private readonly expenses = new Map<string, Expense>();

  constructor(
    state: TimeTrackingState = emptyState(),
    private readonly onChange: (store: TimeTrackingStore) => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sequence = state.sequence;
    for (const c of state.companies) this.companies.set(c.id, c);
    for (const w of state.workers) this.workers.set(w.id, w);
    for (const s of state.shifts) this.putShift(s);
    for (const t of state.timeOff) this.timeOff.set(t.id, t);
    for (const e of state.expenses) this.expenses.set(e.id, e);
  }

  toState(): TimeTrackingState {
    return {
      version: 1,
      sequence: this.sequence,
      companies: [...this.companies.values()],
      workers: [...this.workers.values()],
      shifts: [...this.shifts.values()],
      timeOff: [...this.timeOff.values()],
      expenses: [...this.expenses.values()],
    };
  }

  // Companies ---------------------------------------------------------------------------------

  createCompany(input: In<typeof inputs.companyInput>): { company: Company; apiKey: string } {
    if (this.companies.has(input.id)) throw conflict('COMPANY_EXISTS', `A company with id ${input.id} already exists.`);
    const apiKey = `tt_${randomBytes(24).toString('base64url')}`;
    const record: CompanyRecord = { ...input, createdAt: this.now().toISOString(), apiKeySha256: sha256(apiKey) };
    this.companies.set(record.id, record);
    this.changed();
    return { company: publicCompany(record), apiKey };
  }

  company(id: string): Company {
    return publicCompany(this.companyRecord(id));
  }

  /** True when `apiKey` is the key of company `id`; false for an unknown company too. */
  authenticates(id: string, apiKey: string): boolean {
    const record = this.companies.get(id);
    if (!record) return false;
    const given = Buffer.from(sha256(apiKey), 'hex');
    return timingSafeEqual(given, Buffer.from(record.apiKeySha256, 'hex'));
  }

  snapshot(id: string) {
    const company = this.company(id);
    const mine = <T extends { companyId: string; sequence: number }>(m: Map<string, T>) => [...m.values()].filter((x) => x.companyId === id).sort(bySequence).map((x) => ({ ...x }));
    return {
      company,
      workers: mine(this.workers),
      shifts: mine(this.shifts).map((s) => this.view(s)),
      timeOff: mine(this.timeOff),
      expenses: mine(this.expenses),
    };
  }

  // Workers -----------------------------------------------------------------------------------

  createWorker(companyId: string, input: In<typeof inputs.adminWorkerInput>): Worker {
    this.companyRecord(companyId);
    this.assertFree(companyId, { email: input.email, externalRef: input.externalRef });
    const worker: Worker = { id: randomUUID(), companyId, ...input, deletedAt: null, updatedAt: '', sequence: 0 };
    this.workers.set(worker.id, worker);
    return this.touch(worker);
  }

  /**
   * The payroll side adds a member (SPEC P1). Idempotent by externalRef; a worker already in time
   * tracking with the same email and no link yet is linked rather than doubled.
   */
  createOrLinkWorker(companyId: string, input: In<typeof inputs.providerWorkerInput>): { worker: Worker; created: boolean } {
    this.companyRecord(companyId);
    const live = this.liveWorkers(companyId);
    const linked = live.find((w) => w.externalRef === input.externalRef);
    if (linked) return { worker: { ...linked }, created: false };
    const sameEmail = live.find((w) => w.email === input.email);
    if (sameEmail && sameEmail.externalRef === null) {
      sameEmail.externalRef = input.externalRef;
      return { worker: this.touch(sameEmail), created: false };
    }
    return { worker: this.createWorker(companyId, input), created: true };
  }

  updateWorker(companyId: string, workerId: string, patch: In<typeof inputs.adminWorkerPatch>): Worker {
    const worker = this.liveWorker(companyId, workerId, notFound);
    this.assertFree(companyId, { email: patch.email, externalRef: patch.externalRef }, worker.id);
    const changes = Object.entries(patch).filter(([k, v]) => v !== undefined && worker[k as keyof Worker] !== v);
    if (changes.length === 0) return { ...worker };
    Object.assign(worker, Object.fromEntries(changes));
    return this.touch(worker);
  }

  deleteWorker(companyId: string, workerId: string): Worker {
    const worker = this.liveWorker(companyId, workerId, notFound);
    worker.deletedAt = this.now().toISOString();
    return this.touch(worker);
  }

  workersSince(companyId: string, since: number, limit: number): ChangePage<Worker> {
    this.companyRecord(companyId);
    return page(this.workers, companyId, since, limit);
  }

  // Shifts ------------------------------------------------------------------------------------

  createShift(companyId: string, input: In<typeof inputs.shiftInput>): ShiftView {
    this.liveWorker(companyId, input.workerId, badRequest);
    this.assertValidShift(input.workerId, input.start, input.end, input.breakMinutes);
    const shift: Shift = { id: randomUUID(), companyId, ...input, status: 'PENDING', approvedAt: null, approvedBy: null, receipt: null, updatedAt: '', sequence: 0 };
    this.putShift(shift);
    return this.view(this.touch(shift));
  }

  /** SPEC P2 step 1: edits happen in time tracking, before approval. */
  updateShift(companyId: string, shiftId: string, patch: In<typeof inputs.shiftPatch>): ShiftView {
    const shift = this.shift(companyId, shiftId);
    if (shift.status === 'APPROVED') throw conflict('SHIFT_APPROVED', 'An approved shift cannot be edited.');
    const next = { start: patch.start ?? shift.start, end: patch.end ?? shift.end, breakMinutes: patch.breakMinutes ?? shift.breakMinutes };
    this.assertValidShift(shift.workerId, next.start, next.end, next.breakMinutes, shift.id);
    Object.assign(shift, next);
    return this.view(this.touch(shift));
  }

  /** SPEC P2 step 1: an admin or a designated manager approves. */
  approveShift(companyId: string, shiftId: string, approvedBy: string): ShiftView {
    const shift = this.shift(companyId, shiftId);
    if (shift.status === 'APPROVED') throw conflict('SHIFT_APPROVED', 'This shift is already approved.');
    this.assertApprover(companyId, approvedBy);
    Object.assign(shift, { status: 'APPROVED', approvedAt: this.now().toISOString(), approvedBy });
    return this.view(this.touch(shift));
  }

  /** SPEC P3: payroll tells whether an approved shift reached a timecard. */
  recordReceipt(companyId: string, shiftId: string, input: In<typeof inputs.receiptInput>): { shiftId: string } & NonNullable<Shift['receipt']> {
    const shift = this.shift(companyId, shiftId);
    const worker = this.workers.get(shift.workerId);
    if (!worker || worker.deletedAt) throw unprocessable('UNKNOWN_WORKER', 'The worker of this shift is no longer in time tracking.');
    if (shift.status !== 'APPROVED') throw conflict('SHIFT_NOT_APPROVED', 'Only an approved shift can reach a timecard.');
    shift.receipt = { status: input.status, reason: input.reason ?? null, receivedAt: this.now().toISOString() };
    this.changed();
    return { shiftId: shift.id, ...shift.receipt };
  }

  shiftsSince(companyId: string, since: number, limit: number): ChangePage<ShiftView> {
    this.companyRecord(companyId);
    const changes = page(this.shifts, companyId, since, limit);
    return { ...changes, items: changes.items.map((s) => this.view(s)) };
  }

  /** The worker a shift belongs to, for fault scoping; undefined when unknown. */
  workerOfShift(shiftId: string): string | undefined {
    return this.shifts.get(shiftId)?.workerId;
  }

  // Time off and expenses ---------------------------------------------------------------------

  createTimeOff(companyId: string, input: In<typeof inputs.timeOffInput>): TimeOff {
    this.liveWorker(companyId, input.workerId, badRequest);
    const entry: TimeOff = { id: randomUUID(), companyId, ...input, status: 'PENDING', approvedAt: null, approvedBy: null, updatedAt: '', sequence: 0 };
    this.timeOff.set(entry.id, entry);
    return this.touch(entry);
  }

  approveTimeOff(companyId: string, timeOffId: string, approvedBy: string | undefined): TimeOff {
    const entry = this.timeOff.get(timeOffId);
    if (!entry || entry.companyId !== companyId) throw notFound('UNKNOWN_TIME_OFF', `No time off ${timeOffId} in this company.`);
    if (entry.status === 'APPROVED') throw conflict('TIME_OFF_APPROVED', 'This time off is already approved.');
    if (approvedBy !== undefined) this.assertApprover(companyId, approvedBy);
    Object.assign(entry, { status: 'APPROVED', approvedAt: this.now().toISOString(), approvedBy: approvedBy ?? null });
    return this.touch(entry);
  }

  timeOffSince(companyId: string, since: number, limit: number): ChangePage<TimeOff> {
    this.companyRecord(companyId);
    return page(this.timeOff, companyId, since, limit);
  }

  createExpense(companyId: string, input: In<typeof inputs.expenseInput>): Expense {
    this.liveWorker(companyId, input.workerId, badRequest);
    const expense: Expense = { id: randomUUID(), companyId, ...input, updatedAt: '', sequence: 0 };
    this.expenses.set(expense.id, expense);
    return this.touch(expense);
  }

  expensesSince(companyId: string, since: number, limit: number): ChangePage<Expense> {
    this.companyRecord(companyId);
    return page(this.expenses, companyId, since, limit);
  }

  // Internals ---------------------------------------------------------------------------------

  private companyRecord(id: string): CompanyRecord {
    const record = this.companies.get(id);
    if (!record) throw notFound('UNKNOWN_COMPANY', `No company ${id}.`);
    return record;
  }

  private liveWorkers(companyId: string): Worker[] {
    return [...this.workers.values()].filter((w) => w.companyId === companyId && !w.deletedAt);
  }

  /** A worker of this company that was not deleted; `refuse` says how a missing one is answered. */
  private liveWorker(companyId: string, workerId: string, refuse: typeof badRequest): Worker {
    this.companyRecord(companyId);
    const worker = this.workers.get(workerId);
    if (!worker || worker.companyId !== companyId || worker.deletedAt) throw refuse('UNKNOWN_WORKER', `No worker ${workerId} in this company.`);
    return worker;
  }

  private assertFree(companyId: string, keys: { email?: string; externalRef?: string | null }, self?: string): void {
    for (const other of this.liveWorkers(companyId)) {
      if (other.id === self) continue;
      if (keys.email !== undefined && other.email === keys.email) throw conflict('DUPLICATE_EMAIL', `Another worker already has the email ${keys.email}.`);
      if (keys.externalRef && other.externalRef === keys.externalRef) throw conflict('DUPLICATE_EXTERNAL_REF', `Another worker is already linked to ${keys.externalRef}.`);
    }
  }

  private assertApprover(companyId: string, approverId: string): void {
    const approver = this.workers.get(approverId);
    if (!approver || approver.companyId !== companyId || approver.deletedAt || !(approver.isAdmin || approver.isManager)) {
      throw badRequest('INVALID_APPROVER', 'Only an admin or a manager of this company can approve.');
    }
  }

  private assertValidShift(workerId: string, start: string, end: string, breakMinutes: number, self?: string): void {
    const minutes = (Date.parse(end) - Date.parse(start)) / 60_000;
    if (!(minutes > 0)) throw badRequest('INVALID_SHIFT', 'A shift must end after it starts.');
    if (minutes > MAX_SHIFT_MINUTES) throw badRequest('INVALID_SHIFT', 'A shift lasts at most 24 hours.');
    if (!Number.isInteger(minutes)) throw badRequest('INVALID_SHIFT', 'A shift starts and ends on whole minutes.');
    if (breakMinutes < 0 || breakMinutes >= minutes) throw badRequest('INVALID_BREAK', 'A break is zero or more minutes and shorter than the shift.');
    for (const id of this.shiftsByWorker.get(workerId) ?? []) {
      if (id === self) continue;
      const other = this.shifts.get(id)!;
      if (Date.parse(other.start) < Date.parse(end) && Date.parse(start) < Date.parse(other.end)) {
        throw badRequest('OVERLAPPING_SHIFT', `This shift overlaps shift ${other.id} (${other.start} to ${other.end}).`);
      }
    }
  }

  private shift(companyId: string, shiftId: string): Shift {
    const shift = this.shifts.get(shiftId);
    if (!shift || shift.companyId !== companyId) throw notFound('UNKNOWN_SHIFT', `No shift ${shiftId} in this company.`);
    return shift;
  }

  private putShift(shift: Shift): void {
    this.shifts.set(shift.id, shift);
    let ids = this.shiftsByWorker.get(shift.workerId);
    if (!ids) this.shiftsByWorker.set(shift.workerId, (ids = new Set()));
    ids.add(shift.id);
  }

  private view(shift: Shift): ShiftView {
    const minutes = (Date.parse(shift.end) - Date.parse(shift.start)) / 60_000 - shift.breakMinutes;
    return { ...shift, receipt: shift.receipt && { ...shift.receipt }, minutes, localDate: localDateOf(shift.start, this.companyRecord(shift.companyId).timeZone) };
  }

  /** Records a change of `entity` and returns a copy of it (callers never hold the stored object). */
  private touch<T extends { updatedAt: string; sequence: number }>(entity: T): T {
    entity.sequence = ++this.sequence;
    entity.updatedAt = this.now().toISOString();
    this.changed();
    return { ...entity };
  }

  private changed(): void {
    this.onChange(this);
  }
}

function page<T extends { companyId: string; sequence: number }>(all: Map<string, T>, companyId: string, since: number, limit: number): ChangePage<T> {
  const changed = [...all.values()].filter((x) => x.companyId === companyId && x.sequence > since).sort(bySequence);
  const items = changed.slice(0, limit).map((x) => ({ ...x }));
  return { items, nextSequence: items.length ? items[items.length - 1].sequence : since, hasMore: changed.length > limit };
}

const bySequence = (a: { sequence: number }, b: { sequence: number }) => a.sequence - b.sequence;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const publicCompany = ({ apiKeySha256: _key, ...company }: CompanyRecord): Company => company;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: string, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) dateFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(new Date(instant));
}
