import { useState, type FormEvent, type ReactNode } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Grid,
  Link,
  MenuItem,
  Paper,
  Stack,
  Tab,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import type { CombinedError } from 'urql';
import { formErrors } from '../../api/errors';
import { useSession } from '../../api/session';
import { useFields } from '../../components/form';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { useCanIfFirmMember } from '../../components/layout';
import { formatDateTime } from '../../labels';
import type {
  PayFrequency,
  PayrollMembersFragment,
  PayrollRunsFragment,
  PayrollSummaryFragment,
  PayrollSyncsFragment,
  TimecardFieldsFragment,
  WeekReportFragment,
} from '../../gql/graphql';
import {
  ApproveAllTimecards,
  ApproveTimecard,
  CompanyHoursSyncReport,
  CompanyPayroll,
  CompanyPayrollMembers,
  CompanyPayrollRuns,
  CompanyPayrollSyncs,
  CompanyTimecards,
  ConnectTimeTracking,
  DisconnectTimeTracking,
  FirmClientPayroll,
  FirmHoursSyncReport,
  FirmPayrollMembers,
  FirmPayrollRuns,
  FirmPayrollSyncs,
  FirmTimecards,
  RefreshTimeTracking,
  ResendShift,
  RunPayroll,
  UpdatePayRate,
  UpdateTimecard,
} from './documents';
import {
  PAYROLL_LABEL,
  daysOf,
  formatDay,
  formatLocalDate,
  formatMinutes,
  formatMoney,
  formatPeriod,
  formatRate,
  hoursText,
  parseHours,
  payrollAbilities,
  periodState,
  timecardEditErrors,
  type PayrollAbilities,
} from './payroll-logic';
import { useClientPart, type Realm } from './use-client';

const TABS = [
  { value: 'time-tracking', label: 'Time tracking' },
  { value: 'members', label: 'Members' },
  { value: 'timecards', label: 'Timecards' },
  { value: 'hours', label: 'Hours sync report' },
  { value: 'runs', label: 'Payroll runs' },
  { value: 'filings', label: 'Tax filings' },
] as const;
type TabName = (typeof TABS)[number]['value'];

/** A message as a sentence: ends with a full stop unless it has its own. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const label = (v: string | null | undefined) => (v ? (PAYROLL_LABEL[v] ?? v) : '—');

type Summary = PayrollSummaryFragment;
interface Ctx {
  realm: Realm;
  client: Summary;
  can: PayrollAbilities;
  refreshSummary: () => void;
}

/**
 * One client's payroll (SPEC P1, P2, P3, P7): time tracking with its sync log and refresh,
 * payroll members, pay periods with timecards (edit, approve, Approve All) and Run payroll, the
 * hours sync report with Send again, payroll runs with payslips, employer tax filings. For a
 * firm member at /clients/view/:clientId/payroll, for a client admin at /company/payroll; the
 * actions shown follow SPEC P "who may act" (the API decides).
 */
export function ClientPayrollPage({ realm }: { realm: Realm }) {
  const params = useParams();
  const session = useSession();
  const [search, setSearch] = useSearchParams();
  const firmMember = useCanIfFirmMember();
  const firm = useClientPart(realm, params.clientId, FirmClientPayroll, CompanyPayroll, {});
  const client = firm.client;
  const tab = (TABS.find((t) => t.value === search.get('tab'))?.value ?? 'timecards') as TabName;

  if (firm.fetching) return <Loading what="Loading payroll" />;
  if (!client) {
    return (
      <>
        <ApiError error={firm.error} />
        <Empty>
          {realm === 'firm' ? (
            <>
              This client is not in your list: it may not be assigned to you, or its link to your firm ended.{' '}
              <Link component={RouterLink} to="/payroll">
                Back to payroll
              </Link>
            </>
          ) : (
            'Your company could not be loaded.'
          )}
        </Empty>
      </>
    );
  }
  const can =
    realm === 'firm'
      ? (firmMember?.onClient('myPermissions' in client ? (client.myPermissions as string[]) : []) ?? payrollAbilities({ realm: 'firm', effectivePermissions: [] }))
      : payrollAbilities({
          realm: 'client',
          adminPermissions: ('admins' in client ? (client.admins as Array<{ id: string; permissions: string[] }>) : []).find(
            (a) => session?.realm === 'client' && a.id === session.clientAdminId,
          )?.permissions ?? [],
        });
  const ctx: Ctx = { realm, client, can, refreshSummary: firm.refetch };
  const tt = client.timeTracking;
  return (
    <>
      <PageHeader
        title={realm === 'firm' ? `${client.businessName} · Payroll` : 'Payroll'}
        subtitle={
          <>
            Time tracking: {label(tt?.status ?? 'NOT_CONNECTED')}
            {tt?.payFrequency ? ` · paid ${label(tt.payFrequency).toLowerCase()}` : ''}
            {tt?.timeZone ? ` · dates in ${tt.timeZone}` : ''}
            {realm === 'firm' && (
              <>
                {' · '}
                <Link component={RouterLink} to={`/clients/view/${client.id}`}>
                  Client view
                </Link>
              </>
            )}
          </>
        }
      />
      {!can.view ? (
        <Alert severity="info">
          {realm === 'firm'
            ? 'You do not have the View payroll permission on this client. The client, or an admin of your firm, can grant it.'
            : 'Payroll needs the Manage permission on your company account.'}
        </Alert>
      ) : (
        <>
          <Tabs
            value={tab}
            onChange={(_e, v: TabName) => setSearch({ tab: v }, { replace: true })}
            aria-label="Payroll sections"
            variant="scrollable"
            sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
          >
            {TABS.map((t) => (
              <Tab key={t.value} value={t.value} label={tabLabel(t.value, t.label, client)} id={`tab-${t.value}`} aria-controls={`panel-${t.value}`} />
            ))}
          </Tabs>
          <Box role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === 'time-tracking' && <TimeTrackingPanel {...ctx} />}
            {tab === 'members' && <MembersPanel {...ctx} />}
            {tab === 'timecards' && <TimecardsPanel {...ctx} periodId={search.get('period')} onPeriod={(p) => setSearch({ tab: 'timecards', period: p }, { replace: true })} />}
            {tab === 'hours' && <HoursPanel {...ctx} weekStart={search.get('week')} onWeek={(w) => setSearch({ tab: 'hours', week: w }, { replace: true })} />}
            {tab === 'runs' && <RunsPanel {...ctx} />}
            {tab === 'filings' && <FilingsPanel {...ctx} />}
          </Box>
        </>
      )}
    </>
  );
}

