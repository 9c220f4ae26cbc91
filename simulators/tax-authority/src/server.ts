import express from 'express';
import { adminRoutes } from './admin.routes';
import { errorHandler, notFoundRoute } from '@advisor/simulator-kit';
import { FaultControls } from '@advisor/simulator-kit';
import { listen, loopbackOnly, type RunningSimulator } from '@advisor/simulator-kit';
import { normalizeFein } from './inputs';
import { JsonFile } from '@advisor/simulator-kit';
import type { TaxAuthorityState } from './model';
import { providerApiRoutes } from './provider-api.routes';
import { RequestStats } from '@advisor/simulator-kit';
import { TaxAuthorityStore } from './tax-authority.store';

export interface TaxAuthoritySimulatorOptions {
  port: number;
  host?: string;
  /** Persist the state to this JSON file (read at start, rewritten after each change). */
  dataFile?: string;
  /** Let non-loopback callers use /admin (e.g. the demo in another container). Default false. */
  allowRemoteAdmin?: boolean;
}

/** Starts the tax-authority simulator in this process (SPEC P6 tax cards, P7 employer tax filings). */
export async function startTaxAuthoritySimulator(options: TaxAuthoritySimulatorOptions): Promise<RunningSimulator> {
  const file = options.dataFile ? new JsonFile<TaxAuthorityState>(options.dataFile) : undefined;
  const store = new TaxAuthorityStore(file?.read(), file ? (s) => file.write(s.toState()) : undefined);
  const stats = new RequestStats({ employers: ':fein', filings: ':filingId' });
  const faults = new FaultControls({
    scopeKeys: ['fein'],
    defaultRefusal: { code: 'REFUSED', message: 'The tax authority refused this request (simulated).' },
    scopeOf: (req) => {
      const [, fein] = /^\/api\/employers\/([^/]+)/.exec(req.baseUrl + req.path) ?? [];
      return { fein: fein === undefined ? undefined : (normalizeFein(fein) ?? fein) };
    },
    normalizeScope: (_key, fein) => normalizeFein(fein) ?? fein,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '5mb' }));
  app.use((req, _res, next) => {
    req.body ??= {}; // a POST without a body is an empty object, e.g. an approval with no fields
    next();
  });
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'tax-authority-simulator' });
  });
  app.use('/admin', loopbackOnly(options.allowRemoteAdmin ?? false), adminRoutes(store, faults, stats));
  app.use('/api', stats.middleware(), faults.middleware((req) => stats.markFaulted(req)), providerApiRoutes(store));
  app.use(notFoundRoute);
  app.use(errorHandler);

  return listen(app, options.host ?? '127.0.0.1', options.port, () => faults.releaseHeld());
}
