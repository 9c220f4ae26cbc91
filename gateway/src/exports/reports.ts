import { centsToDollars, defineCsvReport, percent, type CsvReport } from './csv-report';

interface ClientRef {
  client: { id: string; businessName: string; fein: string };
}

const clientColumns = [
  { header: 'Client', value: (r: ClientRef) => r.client.businessName },
  { header: 'FEIN', value: (r: ClientRef) => r.client.fein },
  { header: 'Client ID', value: (r: ClientRef) => r.client.id },
];

interface UsageRow extends ClientRef {
  month: string;
  payslips: number;
  contractorPayments: number;
  absences: number;
  shifts: number;
  shiftsAutomated: number;
  automationLevel: number | null;
  totalPaidOutCents: string;
}

const MONTHS = [
  { name: 'fromMonth', required: true },
  { name: 'toMonth', required: true },
  { name: 'groupId', required: false },
];

const USAGE_QUERY = `query PayrollUsageCsv($fromMonth: String!, $toMonth: String!, $groupId: ID, $first: Int, $after: String) {
  page: payrollUsageReport(fromMonth: $fromMonth, toMonth: $toMonth, groupId: $groupId, first: $first, after: $after) {
    rows { client { id businessName fein } month payslips contractorPayments absences shifts shiftsAutomated automationLevel totalPaidOutCents }
    nextCursor
  }
}`;

/**
 * The reports that can be downloaded as CSV, by name (`GET /reports/<name>.csv`). Each runs the
 * same query as its page in the app, so the rows are exactly those the caller may see (SPEC C6).
 */
export const CSV_REPORTS: readonly CsvReport[] = [
  defineCsvReport<UsageRow>({
    name: 'payroll-usage',
    description: 'SPEC P5 usage log: payslips, contractor payments, absences and pay per client per month (fromMonth, toMonth, groupId).',
    params: MONTHS,
    query: USAGE_QUERY,
    columns: [
      ...clientColumns,
      { header: 'Month', value: (r) => r.month },
      { header: 'Payslips', value: (r) => r.payslips },
      { header: 'Contractor payments', value: (r) => r.contractorPayments },
      { header: 'Absences', value: (r) => r.absences },
      { header: 'Total paid out (USD)', value: (r) => centsToDollars(r.totalPaidOutCents) },
    ],
  }),
  defineCsvReport<UsageRow>({
    name: 'payroll-automation',
    description: 'SPEC P5 automation level per client per month: shifts, shifts that reached a timecard untouched, their share (fromMonth, toMonth, groupId).',
    params: MONTHS,
    query: USAGE_QUERY,
    columns: [
      ...clientColumns,
      { header: 'Month', value: (r) => r.month },
      { header: 'Shifts', value: (r) => r.shifts },
      { header: 'Automated shifts', value: (r) => r.shiftsAutomated },
      { header: 'Automation level (%)', value: (r) => percent(r.automationLevel) },
    ],
  }),
  defineCsvReport<ClientRef & { role: string; timeTrackingStatus: string; lastSyncStatus: string | null; lastSyncedAt: string | null }>({
    name: 'my-payroll-clients',
    description: 'SPEC P5 "my clients": where the caller is responsible or collaborator, with time-tracking and sync status (groupId).',
    params: [{ name: 'groupId', required: false }],
    query: `query MyPayrollClientsCsv($groupId: ID, $first: Int, $after: String) {
  page: myPayrollClients(groupId: $groupId, first: $first, after: $after) {
    rows { client { id businessName fein } role timeTrackingStatus lastSyncStatus lastSyncedAt }
    nextCursor
  }
}`,
    columns: [
      ...clientColumns,
      { header: 'Role', value: (r) => r.role },
      { header: 'Time tracking', value: (r) => r.timeTrackingStatus },
      { header: 'Last sync', value: (r) => r.lastSyncStatus },
      { header: 'Last synced at', value: (r) => r.lastSyncedAt },
    ],
  }),
];