function tabLabel(value: TabName, text: string, client: Summary): ReactNode {
  const count =
    value === 'timecards'
      ? (client.payPeriods ?? []).reduce((n, p) => n + (p.paid ? 0 : p.draftCount), 0)
      : value === 'hours'
        ? (client.hoursSyncWeeks ?? []).filter((w) => w.needsAttention).length
        : 0;
  if (!count) return text;
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <span>{text}</span>
      <Chip size="small" color="warning" label={count} aria-label={value === 'timecards' ? `${count} drafts` : `${count} weeks need attention`} />
    </Stack>
  );
}

function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Box sx={{ mb: 3 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h2" component="h2">
          {title}
        </Typography>
        {actions && (
          <Stack direction="row" spacing={1}>
            {actions}
          </Stack>
        )}
      </Stack>
      {children}
    </Box>
  );
}

/* ---------------------------------------------------------------- time tracking (P1) */

type SyncRow = NonNullable<NonNullable<PayrollSyncsFragment['timeTracking']>['syncs']>[number];

function TimeTrackingPanel({ realm, client, can, refreshSummary }: Ctx) {
  const syncs = useClientPart(realm, client.id, FirmPayrollSyncs, CompanyPayrollSyncs, {});
  const [refreshResult, refresh] = useMutation(RefreshTimeTracking);
  const [, disconnect] = useMutation(DisconnectTimeTracking);
  const tt = client.timeTracking;
  const connected = tt?.status === 'CONNECTED';
  const reload = () => (refreshSummary(), syncs.refetch());
  const last = refreshResult.data?.refreshTimeTracking;
  const rows: SyncRow[] = syncs.client?.timeTracking?.syncs ?? [];
  const columns: GridColDef<SyncRow>[] = [
    { field: 'startedAt', headerName: 'Started', width: 170, valueFormatter: (v: string) => formatDateTime(v) },
    { field: 'cause', headerName: 'Started by', width: 130, valueGetter: (_v, s) => (s.cause === 'SCHEDULE' ? 'Schedule' : s.cause === 'POLL' ? 'Approved shifts' : `Refresh (${s.startedBy?.realm === 'CLIENT' ? 'client admin' : 'firm member'})`) },
    {
      field: 'status',
      headerName: 'Status',
      width: 120,
      renderCell: ({ row }) => <Chip size="small" color={row.status === 'FAILED' ? 'error' : row.status === 'SUCCEEDED' ? 'success' : 'default'} label={label(row.status)} />,
    },
    {
      field: 'changes',
      headerName: 'Change log',
      flex: 1,
      minWidth: 320,
      sortable: false,
      renderCell: ({ row }) =>
        row.error ? (
          <Typography variant="body2" color="error">
            {row.error}
            {row.attempt > 1 ? ` (attempt ${row.attempt})` : ''}
          </Typography>
        ) : row.changes.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {row.shiftsSent ? `${row.shiftsSent} shift${row.shiftsSent === 1 ? '' : 's'} sent to timecards` : 'No changes'}
          </Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {row.changes.map((c, i) => (
              <li key={i}>
                <Typography variant="body2">
                  {c.detail} <span style={{ opacity: 0.7 }}>({label(c.what)}, in {label(c.side).toLowerCase()})</span>
                </Typography>
              </li>
            ))}
            {row.shiftsSent > 0 && (
              <li>
                <Typography variant="body2">{`${row.shiftsSent} shift${row.shiftsSent === 1 ? '' : 's'} sent to timecards`}</Typography>
              </li>
            )}
          </Box>
        ),
    },
  ];
  return (
    <>
      <Paper sx={{ p: 2, mb: 3 }}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <Typography variant="body2">
              <strong>Status:</strong> {label(tt?.status ?? 'NOT_CONNECTED')}
              {tt?.connectedAt ? ` since ${formatDateTime(tt.connectedAt)}` : ''}
            </Typography>
            {connected && (
              <>
                <Typography variant="body2">
                  <strong>Company id in time tracking:</strong> {tt?.providerCompanyId ?? '—'}
                </Typography>
                <Typography variant="body2">
                  <strong>Pay frequency:</strong> {label(tt?.payFrequency)} · <strong>Time zone:</strong> {tt?.timeZone ?? '—'}
                </Typography>
              </>
            )}
          </Grid>
          {connected && (
            <Grid size={{ xs: 12, md: 6 }}>
              <Typography variant="body2" aria-label="Last sync">
                <strong>Last sync:</strong> {tt?.syncRunning ? 'running now' : label(tt?.lastSyncStatus)}
                {tt?.lastSyncedAt ? ` · last succeeded ${formatDateTime(tt.lastSyncedAt)}` : ''}
              </Typography>
              <Typography variant="body2">
                <strong>Next sync:</strong> {formatDateTime(tt?.nextSyncAt)}
                {tt?.retryAttempts ? ` (retry ${tt.retryAttempts}, with a growing pause)` : ''}
              </Typography>
              {tt?.lastSyncStatus === 'FAILED' && tt.lastSyncError && (
                <Alert severity="warning" sx={{ mt: 1 }}>
                  {sentence(tt.lastSyncError)} It is retried by itself.
                </Alert>
              )}
            </Grid>
          )}
        </Grid>
        {connected && can.run && (
          <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
            <Button
              variant="contained"
              disabled={refreshResult.fetching}
              onClick={async () => {
                await refresh({ clientId: client.id });
                reload();
              }}
            >
              {refreshResult.fetching ? 'Syncing…' : 'Refresh now'}
            </Button>
            <ConfirmButton
              label="Disconnect"
              title="Disconnect time tracking?"
              onConfirm={async () => {
                const r = await disconnect({ clientId: client.id });
                if (!r.error) reload();
                return r;
              }}
            >
              Shifts stop reaching payroll. Timecards, payroll runs and the change log stay.
            </ConfirmButton>
          </Stack>
        )}
        <Box role="status" aria-live="polite">
          {last && !refreshResult.error && (
            <Alert severity={last.status === 'FAILED' ? 'warning' : 'success'} sx={{ mt: 1 }}>
              {last.status === 'FAILED'
                ? `The sync failed: ${sentence(last.error ?? 'no reason given')} It is retried by itself.`
                : `Synced: ${last.changeCount} change${last.changeCount === 1 ? '' : 's'}, ${last.shiftsSent} shift${last.shiftsSent === 1 ? '' : 's'} sent to timecards.`}
            </Alert>
          )}
        </Box>
        <ApiError error={refreshResult.error} />
        {!connected && (can.run ? <ConnectForm clientId={client.id} onDone={reload} /> : <Typography variant="body2" sx={{ mt: 1 }}>An admin connects time tracking.</Typography>)}
      </Paper>
      <Section title="Sync log">
        {syncs.fetching ? (
          <Loading what="Loading the sync log" />
        ) : (
          <>
            <ApiError error={syncs.error} />
            <DataTable label="Sync log" rows={rows} columns={columns} empty="No sync yet: the first one runs as soon as time tracking is connected." />
          </>
        )}
      </Section>
    </>
  );
}

