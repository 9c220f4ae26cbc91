import { baseServiceEnvSchema, parseConfig } from '@advisor/kit';

export const payrollSyncEnvSchema = baseServiceEnvSchema(4004);

export const readPayrollSyncEnv = (source = process.env) =>
  parseConfig(payrollSyncEnvSchema, source, 'payroll-sync configuration');
