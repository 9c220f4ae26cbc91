import { baseConfigFromEnv, createLogger, runMain, transportFromEnv } from '@advisor/kit';
import { readPayrollSyncEnv } from './env';
import { PAYROLL_SYNC_SERVICE, startPayrollSyncService } from './service';

export { startPayrollSyncService, PAYROLL_SYNC_SERVICE } from './service';

/** Standalone entrypoint (containers): `node services/payroll-sync/dist/index.js`. */
if (require.main === module) {
  runMain(PAYROLL_SYNC_SERVICE, async () => {
    const env = readPayrollSyncEnv();
    const logger = createLogger({ name: PAYROLL_SYNC_SERVICE, level: env.LOG_LEVEL });
    const transport = transportFromEnv(env, PAYROLL_SYNC_SERVICE, logger);
    const service = await startPayrollSyncService({ config: baseConfigFromEnv(env), transport, logger });
    return {
      stop: async () => {
        await service.stop();
        await transport.close();
      },
    };
  });
}
