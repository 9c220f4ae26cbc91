import {
  loadTypeDefs,
  startService,
  type BaseServiceConfig,
  type EventTransport,
  type Logger,
  type RunningService,
} from '@advisor/kit';
import { ClientAccessEntity } from './db/entities/client-access.entity';
import { TimeTrackingIntegrationEntity } from './db/entities/time-tracking-integration.entity';
import { CreatePayrollSync1763769600000 } from './db/migrations/1763769600000-create-payroll-sync';
import { TimeTrackingService } from './domain/time-tracking.service';
import { createContext, type PayrollSyncContext } from './context';
import { resolvers } from './resolvers';
import { clientLinkedHandler, clientUnlinkedHandler } from './events/handlers/client-linked.handler';

export const PAYROLL_SYNC_SERVICE = 'payroll-sync';

export function startPayrollSyncService(opts: {
  config: BaseServiceConfig;
  transport: EventTransport;
  logger?: Logger;
}): Promise<RunningService> {
  return startService<PayrollSyncContext>({
    name: PAYROLL_SYNC_SERVICE,
    config: opts.config,
    transport: opts.transport,
    logger: opts.logger,
    entities: [ClientAccessEntity, TimeTrackingIntegrationEntity],
    migrations: [CreatePayrollSync1763769600000],
    typeDefs: loadTypeDefs(__dirname),
    producesEvents: false,
    build: (db) => {
      const timeTracking = new TimeTrackingService(db);
      return {
        resolvers,
        createContext: (identity) => createContext(timeTracking, identity),
        handlers: [clientLinkedHandler(timeTracking), clientUnlinkedHandler(timeTracking)],
      };
    },
  });
}