function ConnectForm({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const { values, bind } = useFields({ providerCompanyId: '', apiKey: '', payFrequency: 'WEEKLY', periodAnchor: '' });
  const [result, connect] = useMutation(ConnectTimeTracking);
  const errors = formErrors(result.error, { TIME_TRACKING_KEY_REJECTED: 'apiKey' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await connect({
      input: {
        clientId,
        providerCompanyId: values.providerCompanyId.trim(),
        apiKey: values.apiKey.trim(),
        payFrequency: values.payFrequency as PayFrequency,
        ...(values.payFrequency === 'BIWEEKLY' && values.periodAnchor ? { periodAnchor: values.periodAnchor } : {}),
      },
    });
    if (!r.error) onDone();
  };
  return (
    <Box component="form" onSubmit={submit} sx={{ mt: 2 }} aria-label="Connect time tracking">
      <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
        Connect time tracking
      </Typography>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 3 }}>
          <TextField label="Company id in time tracking" required fullWidth size="small" {...bind('providerCompanyId', errors)} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <TextField label="API key" required fullWidth size="small" type="password" autoComplete="off" {...bind('apiKey', errors, 'Created in time tracking; never shown again.')} />
        </Grid>
        <Grid size={{ xs: 12, md: 3 }}>
          <TextField select label="Pay frequency" fullWidth size="small" {...bind('payFrequency', errors)}>
            <MenuItem value="WEEKLY">Weekly</MenuItem>
            <MenuItem value="BIWEEKLY">Every two weeks</MenuItem>
          </TextField>
        </Grid>
        {values.payFrequency === 'BIWEEKLY' && (
          <Grid size={{ xs: 12, md: 3 }}>
            <TextField label="A Monday a pay period starts" fullWidth size="small" type="date" slotProps={{ inputLabel: { shrink: true } }} {...bind('periodAnchor', errors)} />
          </Grid>
        )}
      </Grid>
      <ApiError messages={errors.general} />
      <Button type="submit" variant="contained" sx={{ mt: 1 }} disabled={result.fetching}>
        Connect
      </Button>
    </Box>
  );
}

/* ---------------------------------------------------------------- members (P1) */

type MemberRow = NonNullable<PayrollMembersFragment['payrollMembers']>[number];

