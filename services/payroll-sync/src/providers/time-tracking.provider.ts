/**
 * The client company's outside time-tracking system, as payroll-sync sees it (SPEC P1-P3).
 * Plain objects in and out; every failure is a ProviderError. Implementations: the HTTP adapter
 * (http-time-tracking.provider.ts), which the time-tracking simulator answers in the demo, the
 * tests and the benchmarks.
 */
export { ProviderError, type ProviderErrorKind } from './provider-error';

/** One client company's connection: its id there (our clientId) and the API key it gave us. */
export interface TimeTrackingConnection {
  companyId: string;
  apiKey: string;
}

/** Changes since a sequence (0: everything). */
export interface ChangesQuery {
  since?: number;
  /** 1..1000, default 100. */
  limit?: number;
}

/** Items ordered by sequence; poll again from `nextSequence` (more are waiting when `hasMore`). */
export interface ChangePage<T> {
  items: T[];
  nextSequence: number;
  hasMore: boolean;
}

export interface TimeTrackingCompany {
  id: string;
  name: string;
  /** IANA, e.g. America/New_York. */
  timeZone: string;
}

export type TimeTrackingWorkerKind = 'W2' | 'CONTRACTOR';

export interface TimeTrackingWorker {
  id: string;
  /** Our member's id once linked. */
  externalRef: string | null;
  firstName: string;
  lastName: string;
  email: string;
  kind: TimeTrackingWorkerKind;
  isManager: boolean;
  isAdmin: boolean;
  /** Cents per hour; null: no pay rate. */
  payRateCents: number | null;
  /** Set when the worker was removed from time tracking. */
  deletedAt: string | null;
  updatedAt: string;
  sequence: number;
}

/** A member added on the payroll side (SPEC P1); idempotent by externalRef. */
export interface NewTimeTrackingWorker {
  externalRef: string;
  firstName: string;
  lastName: string;
  email: string;
  kind: TimeTrackingWorkerKind;
  isManager?: boolean;
  isAdmin?: boolean;
  payRateCents?: number | null;
}

/** What the payroll side may change there (SPEC P1 two-way sync): flags, pay rate, the link. */
export interface TimeTrackingWorkerPatch {
  isManager?: boolean;
  isAdmin?: boolean;
  payRateCents?: number | null;
  externalRef?: string | null;
}

export type ApprovalStatus = 'PENDING' | 'APPROVED';

export interface ShiftReceipt {
  shiftId: string;
  status: 'SENT' | 'ERROR';
  reason: string | null;
  receivedAt: string;
}

export interface TimeTrackingShift {
  id: string;
  workerId: string;
  /** Instants, ISO-8601 UTC. */
  start: string;
  end: string;
  breakMinutes: number;
  /** Paid minutes: end - start - break. */
  minutes: number;
  /** The company-local date the shift starts on, YYYY-MM-DD. */
  localDate: string;
  /** SPEC P2 step 1: APPROVED by an admin or manager in time tracking. */
  status: ApprovalStatus;
  approvedAt: string | null;
  approvedBy: string | null;
  /** The last receipt we sent for it (SPEC P3), as time tracking recorded it. */
  receipt: Omit<ShiftReceipt, 'shiftId'> | null;
  updatedAt: string;
  sequence: number;
}

export interface TimeTrackingTimeOff {
  id: string;
  workerId: string;
  /** Company-local date, YYYY-MM-DD. */
  date: string;
  minutes: number;
  kind: 'PTO' | 'SICK' | 'UNPAID';
  status: ApprovalStatus;
  approvedAt: string | null;
  approvedBy: string | null;
  updatedAt: string;
  sequence: number;
}

export interface TimeTrackingExpense {
  id: string;
  workerId: string;
  date: string;
  kind: 'TRIP' | 'EXPENSE';
  amountCents: number;
  description: string;
  updatedAt: string;
  sequence: number;
}

/** SPEC P3: a shift reached a timecard (SENT), or could not, with a reason a person can act on (ERROR). */
export type ShiftReceiptInput = { status: 'SENT' } | { status: 'ERROR'; reason: string };

export interface TimeTrackingProvider {
  /** Verifies a connection (SPEC P1 connect): UNAUTHORIZED when the key is not this company's. */
  getCompany(connection: TimeTrackingConnection): Promise<TimeTrackingCompany>;
  listWorkers(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingWorker>>;
  /** `created` false when a worker with this externalRef (or this email, unlinked) already was there. */
  createWorker(connection: TimeTrackingConnection, worker: NewTimeTrackingWorker): Promise<{ worker: TimeTrackingWorker; created: boolean }>;
  updateWorker(connection: TimeTrackingConnection, workerId: string, patch: TimeTrackingWorkerPatch): Promise<TimeTrackingWorker>;
  listShifts(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingShift>>;
  listTimeOff(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingTimeOff>>;
  listExpenses(connection: TimeTrackingConnection, query?: ChangesQuery): Promise<ChangePage<TimeTrackingExpense>>;
  /** REFUSED with code UNKNOWN_WORKER when the shift's worker is gone from time tracking. */
  sendShiftReceipt(connection: TimeTrackingConnection, shiftId: string, receipt: ShiftReceiptInput): Promise<ShiftReceipt>;
}
