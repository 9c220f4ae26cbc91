import { z } from 'zod';
import { baseServiceEnvSchema, env, parseConfig } from '@advisor/kit';

export const payrollSyncEnvSchema = baseServiceEnvSchema(4004).extend({
  /** SPEC P1: the time-tracking system (or its simulator); unset: connecting is refused and nothing is scheduled. */
  TIME_TRACKING_URL: env.optionalUrl(),
  TIME_TRACKING_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** SPEC P2: the short poll of approved shifts (at most 5 minutes from approval to timecard). */
  SYNC_POLL_INTERVAL_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
  /** SPEC P1: the full sync of each connected client. */
  SYNC_INTERVAL_MS: z.coerce.number().int().min(10_000).default(24 * 60 * 60 * 1000),
  SYNC_TICK_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** SPEC P6: the tax authority (or its simulator); unset: connecting it is refused. */
  TAX_AUTHORITY_URL: env.optionalUrl(),
  TAX_AUTHORITY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  SYNC_RETRY_BASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** SPEC F12: the daily alert digest's links and mail (as invitations and firms send theirs). */
  APP_URL: z.string().url().default('http://localhost:4000'),
  MAIL_DIR: z.string().default('.data/mail'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Advisor Dashboard <no-reply@advisor-dashboard.example>'),
});

export const readPayrollSyncEnv = (source = process.env) =>
  parseConfig(payrollSyncEnvSchema, source, 'payroll-sync configuration');
