import { baseConfigFromEnv, runStandaloneService } from '@advisor/kit';
import { readPayrollSyncEnv } from './env';
import { PAYROLL_SYNC_SERVICE, startPayrollSyncService } from './service';

export { startPayrollSyncService, PAYROLL_SYNC_SERVICE } from './service';

/** Standalone entrypoint (containers): `node services/payroll-sync/dist/index.js`. */
if (require.main === module) {
  runStandaloneService(PAYROLL_SYNC_SERVICE, readPayrollSyncEnv, (env, deps) =>
    startPayrollSyncService({ ...deps, config: baseConfigFromEnv(env) }),
  );
}
