import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { Button, Chip, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { ApiError, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { PayrollAttentionQuery } from './documents';
import { payrollAttentionRows, type PayrollAttentionRow } from './payroll-logic';

export const clientPayrollPath = (clientId: string) => `/clients/view/${clientId}/payroll`;

/**
 * The firm's payroll across clients (SPEC P2, P3): every client the member may read payroll of
 * with timecards to approve before their deadline (overdue first) or weeks whose shifts did not
 * reach a timecard, each linking to that client's payroll.
 */
export function PayrollAttentionPage() {
  const [{ data, fetching, error }] = useQuery({ query: PayrollAttentionQuery, requestPolicy: 'cache-and-network' });
  const rows = payrollAttentionRows(data?.payrollAttention ?? [], clientPayrollPath);
  const columns: GridColDef<PayrollAttentionRow>[] = [
    {
      field: 'client',
      headerName: 'Client',
      flex: 1,
      minWidth: 170,
      renderCell: ({ row }) => (
        <Button component={RouterLink} to={`${clientPayrollPath(row.clientId)}`} size="small" sx={{ textTransform: 'none', justifyContent: 'flex-start', p: 0 }}>
          {row.client}
        </Button>
      ),
    },
    {
      field: 'kind',
      headerName: 'What',
      width: 140,
      renderCell: ({ row }) =>
        row.kind === 'timecards' ? <Chip size="small" color={row.overdue ? 'error' : 'warning'} label={row.overdue ? 'Overdue' : 'Timecards'} /> : <Chip size="small" color="warning" label="Hours sync" />,
    },
    { field: 'text', headerName: 'Needs', flex: 3, minWidth: 320, sortable: false },
    {
      field: 'action',
      headerName: '',
      width: 200,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" component={RouterLink} to={row.to} aria-label={`${row.action}: ${row.client}`}>
          {row.action}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title="Payroll: needs attention" subtitle="Timecards to approve before their deadline and hours that did not reach payroll, across every client whose payroll you may view." />
      <ApiError error={error} />
      {fetching && !data ? (
        <Loading what="Loading payroll across your clients" />
      ) : (
        <DataTable label="Payroll needs attention" rows={rows} columns={columns} empty="Nothing needs attention: every period is approved and every shift reached payroll." />
      )}
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Each client's payroll is also under Clients, in the client view.
      </Typography>
    </>
  );
}
