import express from 'express';
import { adminRoutes } from './admin.routes';
import { errorHandler, notFoundRoute } from '@advisor/simulator-kit';
import { FaultControls } from '@advisor/simulator-kit';
import { listen, loopbackOnly, type RunningSimulator } from '@advisor/simulator-kit';
import { JsonFile } from '@advisor/simulator-kit';
import type { TimeTrackingState } from './model';
import { providerApiRoutes } from './provider-api.routes';
import { RequestStats } from '@advisor/simulator-kit';
import { TimeTrackingStore } from './time-tracking.store';

export interface TimeTrackingSimulatorOptions {
  port: number;
  host?: string;
  /** Persist the state to this JSON file (read at start, rewritten after each change). */
  dataFile?: string;
  /** Let non-loopback callers use /admin (e.g. the demo in another container). Default false. */
  allowRemoteAdmin?: boolean;
}

/** Starts the time-tracking simulator in this process (SPEC P: the outside time-tracking system). */
export async function startTimeTrackingSimulator(options: TimeTrackingSimulatorOptions): Promise<RunningSimulator> {
  const file = options.dataFile ? new JsonFile<TimeTrackingState>(options.dataFile) : undefined;
  const store = new TimeTrackingStore(file?.read(), file ? (s) => file.write(s.toState()) : undefined);
  const stats = new RequestStats({ companies: ':id', workers: ':workerId', shifts: ':shiftId', 'time-off': ':timeOffId', expenses: ':expenseId' });
  const faults = new FaultControls({
    scopeKeys: ['companyId', 'workerId'],
    defaultRefusal: { code: 'UNKNOWN_WORKER', message: 'This worker is unknown to time tracking (simulated refusal).' },
    scopeOf: (req) => {
      const [, companyId, collection, id] = /^\/api\/companies\/([^/]+)(?:\/([^/]+)\/([^/]+))?/.exec(req.baseUrl + req.path) ?? [];
      const workerId = collection === 'workers' ? id : collection === 'shifts' && id ? store.workerOfShift(id) : undefined;
      return { companyId, workerId };
    },
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));
  app.use((req, _res, next) => {
    req.body ??= {}; // a POST without a body is an empty object, e.g. an approval with no fields
    next();
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'time-tracking-simulator' });
  });
  app.use('/admin', loopbackOnly(options.allowRemoteAdmin ?? false), adminRoutes(store, faults, stats));
  app.use('/api', stats.middleware(), faults.middleware((req) => stats.markFaulted(req)), providerApiRoutes(store));
  app.use(notFoundRoute);
  app.use(errorHandler);

  return listen(app, options.host ?? '127.0.0.1', options.port, () => faults.releaseHeld());
}