function MembersPanel({ realm, client, can }: Ctx) {
  const members = useClientPart(realm, client.id, FirmPayrollMembers, CompanyPayrollMembers, {});
  const [editing, setEditing] = useState<MemberRow | null>(null);
  const rows = members.client?.payrollMembers ?? [];
  const columns: GridColDef<MemberRow>[] = [
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 160, valueGetter: (_v, m) => `${m.firstName} ${m.lastName}` },
    { field: 'email', headerName: 'Email', flex: 1, minWidth: 180 },
    { field: 'kind', headerName: 'Kind', width: 140, valueFormatter: (v: string) => label(v) },
    { field: 'roles', headerName: 'In time tracking', width: 150, valueGetter: (_v, m) => [m.isAdmin && 'Admin', m.isManager && 'Manager'].filter(Boolean).join(', ') || 'Worker' },
    {
      field: 'payRateCents',
      headerName: 'Pay rate',
      width: 150,
      renderCell: ({ row }) =>
        row.payRateCents === null ? <Chip size="small" color="warning" label="No pay rate" /> : `${formatRate(row.payRateCents)}${row.pendingSync ? ' (syncing)' : ''}`,
    },
    { field: 'removedAt', headerName: 'Removed', width: 120, valueFormatter: (v: string | null) => (v ? formatDateTime(v) : '') },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 130,
      sortable: false,
      renderCell: ({ row }) =>
        can.manageMembers && !row.removedAt ? (
          <Button size="small" onClick={() => setEditing(row)} aria-label={`Set ${row.firstName} ${row.lastName}'s pay rate`}>
            Set pay rate
          </Button>
        ) : null,
    },
  ];
  return (
    <Section title="Payroll members">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        W2 employees and 1099 contractors, kept in step with time tracking both ways. A change made here reaches time tracking with the next sync.
      </Typography>
      {members.fetching ? (
        <Loading what="Loading members" />
      ) : (
        <>
          <ApiError error={members.error} />
          <DataTable label="Payroll members" rows={rows} columns={columns} empty="No members yet: they arrive with the first sync of time tracking." />
        </>
      )}
      {editing && <PayRateDialog member={editing} onClose={(done) => (setEditing(null), done && members.refetch())} />}
    </Section>
  );
}

function PayRateDialog({ member, onClose }: { member: MemberRow; onClose: (done: boolean) => void }) {
  const { values, bind } = useFields({ rate: member.payRateCents === null ? '' : (member.payRateCents / 100).toFixed(2) });
  const [result, update] = useMutation(UpdatePayRate);
  const [local, setLocal] = useState<string | undefined>();
  const errors = formErrors(result.error, {}, { 'input.payRateCents': 'rate', payRateCents: 'rate' });
  if (local) errors.fields.rate = local;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const text = values.rate.trim().replace(/^\$/, '');
    if (text !== '' && !/^\d+(\.\d{1,2})?$/.test(text)) return setLocal('Enter dollars and cents per hour, e.g. 24.50.');
    setLocal(undefined);
    const [dollars, cents = ''] = text.split('.');
    const r = await update({ memberId: member.id, payRateCents: text === '' ? null : Number(dollars) * 100 + Number(cents.padEnd(2, '0')) });
    if (!r.error) onClose(true);
  };
  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="rate-title">
      <Box component="form" onSubmit={submit}>
        <DialogTitle id="rate-title">
          {member.firstName} {member.lastName}'s pay rate
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>Dollars per hour. Leave empty to remove the pay rate. Time tracking gets it with the next sync.</DialogContentText>
          <TextField label="Hourly rate ($)" autoFocus fullWidth {...bind('rate', errors)} />
          <ApiError messages={errors.general} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Save
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/* ---------------------------------------------------------------- timecards (P2) and Run payroll (P7) */

type PeriodRow = NonNullable<Summary['payPeriods']>[number];

function TimecardsPanel({ realm, client, can, refreshSummary, periodId, onPeriod }: Ctx & { periodId: string | null; onPeriod: (id: string) => void }) {
  const periods = client.payPeriods ?? [];
  // The period to open: the one asked for, else the oldest unpaid one with drafts, else the current one.
  const selected = periods.find((p) => p.id === periodId) ?? [...periods].reverse().find((p) => !p.paid && p.draftCount > 0) ?? periods[0];
  const columns: GridColDef<PeriodRow>[] = [
    { field: 'period', headerName: 'Pay period', flex: 1, minWidth: 190, valueGetter: (_v, p) => formatPeriod(p.startDate, p.endDate) },
    {
      field: 'deadline',
      headerName: 'Approval deadline',
      flex: 1,
      minWidth: 190,
      valueGetter: (_v, p) => `${formatLocalDate(p.deadline)}${p.deadlineMovedFor ? ` (earlier for ${p.deadlineMovedFor})` : ''}`,
    },
    { field: 'draftCount', headerName: 'Drafts', width: 80, type: 'number' },
    { field: 'approvedCount', headerName: 'Approved', width: 90, type: 'number' },
    { field: 'state', headerName: 'State', width: 150, valueGetter: (_v, p) => periodState(p) },
    {
      field: 'open',
      headerName: '',
      width: 110,
      sortable: false,
      renderCell: ({ row }) =>
        row.id === selected?.id ? (
          <Chip size="small" label="Open" color="primary" />
        ) : (
          <Button size="small" onClick={() => onPeriod(row.id)} aria-label={`Open ${formatPeriod(row.startDate, row.endDate)}`}>
            Open
          </Button>
        ),
    },
  ];
  if (!client.timeTracking || (periods.length === 0 && client.timeTracking.status !== 'CONNECTED')) {
    return <Empty>Pay periods start once time tracking is connected (Time tracking tab).</Empty>;
  }
  return (
    <>
      <Section title="Pay periods">
        <DataTable label="Pay periods" rows={periods} columns={columns} empty="No pay periods yet." />
      </Section>
      {selected && <PeriodTimecards key={selected.id} realm={realm} client={client} can={can} period={selected} refreshSummary={refreshSummary} />}
    </>
  );
}

