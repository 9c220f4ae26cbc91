import type { PayrollWorker, TimeTrackingIntegration } from '../domain/time-tracking.service';
import type { WorkerEntity } from '../db/entities/worker.entity';
import type { ShiftSyncEntity } from '../db/entities/timecard.entities';

/**
 * Parents of payroll-sync's GraphQL types where no single domain type fits (codegen.ts mappers;
 * the others map straight to the domain's objects).
 */

/** The federated client: its id, and its integration when `__resolveReference` already loaded it. */
export interface ClientCompanyParent {
  id: string;
  timeTracking?: TimeTrackingIntegration | null;
}

/** A payroll member as the domain lists it, or as the worker loader reads it (change logs, timecards, payslips). */
export type PayrollMemberParent = PayrollWorker | WorkerEntity;

/** One worker's shifts in the hours sync report (SPEC P3). */
export interface HoursSyncWorkerParent {
  workerId: string | null;
  ttWorkerId: string;
  shifts: ShiftSyncEntity[];
}
