import { baseConfigFromEnv, runStandaloneService } from '@advisor/kit';
import { readPayrollSyncEnv } from './env';
import { PAYROLL_SYNC_SERVICE, startPayrollSyncService } from './service';

export {
  startPayrollSyncService,
  PAYROLL_SYNC_SERVICE,
  PAYROLL_SYNC_ENTITIES,
  PAYROLL_SYNC_MIGRATIONS,
  type RunningPayrollSyncService,
  type TimeTrackingSettings,
  type TaxAuthoritySettings,
  type PayrollSyncOptions,
} from './service';
export type { PayrollDomain } from './domain';
export type { SchedulerOptions } from './domain/sync-scheduler';

/** Standalone entrypoint (containers): `node services/payroll-sync/dist/index.js`. */
if (require.main === module) {
  runStandaloneService(PAYROLL_SYNC_SERVICE, readPayrollSyncEnv, (env, deps) =>
    startPayrollSyncService({
      ...deps,
      config: baseConfigFromEnv(env),
      timeTracking: env.TIME_TRACKING_URL ? { url: env.TIME_TRACKING_URL, timeoutMs: env.TIME_TRACKING_TIMEOUT_MS } : undefined,
      taxAuthority: env.TAX_AUTHORITY_URL ? { url: env.TAX_AUTHORITY_URL, timeoutMs: env.TAX_AUTHORITY_TIMEOUT_MS } : undefined,
      alertDigest: { appUrl: env.APP_URL, mailDir: env.MAIL_DIR, smtpUrl: env.SMTP_URL, mailFrom: env.MAIL_FROM },
      scheduler: {
        pollIntervalMs: env.SYNC_POLL_INTERVAL_MS,
        syncIntervalMs: env.SYNC_INTERVAL_MS,
        tickMs: env.SYNC_TICK_MS,
        retryBaseMs: env.SYNC_RETRY_BASE_MS,
      },
    }),
  );
}
