import DataLoader from 'dataloader';
import type { Identity } from '@advisor/kit';
import type { PayrollDomain } from './domain';
import type { TimeTrackingIntegration } from './domain/time-tracking.service';
import type { WorkerEntity } from './db/entities/worker.entity';
import type { SyncChangeEntity } from './db/entities/sync.entities';
import type { PayslipEntity } from './db/entities/payroll-run.entities';

export interface PayrollSyncContext {
  identity: Identity;
  domain: PayrollDomain;
  loaders: {
    integration: DataLoader<string, TimeTrackingIntegration | null>;
    worker: DataLoader<string, WorkerEntity | null>;
    changes: DataLoader<string, SyncChangeEntity[]>;
    payslips: DataLoader<string, PayslipEntity[]>;
  };
}

/** Per request: the caller and loaders; every loader's domain call authorizes or reads only what was authorized. */
export function createContext(domain: PayrollDomain, identity: Identity): PayrollSyncContext {
  return {
    identity,
    domain,
    loaders: {
      integration: new DataLoader((ids) => domain.timeTracking.integrationsFor(ids, identity)),
      worker: new DataLoader((ids) => domain.timecards.workersByIds(ids)),
      changes: new DataLoader((ids) => domain.timeTracking.changesOf(ids)),
      payslips: new DataLoader((ids) => domain.runs.payslipsOf(ids)),
    },
  };
}