type TimecardRow = TimecardFieldsFragment;

function PeriodTimecards({ realm, client, can, period, refreshSummary }: Ctx & { period: PeriodRow }) {
  const cards = useClientPart(realm, client.id, FirmTimecards, CompanyTimecards, { periodId: period.id });
  const [approveAllResult, approveAll] = useMutation(ApproveAllTimecards);
  const [approveOneResult, approveOne] = useMutation(ApproveTimecard);
  const [runResult, run] = useMutation(RunPayroll);
  const [editing, setEditing] = useState<TimecardRow | null>(null);
  const rows = cards.client?.timecards ?? [];
  const reload = () => (cards.refetch(), refreshSummary());
  const drafts = rows.filter((r) => r.status === 'SAVED_DRAFT').length;
  const columns: GridColDef<TimecardRow>[] = [
    { field: 'worker', headerName: 'Worker', flex: 1, minWidth: 150, valueGetter: (_v, t) => (t.member ? `${t.member.firstName} ${t.member.lastName}` : 'Former member') },
    {
      field: 'status',
      headerName: 'Status',
      width: 165,
      renderCell: ({ row }) => <Chip size="small" color={row.status === 'APPROVED' ? 'success' : 'default'} label={`${label(row.status)}${row.edited ? ' · edited' : ''}`} />,
    },
    { field: 'shiftMinutes', headerName: 'Shifts', width: 90, valueFormatter: (v: number) => formatMinutes(v) },
    { field: 'adjustmentMinutes', headerName: 'Adjustments', width: 105, valueFormatter: (v: number) => (v ? formatMinutes(v) : '') },
    { field: 'ptoMinutes', headerName: 'PTO', width: 80, valueFormatter: (v: number) => (v ? formatMinutes(v) : '') },
    { field: 'holidayMinutes', headerName: 'Holiday', width: 85, valueFormatter: (v: number) => (v ? formatMinutes(v) : '') },
    { field: 'totalMinutes', headerName: 'Total', width: 90, valueFormatter: (v: number) => formatMinutes(v) },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 200,
      sortable: false,
      renderCell: ({ row }) => {
        const who = row.member ? `${row.member.firstName} ${row.member.lastName}` : 'this worker';
        if (row.status === 'APPROVED') return <Typography variant="body2" color="text.secondary">Approved {row.approvedAt ? formatDateTime(row.approvedAt) : ''}</Typography>;
        if (!can.approve) return null;
        return (
          <Stack direction="row" spacing={1}>
            <Button size="small" onClick={() => setEditing(row)} aria-label={`Edit ${who}'s timecard`}>
              Edit
            </Button>
            <Button
              size="small"
              aria-label={`Approve ${who}'s timecard`}
              onClick={async () => {
                const r = await approveOne({ timecardId: row.id });
                if (!r.error) reload();
              }}
            >
              Approve
            </Button>
          </Stack>
        );
      },
    },
  ];
  return (
    <Section
      title={`Timecards · ${formatPeriod(period.startDate, period.endDate)}`}
      actions={
        <>
          {can.approve && !period.paid && (
            <Button
              variant="contained"
              disabled={drafts === 0 || approveAllResult.fetching}
              onClick={async () => {
                const r = await approveAll({ clientId: client.id, periodId: period.id });
                if (!r.error) reload();
              }}
            >
              Approve All{drafts ? ` (${drafts})` : ''}
            </Button>
          )}
          {can.run && !period.paid && (
            <ConfirmButton
              label="Run payroll"
              color="primary"
              variant="outlined"
              size="medium"
              title={`Run payroll for ${formatPeriod(period.startDate, period.endDate)}?`}
              onConfirm={async () => {
                const r = await run({ clientId: client.id, periodId: period.id });
                if (!r.error) reload();
                return r;
              }}
            >
              Payslips for employees, payments for contractors and the month's employer tax filing are made from the approved timecards. A period runs once.
            </ConfirmButton>
          )}
        </>
      }
    >
      <Typography variant="body2" sx={{ mb: 1 }} id="period-deadline">
        {period.paid ? (
          'Payroll has been run for this period; its timecards are locked.'
        ) : (
          <>
            <strong>Approve by {formatLocalDate(period.deadline)}</strong>
            {period.deadlineMovedFor ? `, earlier than the Monday after the period because of ${period.deadlineMovedFor}` : ', the Monday after the period'}. Approved timecards are locked; a shift approved later becomes an
            adjustment in the next period.
          </>
        )}
      </Typography>
      {/* Run payroll's refusals show in its confirmation, next to its button. */}
      <ApiError error={approveAllResult.error ?? approveOneResult.error} />
      {runResult.data && !runResult.error && (
        <Alert severity="success" sx={{ my: 1 }} role="status">
          Payroll run: {formatMoney(runResult.data.runPayroll.grossCents)} gross pay, {formatMoney(runResult.data.runPayroll.contractorCents)} to contractors,{' '}
          {formatMoney(runResult.data.runPayroll.employerTaxCents)} employer tax ({runResult.data.runPayroll.payslips.length} payslips and payments, see Payroll runs).
        </Alert>
      )}
      {cards.fetching ? (
        <Loading what="Loading timecards" />
      ) : (
        <>
          <ApiError error={cards.error} />
          <DataTable label="Timecards" rows={rows} columns={columns} empty="No timecards in this period: approved shifts arrive here from time tracking within minutes." />
        </>
      )}
      {editing && <EditTimecardDialog card={editing} period={period} onClose={(done) => (setEditing(null), done && reload())} />}
    </Section>
  );
}

