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

interface LeaverReportData {
  leaverReport: {
    member: { firstName: string; lastName: string };
    reachableClients: LeaverClient[];
    soleResponsibleClients: LeaverClient[];
    serviceAccountsCreated: Array<{ name: string; scopes: string[]; createdAt: string; revokedAt: string | null; endsAt: string | null; endedAt: string | null }>;
    pendingMemberInvitations: Array<{ firstName: string; lastName: string; email: string; firmRole: string; permissions: string[]; expiresAt: string }>;
    pendingClientRequests: Array<{ businessName: string; permissions: string[]; expiresAt: string }>;
  };
}
interface LeaverClient {
  client: { id: string; fein: string } | null;
  businessName: string;
  platform: string;
  assigned: boolean;
  role: string | null;
  permissions: string[];
  endsAt: string | null;
}
/** One line of the leaver report's CSV: which part of the report, what, and how. */
interface LeaverRow {
  section: string;
  name: string;
  reference: string | null;
  role: string | null;
  permissions: string[];
  until: string | null;
  note: string | null;
}

const LEAVER_QUERY = `query LeaverReportCsv($memberId: ID!) {
  leaverReport(memberId: $memberId) {
    member { firstName lastName }
    reachableClients { client { id fein } businessName platform assigned role permissions endsAt }
    soleResponsibleClients { client { id fein } businessName platform assigned role permissions endsAt }
    serviceAccountsCreated { name scopes createdAt revokedAt endsAt endedAt }
    pendingMemberInvitations { firstName lastName email firmRole permissions expiresAt }
    pendingClientRequests { businessName permissions expiresAt }
  }
}`;

/** SPEC F11: the leaver report's parts as rows, in the order of the screen. */
function leaverRows(data: Record<string, unknown>): LeaverRow[] {
  const report = (data as unknown as LeaverReportData).leaverReport;
  const client = (section: string) => (c: LeaverClient): LeaverRow => ({
    section, name: c.businessName, reference: c.client?.fein ?? null, role: c.role, permissions: c.permissions, until: c.endsAt,
    note: `${c.platform}${c.assigned ? '' : ', not assigned (sees every client)'}`,
  });
  return [
    ...report.reachableClients.map(client('Reachable client')),
    ...report.soleResponsibleClients.map(client('Only RESPONSIBLE member')),
    ...report.serviceAccountsCreated.map((a): LeaverRow => ({
      section: 'Service account created', name: a.name, reference: null, role: null, permissions: a.scopes, until: a.endsAt,
      note: a.revokedAt ? `revoked ${a.revokedAt}` : a.endedAt ? `ended ${a.endedAt}` : `active, created ${a.createdAt}`,
    })),
    ...report.pendingMemberInvitations.map((i): LeaverRow => ({
      section: 'Pending team invitation', name: `${i.firstName} ${i.lastName}`, reference: i.email, role: i.firmRole, permissions: i.permissions, until: i.expiresAt, note: null,
    })),
    ...report.pendingClientRequests.map((r): LeaverRow => ({
      section: 'Pending client request', name: r.businessName, reference: null, role: null, permissions: r.permissions, until: r.expiresAt, note: null,
    })),
  ];
}

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
  defineCsvReport<ClientRef & {
    term: string;
    fromMonth: string;
    toMonth: string;
    payslips: number;
    grossPayCents: string;
    taxWithheldCents: string;
    employerTaxCents: string;
    contractorPaymentsCents: string;
  }>({
    name: 'payroll-terms',
    description: 'SPEC P5 term report: per client per two-month term, gross pay, tax withheld, employer tax (fromTerm, toTerm as YYYY-Tn, groupId).',
    params: [
      { name: 'fromTerm', required: true },
      { name: 'toTerm', required: true },
      { name: 'groupId', required: false },
    ],
    query: `query PayrollTermsCsv($fromTerm: String!, $toTerm: String!, $groupId: ID, $first: Int, $after: String) {
  page: payrollTermReport(fromTerm: $fromTerm, toTerm: $toTerm, groupId: $groupId, first: $first, after: $after) {
    rows { client { id businessName fein } term fromMonth toMonth payslips grossPayCents taxWithheldCents employerTaxCents contractorPaymentsCents }
    nextCursor
  }
}`,
    columns: [
      ...clientColumns,
      { header: 'Term', value: (r) => r.term },
      { header: 'From month', value: (r) => r.fromMonth },
      { header: 'To month', value: (r) => r.toMonth },
      { header: 'Payslips', value: (r) => r.payslips },
      { header: 'Gross pay (USD)', value: (r) => centsToDollars(r.grossPayCents) },
      { header: 'Tax withheld (USD)', value: (r) => centsToDollars(r.taxWithheldCents) },
      { header: 'Employer tax (USD)', value: (r) => centsToDollars(r.employerTaxCents) },
      { header: 'Contractor payments (USD)', value: (r) => centsToDollars(r.contractorPaymentsCents) },
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
  defineCsvReport<LeaverRow>({
    name: 'leaver-report',
    description: "SPEC F11 leaver report of a member of the caller's firm: reachable clients, clients where they are the only RESPONSIBLE, service accounts they created, pending invitations and requests (memberId).",
    params: [{ name: 'memberId', required: true }],
    query: LEAVER_QUERY,
    rowsOf: leaverRows,
    columns: [
      { header: 'Section', value: (r) => r.section },
      { header: 'Name', value: (r) => r.name },
      { header: 'FEIN or email', value: (r) => r.reference },
      { header: 'Role', value: (r) => r.role },
      { header: 'Permissions or scopes', value: (r) => r.permissions.join(' ') },
      { header: 'Ends or expires', value: (r) => r.until },
      { header: 'Note', value: (r) => r.note },
    ],
  }),
];
