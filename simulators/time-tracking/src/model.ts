/**
 * The time-tracking system's own data. Money in integer cents, durations in integer minutes,
 * instants as ISO-8601 UTC strings, local dates as YYYY-MM-DD in the company's time zone.
 * Every change takes the next value of one global `sequence`, so a client polls "changes since
 * sequence N" for workers, shifts, time off and expenses alike.
 */
export type WorkerKind = 'W2' | 'CONTRACTOR';
export type ApprovalStatus = 'PENDING' | 'APPROVED';
export type TimeOffKind = 'PTO' | 'SICK' | 'UNPAID';
export type ExpenseKind = 'TRIP' | 'EXPENSE';
export type ReceiptStatus = 'SENT' | 'ERROR';

export interface Company {
  id: string;
  name: string;
  timeZone: string;
  createdAt: string;
}

/** Stored with the company; the key itself is shown once, at creation. */
export interface CompanyRecord extends Company {
  apiKeySha256: string;
}

export interface Worker {
  id: string;
  companyId: string;
  /** The payroll side's id once linked. */
  externalRef: string | null;
  firstName: string;
  lastName: string;
  email: string;
  kind: WorkerKind;
  isManager: boolean;
  isAdmin: boolean;
  /** Per hour; null: no pay rate. */
  payRateCents: number | null;
  /** Set when the worker was removed from time tracking; the worker still shows in changes. */
  deletedAt: string | null;
  updatedAt: string;
  sequence: number;
}

/** Payroll's acknowledgment that a shift reached (or could not reach) a timecard. */
export interface ShiftReceipt {
  status: ReceiptStatus;
  reason: string | null;
  receivedAt: string;
}

export interface Shift {
  id: string;
  companyId: string;
  workerId: string;
  start: string;
  end: string;
  breakMinutes: number;
  status: ApprovalStatus;
  approvedAt: string | null;
  approvedBy: string | null;
  /** The last receipt; receipts do not move the shift's sequence (they are not shift changes). */
  receipt: ShiftReceipt | null;
  updatedAt: string;
  sequence: number;
}

/** A shift as the API shows it: with its paid minutes and the local date it starts on. */
export interface ShiftView extends Shift {
  minutes: number;
  localDate: string;
}

export interface TimeOff {
  id: string;
  companyId: string;
  workerId: string;
  date: string;
  minutes: number;
  kind: TimeOffKind;
  status: ApprovalStatus;
  approvedAt: string | null;
  approvedBy: string | null;
  updatedAt: string;
  sequence: number;
}

export interface Expense {
  id: string;
  companyId: string;
  workerId: string;
  date: string;
  kind: ExpenseKind;
  amountCents: number;
  description: string;
  updatedAt: string;
  sequence: number;
}

export interface TimeTrackingState {
  version: 1;
  sequence: number;
  companies: CompanyRecord[];
  workers: Worker[];
  shifts: Shift[];
  timeOff: TimeOff[];
  expenses: Expense[];
}

export const emptyState = (): TimeTrackingState => ({ version: 1, sequence: 0, companies: [], workers: [], shifts: [], timeOff: [], expenses: [] });

/** A page of changes since a sequence: items ordered by sequence; poll again from `nextSequence`. */
export interface ChangePage<T> {
  items: T[];
  nextSequence: number;
  hasMore: boolean;
}