/** Review one draft: its shifts and PTO per day, holiday hours entered by hand (SPEC P2). */
export function EditTimecardDialog({ card, period, onClose }: { card: TimecardRow; period: PeriodRow; onClose: (done: boolean) => void }) {
  const days = daysOf(period.startDate, period.endDate);
  const minutesOn = (date: string, kind: string) => card.entries.filter((e) => e.date === date && e.kind === kind && !e.adjustment).reduce((n, e) => n + e.minutes, 0);
  const [hours, setHours] = useState<Record<string, string>>(() => Object.fromEntries(days.map((d) => [d, hoursText(minutesOn(d, 'HOLIDAY'))])));
  const [result, update] = useMutation(UpdateTimecard);
  const [approveResult, approve] = useMutation(ApproveTimecard);
  const [local, setLocal] = useState<Record<string, string>>({});
  const errors = timecardEditErrors(result.error ?? approveResult.error);
  const who = card.member ? `${card.member.firstName} ${card.member.lastName}` : 'Former member';
  const save = async (andApprove: boolean) => {
    const bad: Record<string, string> = {};
    const holidayHours: Array<{ date: string; minutes: number }> = [];
    for (const d of days) {
      const m = parseHours(hours[d] ?? '');
      if (m === undefined) bad[`holiday-${d}`] = 'Enter hours as a number, e.g. 8 or 7.5.';
      else if (m !== 0) holidayHours.push({ date: d, minutes: m });
    }
    setLocal(bad);
    if (Object.keys(bad).length) return;
    const r = await update({ timecardId: card.id, input: { holidayHours } });
    if (r.error) return;
    if (andApprove && !(await approve({ timecardId: card.id })).error) return onClose(true);
    if (!andApprove) onClose(true);
  };
  const adjustments = card.entries.filter((e) => e.adjustment);
  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="timecard-title" maxWidth="md" fullWidth>
      <Box component="form" onSubmit={(e: FormEvent) => (e.preventDefault(), save(false))}>
        <DialogTitle id="timecard-title">
          {who}'s timecard, {formatPeriod(period.startDate, period.endDate)}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>Shifts and PTO come from time tracking (edit shifts there, before approval). Holiday hours are entered here.</DialogContentText>
          <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', '& td, & th': { py: 0.5, px: 1, textAlign: 'left', borderBottom: 1, borderColor: 'divider' } }}>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Shifts</th>
                <th scope="col">PTO</th>
                <th scope="col">Holiday hours</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => {
                const key = `holiday-${d}`;
                const message = local[key] ?? errors.fields[key];
                return (
                  <tr key={d}>
                    <th scope="row">{formatDay(d)}</th>
                    <td>{minutesOn(d, 'SHIFT') ? formatMinutes(minutesOn(d, 'SHIFT')) : ''}</td>
                    <td>{minutesOn(d, 'PTO') ? formatMinutes(minutesOn(d, 'PTO')) : ''}</td>
                    <td>
                      <TextField
                        size="small"
                        id={key}
                        value={hours[d] ?? ''}
                        onChange={(e) => setHours((h) => ({ ...h, [d]: e.target.value }))}
                        error={Boolean(message)}
                        helperText={message}
                        slotProps={{ htmlInput: { 'aria-label': `Holiday hours on ${formatDay(d)}`, inputMode: 'decimal' } }}
                        sx={{ width: 220 }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </Box>
          {adjustments.length > 0 && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              Adjustments from earlier periods: {adjustments.map((a) => `${formatDay(a.date)} ${formatMinutes(a.minutes)}`).join(', ')}.
            </Typography>
          )}
          <ApiError messages={errors.general} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button type="submit" disabled={result.fetching}>
            Save draft
          </Button>
          <Button variant="contained" disabled={result.fetching || approveResult.fetching} onClick={() => save(true)}>
            Save and approve
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/* ---------------------------------------------------------------- hours sync report (P3) */

type WeekRow = NonNullable<Summary['hoursSyncWeeks']>[number];
type ShiftRow = NonNullable<WeekReportFragment['hoursSyncReport']>['workers'][number]['shifts'][number] & { id: string; worker: string };

function HoursPanel({ realm, client, can, refreshSummary, weekStart, onWeek }: Ctx & { weekStart: string | null; onWeek: (w: string) => void }) {
  const weeks = client.hoursSyncWeeks ?? [];
  const selected = weeks.find((w) => w.weekStart === weekStart) ?? weeks.find((w) => w.needsAttention) ?? weeks[0];
  const columns: GridColDef<WeekRow>[] = [
    { field: 'weekStart', headerName: 'Week', flex: 1, minWidth: 190, valueGetter: (_v, w) => formatPeriod(w.weekStart, w.weekEnd) },
    { field: 'sent', headerName: 'Sent', width: 80, type: 'number' },
    { field: 'toSend', headerName: 'To send', width: 90, type: 'number' },
    { field: 'errors', headerName: 'Errors', width: 80, type: 'number' },
    {
      field: 'needsAttention',
      headerName: 'Needs attention',
      width: 150,
      renderCell: ({ row }) => (row.needsAttention ? <Chip size="small" color="warning" label="Needs attention" /> : <Chip size="small" color="success" label="All sent" />),
    },
    {
      field: 'open',
      headerName: '',
      width: 110,
      sortable: false,
      renderCell: ({ row }) =>
        row.weekStart === selected?.weekStart ? (
          <Chip size="small" label="Open" color="primary" />
        ) : (
          <Button size="small" onClick={() => onWeek(row.weekStart)} aria-label={`Open the week of ${formatPeriod(row.weekStart, row.weekEnd)}`}>
            Open
          </Button>
        ),
    },
  ];
  return (
    <>
      <Section title="Hours sync report">
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          Each approved shift from time tracking, per week: Sent (on a timecard), Send (time tracking did not confirm it: send it again) or Error (with what to fix).
        </Typography>
        <DataTable label="Weeks" rows={weeks} columns={columns} getRowId={(w) => w.weekStart} empty="No approved shifts yet." />
      </Section>
      {selected && <WeekReport key={selected.weekStart} realm={realm} client={client} can={can} refreshSummary={refreshSummary} week={selected} />}
    </>
  );
}

function WeekReport({ realm, client, can, refreshSummary, week }: Ctx & { week: WeekRow }) {
  const report = useClientPart(realm, client.id, FirmHoursSyncReport, CompanyHoursSyncReport, { weekStart: week.weekStart });
  const [resendResult, resend] = useMutation(ResendShift);
  const [lastResend, setLastResend] = useState<{ shiftId: string; error?: CombinedError } | null>(null);
  const rows: ShiftRow[] = (report.client?.hoursSyncReport?.workers ?? []).flatMap((w) =>
    w.shifts.map((s) => ({ ...s, id: s.shiftId, worker: w.member ? `${w.member.firstName} ${w.member.lastName}` : `Time-tracking worker ${w.timeTrackingWorkerId}` })),
  );
  const columns: GridColDef<ShiftRow>[] = [
    { field: 'worker', headerName: 'Worker', flex: 1, minWidth: 150 },
    { field: 'date', headerName: 'Day', width: 110, valueFormatter: (v: string) => formatDay(v) },
    { field: 'minutes', headerName: 'Hours', width: 80, valueFormatter: (v: number) => formatMinutes(v) },
    {
      field: 'status',
      headerName: 'Status',
      width: 90,
      renderCell: ({ row }) => <Chip size="small" color={row.status === 'SENT' ? 'success' : row.status === 'ERROR' ? 'error' : 'warning'} label={label(row.status)} />,
    },
    {
      field: 'detail',
      headerName: 'Detail',
      flex: 2,
      minWidth: 260,
      sortable: false,
      renderCell: ({ row }) => (
        <Box>
          <Typography variant="body2">{row.status === 'SENT' ? `Sent ${formatDateTime(row.sentAt)}` : (row.reason ?? '')}</Typography>
          {lastResend?.shiftId === row.shiftId && lastResend.error && (
            <Typography variant="body2" color="error" role="alert">
              {formErrors(lastResend.error).general.join(' ')}
            </Typography>
          )}
        </Box>
      ),
    },
    { field: 'attempts', headerName: 'Attempts', width: 90, type: 'number' },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 130,
      sortable: false,
      renderCell: ({ row }) =>
        row.status !== 'SENT' && can.approve ? (
          <Button
            size="small"
            disabled={resendResult.fetching}
            aria-label={`Send ${row.worker}'s shift on ${formatDay(row.date)} again`}
            onClick={async () => {
              const r = await resend({ clientId: client.id, shiftId: row.shiftId });
              setLastResend({ shiftId: row.shiftId, error: r.error });
              report.refetch();
              refreshSummary();
            }}
          >
            Send again
          </Button>
        ) : null,
    },
  ];
  return (
    <Section title={`Week of ${formatPeriod(week.weekStart, week.weekEnd)}`}>
      {report.fetching ? (
        <Loading what="Loading the week" />
      ) : (
        <>
          <ApiError error={report.error} />
          <DataTable label="Shifts of the week" rows={rows} columns={columns} empty="No approved shifts this week." />
        </>
      )}
    </Section>
  );
}

/* ---------------------------------------------------------------- payroll runs and filings (P7) */

type RunRow = NonNullable<PayrollRunsFragment['payrollRuns']>[number];
type PayslipRow = RunRow['payslips'][number] & { id: string };

function RunsPanel({ realm, client }: Ctx) {
  const runs = useClientPart(realm, client.id, FirmPayrollRuns, CompanyPayrollRuns, {});
  const [open, setOpen] = useState<string | null>(null);
  const rows = runs.client?.payrollRuns ?? [];
  const selected = rows.find((r) => r.id === open) ?? rows[0];
  const columns: GridColDef<RunRow>[] = [
    { field: 'period', headerName: 'Pay period', flex: 1, minWidth: 190, valueGetter: (_v, r) => formatPeriod(r.periodStart, r.periodEnd) },
    { field: 'completedAt', headerName: 'Run', width: 170, valueFormatter: (v: string) => formatDateTime(v) },
    { field: 'grossCents', headerName: 'Gross pay', width: 120, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
    { field: 'contractorCents', headerName: 'Contractors', width: 120, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
    { field: 'employerTaxCents', headerName: 'Employer tax', width: 120, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
    {
      field: 'open',
      headerName: '',
      width: 130,
      sortable: false,
      renderCell: ({ row }) =>
        row.id === selected?.id ? (
          <Chip size="small" label="Shown below" color="primary" />
        ) : (
          <Button size="small" onClick={() => setOpen(row.id)} aria-label={`Payslips of ${formatPeriod(row.periodStart, row.periodEnd)}`}>
            Payslips
          </Button>
        ),
    },
  ];
  const payslips: PayslipRow[] = (selected?.payslips ?? []).map((p, i) => ({ ...p, id: p.member?.id ?? `row-${i}` }));
  const slipColumns: GridColDef<PayslipRow>[] = [
    { field: 'worker', headerName: 'Worker', flex: 1, minWidth: 150, valueGetter: (_v, p) => (p.member ? `${p.member.firstName} ${p.member.lastName}` : 'Former member') },
    { field: 'kind', headerName: 'Kind', width: 160, valueFormatter: (v: string) => label(v) },
    {
      field: 'lines',
      headerName: 'Lines',
      flex: 2,
      minWidth: 300,
      sortable: false,
      renderCell: ({ row }) => (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {row.lines.map((l, i) => (
            <li key={i}>
              <Typography variant="body2">
                {label(l.kind)}: {formatMinutes(l.minutes)} × {formatRate(l.rateCents)} = {formatMoney(l.amountCents)}
              </Typography>
            </li>
          ))}
        </Box>
      ),
    },
    { field: 'totalCents', headerName: 'Total', width: 110, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
    { field: 'employerTaxCents', headerName: 'Employer tax', width: 120, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
  ];
  if (runs.fetching) return <Loading what="Loading payroll runs" />;
  return (
    <>
      <Section title="Payroll runs">
        <ApiError error={runs.error} />
        <DataTable label="Payroll runs" rows={rows} columns={columns} empty="No payroll run yet: approve a period's timecards, then Run payroll on the Timecards tab." />
      </Section>
      {selected && (
        <Section title={`Payslips · ${formatPeriod(selected.periodStart, selected.periodEnd)}`}>
          <DataTable label="Payslips" rows={payslips} columns={slipColumns} empty="No payslips in this run." />
        </Section>
      )}
    </>
  );
}

type FilingRow = NonNullable<PayrollRunsFragment['employerTaxFilings']>[number];

/** SPEC P7: a filing's errors in words, or why it waits (and until when); empty when accepted. */
export function filingNote(f: Pick<FilingRow, 'status' | 'errors' | 'lastAttemptError' | 'nextAttemptAt'>): string {
  if (f.errors.length) return f.errors.map((e) => `${e.message} (${e.code})`).join('; ');
  if (f.status === 'NOT_SUBMITTED' && f.lastAttemptError) return `${f.lastAttemptError}${f.nextAttemptAt ? ` Tried again ${formatDateTime(f.nextAttemptAt)}.` : ''}`;
  return '';
}

function FilingsPanel({ realm, client }: Ctx) {
  const runs = useClientPart(realm, client.id, FirmPayrollRuns, CompanyPayrollRuns, {});
  const rows = runs.client?.employerTaxFilings ?? [];
  const columns: GridColDef<FilingRow>[] = [
    { field: 'month', headerName: 'Month', flex: 1, minWidth: 140, valueFormatter: (v: string) => monthLabel(v) },
    { field: 'runs', headerName: 'Payroll runs', width: 120, type: 'number' },
    { field: 'grossCents', headerName: 'Gross pay', width: 130, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
    { field: 'taxWithheldCents', headerName: 'Tax withheld', width: 130, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
    { field: 'employerTaxCents', headerName: 'Employer tax', width: 130, type: 'number', valueFormatter: (v: number) => formatMoney(v) },
    {
      field: 'status',
      headerName: 'Status',
      width: 150,
      renderCell: ({ row }) => <Chip size="small" color={row.status === 'REJECTED' ? 'error' : row.status === 'ACCEPTED' ? 'success' : 'default'} label={label(row.status)} />,
    },
    {
      // SPEC P7: why the authority rejected it, or why it could not be submitted yet (and when it is tried again).
      field: 'errors',
      headerName: 'What the authority said',
      flex: 2,
      minWidth: 240,
      sortable: false,
      valueGetter: (_v, row) => filingNote(row),
    },
  ];
  if (runs.fetching) return <Loading what="Loading tax filings" />;
  return (
    <Section title="Employer tax filings">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        One filing per month, the sum of that month's payroll runs.
      </Typography>
      <ApiError error={runs.error} />
      <DataTable label="Employer tax filings" rows={rows} columns={columns} getRowId={(f) => f.month} empty="No filing yet: the first payroll run of a month makes its filing." />
    </Section>
  );
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
function monthLabel(month: string): string {
  const t = Date.parse(`${month}-01T00:00:00Z`);
  return Number.isNaN(t) ? month : monthFormat.format(t);
}
