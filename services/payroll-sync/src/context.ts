import DataLoader from 'dataloader';
import type { Identity } from '@advisor/kit';
import type { TimeTrackingIntegration, TimeTrackingService } from './domain/time-tracking.service';

export interface PayrollSyncContext {
  identity: Identity;
  loaders: { integration: DataLoader<string, TimeTrackingIntegration | null> };
}

export function createContext(timeTracking: TimeTrackingService, identity: Identity): PayrollSyncContext {
  return {
    identity,
    loaders: { integration: new DataLoader((ids) => timeTracking.integrationsFor(ids, identity)) },
  };
}
