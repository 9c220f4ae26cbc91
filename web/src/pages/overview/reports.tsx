import { useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Link, Stack, Tab, Tabs, TextField } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { MyPayrollClientsReportQuery, TermReportQuery, UsageReportQuery } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { ApiError, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { CursorPager } from '../../components/cursor-pager';
import { GroupFilter } from '../../components/group-filter';
import { CsvDownloadButton } from '../../components/csv-download';
import { CLIENT_ROLE_LABEL, STATUS_LABEL, formatDateTime } from '../../labels';
import { FIRST_PAGE, currentCursor, formatCentsString, formatLevel, formatMonth, formatTerm, monthsBefore, termOf, thisMonth } from './overview-logic';

/** Rows a report page holds: the table shows one page whole (it pages at 25 itself). */
export const REPORT_PAGE_SIZE = 25;

const UsageReport = graphql(`
  query UsageReport($fromMonth: String!, $toMonth: String!, $groupId: ID, $first: Int, $after: String) {
    payrollUsageReport(fromMonth: $fromMonth, toMonth: $toMonth, groupId: $groupId, first: $first, after: $after) {
      rows {
        client {
          id
          businessName
        }
        month
        payslips
        contractorPayments
        absences
        shifts
        shiftsAutomated
        automationLevel
        totalPaidOutCents
      }
      nextCursor
    }
  }
`);

const MyPayrollClientsReport = graphql(`
  query MyPayrollClientsReport($groupId: ID, $first: Int, $after: String) {
    myPayrollClients(groupId: $groupId, first: $first, after: $after) {
      rows {
        client {
          id
          businessName
        }
        role
        timeTrackingStatus
        lastSyncStatus
        lastSyncedAt
      }
      nextCursor
    }
  }
`);

const TermReport = graphql(`
  query TermReport($fromTerm: String!, $toTerm: String!, $groupId: ID, $first: Int, $after: String) {
    payrollTermReport(fromTerm: $fromTerm, toTerm: $toTerm, groupId: $groupId, first: $first, after: $after) {
      rows {
        client {
          id
          businessName
        }
        term
        payslips
        grossPayCents
        taxWithheldCents
        employerTaxCents
        contractorPaymentsCents
      }
      nextCursor
    }
  }
`);

type TermRow = TermReportQuery['payrollTermReport']['rows'][number] & { id: string };
type UsageRow = UsageReportQuery['payrollUsageReport']['rows'][number] & { id: string };
type MineRow = MyPayrollClientsReportQuery['myPayrollClients']['rows'][number] & { id: string };

const SYNC_LABEL: Record<string, string> = { RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed' };

function ClientCell({ client }: { client: { id: string; businessName: string } }) {
  return (
    <Link component={RouterLink} to={`/clients/view/${client.id}`}>
      {client.businessName}
    </Link>
  );
}

const clientColumn = { field: 'client', headerName: 'Client', flex: 1.2, minWidth: 170, sortable: false } as const;

const usageColumns: GridColDef<UsageRow>[] = [
  { ...clientColumn, valueGetter: (_v, r) => r.client.businessName, renderCell: ({ row }) => <ClientCell client={row.client} /> },
  { field: 'month', headerName: 'Month', width: 140, valueFormatter: (v: string) => formatMonth(v) },
  { field: 'payslips', headerName: 'Payslips', type: 'number', width: 95 },
  { field: 'contractorPayments', headerName: 'Contractor payments', type: 'number', width: 160 },
  { field: 'absences', headerName: 'Absences', type: 'number', width: 95 },
  { field: 'totalPaidOutCents', headerName: 'Paid out', width: 140, align: 'right', headerAlign: 'right', valueFormatter: (v: string) => formatCentsString(v) },
];

const automationColumns: GridColDef<UsageRow>[] = [
  { ...clientColumn, valueGetter: (_v, r) => r.client.businessName, renderCell: ({ row }) => <ClientCell client={row.client} /> },
  { field: 'month', headerName: 'Month', width: 140, valueFormatter: (v: string) => formatMonth(v) },
  { field: 'shifts', headerName: 'Shifts', type: 'number', width: 90 },
  { field: 'shiftsAutomated', headerName: 'Reached payroll untouched', type: 'number', width: 200 },
  { field: 'automationLevel', headerName: 'Automation level', width: 150, align: 'right', headerAlign: 'right', valueFormatter: (v: number | null) => formatLevel(v) },
];

const mineColumns: GridColDef<MineRow>[] = [
  { ...clientColumn, valueGetter: (_v, r) => r.client.businessName, renderCell: ({ row }) => <ClientCell client={row.client} /> },
  { field: 'role', headerName: 'Your role', width: 130, valueFormatter: (v: string) => CLIENT_ROLE_LABEL[v] ?? v },
  { field: 'timeTrackingStatus', headerName: 'Time tracking', width: 140, valueFormatter: (v: string) => STATUS_LABEL[v] ?? v },
  { field: 'lastSyncStatus', headerName: 'Last sync', width: 120, valueFormatter: (v: string | null) => (v ? (SYNC_LABEL[v] ?? v) : '—') },
  { field: 'lastSyncedAt', headerName: 'Last synced', width: 170, valueFormatter: (v: string | null) => formatDateTime(v) },
];

const money = (field: string, headerName: string) =>
  ({ field, headerName, width: 150, align: 'right', headerAlign: 'right', valueFormatter: (v: string) => formatCentsString(v) }) as const;

const termColumns: GridColDef<TermRow>[] = [
  { ...clientColumn, valueGetter: (_v, r) => r.client.businessName, renderCell: ({ row }) => <ClientCell client={row.client} /> },
  { field: 'term', headerName: 'Term', width: 140, valueFormatter: (v: string) => formatTerm(v) },
  { field: 'payslips', headerName: 'Payslips', type: 'number', width: 95 },
  money('grossPayCents', 'Gross pay'),
  money('taxWithheldCents', 'Tax withheld'),
  money('employerTaxCents', 'Employer tax'),
  money('contractorPaymentsCents', 'Contractor payments'),
];

/** Each tab and the gateway's CSV of it (`GET /reports/<csv>.csv`). */
const TABS = [
  { value: 'usage', label: 'Usage log', csv: 'payroll-usage' },
  { value: 'automation', label: 'Automation per client', csv: 'payroll-automation' },
  { value: 'terms', label: 'Term report', csv: 'payroll-terms' },
  { value: 'my-clients', label: 'My clients', csv: 'my-payroll-clients' },
] as const;

/**
 * SPEC P5: reports across every client the member sees (C6): the usage log (payslips, contractor
 * payments, absences per client per month), automation per client, the term report (gross pay, tax
 * withheld and employer tax per client per two-month term), and "my clients" (where the
 * member is responsible or collaborator), each filtered by group (C10), paged by the API's
 * cursors and downloadable whole as CSV. Tab, months and group live in the address; a new filter
 * starts at the first page.
 */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'usage';
  const toMonth = params.get('to') ?? thisMonth();
  const fromMonth = params.get('from') ?? monthsBefore(toMonth, 2);
  const groupId = params.get('group') ?? '';
  const [pages, setPages] = useState(FIRST_PAGE);
  const update = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
    setPages(FIRST_PAGE);
  };
  const mine = tab === 'my-clients';
  const page = { groupId: groupId || null, first: REPORT_PAGE_SIZE, after: currentCursor(pages) };
  const terms = tab === 'terms';
  // The term report takes the terms the chosen months fall in (SPEC P5: two-month terms).
  const termRange = { fromTerm: termOf(fromMonth), toTerm: termOf(toMonth) };
  const [usage] = useQuery({ query: UsageReport, variables: { fromMonth, toMonth, ...page }, pause: mine || terms });
  const [termReport] = useQuery({ query: TermReport, variables: { ...termRange, ...page }, pause: !terms });
  const [myClients] = useQuery({ query: MyPayrollClientsReport, variables: page, pause: !mine });
  const errors = formErrors(mine ? myClients.error : terms ? termReport.error : usage.error);
  const current = TABS.find((t) => t.value === tab) ?? TABS[0];
  const label = current.label;
  const usageRows: UsageRow[] = (usage.data?.payrollUsageReport.rows ?? []).map((r) => ({ ...r, id: `${r.client.id}:${r.month}` }));
  const mineRows: MineRow[] = (myClients.data?.myPayrollClients.rows ?? []).map((r) => ({ ...r, id: r.client.id }));
  const termRows: TermRow[] = (termReport.data?.payrollTermReport.rows ?? []).map((r) => ({ ...r, id: `${r.client.id}:${r.term}` }));
  const nextCursor = mine
    ? myClients.data?.myPayrollClients.nextCursor
    : terms
      ? termReport.data?.payrollTermReport.nextCursor
      : usage.data?.payrollUsageReport.nextCursor;
  const monthField = (key: 'from' | 'to', name: 'fromMonth' | 'toMonth', text: string, value: string) => (
    <TextField
      id={name}
      label={text}
      type="month"
      value={value}
      onChange={(e) => update(key, e.target.value)}
      error={Boolean(errors.fields[name])}
      helperText={errors.fields[name]}
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ width: 180 }}
      fullWidth={false}
    />
  );
  return (
    <>
      <PageHeader title="Reports" subtitle="Across every client you can see." />
      <Tabs value={tab} onChange={(_, v) => update('tab', v === 'usage' ? '' : v)} aria-label="Reports" sx={{ mb: 2 }}>
        {TABS.map((t) => (
          <Tab key={t.value} value={t.value} label={t.label} />
        ))}
      </Tabs>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
        {!mine && monthField('from', 'fromMonth', 'From', fromMonth)}
        {!mine && monthField('to', 'toMonth', 'To', toMonth)}
        <GroupFilter value={groupId} onChange={(g) => update('group', g)} />
        <CsvDownloadButton report={current.csv} params={mine ? { groupId } : terms ? { ...termRange, groupId } : { fromMonth, toMonth, groupId }} />
      </Stack>
      <ApiError messages={errors.general} />
      {mine ? (
        <DataTable
          label={label}
          rows={mineRows}
          columns={mineColumns}
          loading={myClients.fetching && !myClients.data}
          hideFooter
          empty="You are not responsible for or collaborating on any client yet."
        />
      ) : terms ? (
        <DataTable
          label={label}
          rows={termRows}
          columns={termColumns}
          loading={termReport.fetching && !termReport.data}
          hideFooter
          empty="No client of yours was paid in these terms."
        />
      ) : (
        <DataTable
          label={label}
          rows={usageRows}
          columns={tab === 'automation' ? automationColumns : usageColumns}
          loading={usage.fetching && !usage.data}
          hideFooter
          empty="No client of yours has payroll activity in these months."
        />
      )}
      <CursorPager
        label={`Pages of ${label.toLowerCase()}`}
        pages={pages}
        onChange={setPages}
        pageSize={REPORT_PAGE_SIZE}
        rowsOnPage={mine ? mineRows.length : terms ? termRows.length : usageRows.length}
        endCursor={nextCursor}
        hasNextPage={Boolean(nextCursor)}
        noun={mine ? 'Clients' : 'Rows'}
      />
    </>
  );
}
