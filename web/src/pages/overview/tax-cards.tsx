import { useEffect, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Chip,
  FormControlLabel,
  LinearProgress,
  Link,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { TaxCardFetchQuery, TaxCardSetupQuery } from '../../gql/graphql';
import { useCan } from '../../components/layout';
import { formErrors } from '../../api/errors';
import { ApiError, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { formatDateTime } from '../../labels';
import { fetchProgress } from './overview-logic';

const TaxCardSetup = graphql(`
  query TaxCardSetup {
    myClients {
      id
      businessName
      taxAuthority {
        fein
      }
    }
    myFirm {
      id
      members {
        id
        firstName
        lastName
      }
    }
    taxCardFetches(last: 10) {
      id
      year
      status
      startedAt
      finishedAt
      total
      fetched
      failed
      pending
      requestedBy {
        realm
        id
      }
    }
  }
`);

const TaxCardFetch = graphql(`
  query TaxCardFetch($id: ID!) {
    taxCardFetch(id: $id) {
      id
      year
      status
      startedAt
      finishedAt
      total
      pending
      fetched
      failed
      clients {
        client {
          id
          businessName
        }
        status
        reason
        cardCount
        attempts
        updatedAt
      }
    }
  }
`);

const FetchTaxCards = graphql(`
  mutation FetchTaxCards($input: FetchTaxCardsInput!) {
    fetchTaxCards(input: $input) {
      id
      status
      total
      pending
    }
  }
`);

const RetryTaxCardFetch = graphql(`
  mutation RetryTaxCardFetch($fetchId: ID!) {
    retryTaxCardFetch(fetchId: $fetchId) {
      id
      status
      pending
      failed
    }
  }
`);

/** How often a running fetch's progress is read again. */
export const PROGRESS_POLL_MS = 1_000;

type Client = TaxCardSetupQuery['myClients'][number];
type FetchClientRow = NonNullable<TaxCardFetchQuery['taxCardFetch']>['clients'][number] & { id: string };

const CLIENT_STATUS: Record<string, { label: string; color: 'default' | 'success' | 'error' }> = {
  PENDING: { label: 'Pending', color: 'default' },
  FETCHED: { label: 'Fetched', color: 'success' },
  FAILED: { label: 'Failed', color: 'error' },
};

const fetchClientColumns: GridColDef<FetchClientRow>[] = [
  { field: 'client', headerName: 'Client', flex: 1, minWidth: 170, valueGetter: (_v, r) => r.client.businessName },
  {
    field: 'status',
    headerName: 'Status',
    width: 110,
    renderCell: ({ row }) => <Chip size="small" variant="outlined" label={CLIENT_STATUS[row.status]?.label ?? row.status} color={CLIENT_STATUS[row.status]?.color ?? 'default'} />,
  },
  { field: 'reason', headerName: 'Reason', flex: 2, minWidth: 240, valueGetter: (v: string | null) => v ?? '' },
  { field: 'cardCount', headerName: 'Tax cards', type: 'number', width: 100 },
  { field: 'attempts', headerName: 'Attempts', type: 'number', width: 95 },
  { field: 'updatedAt', headerName: 'Updated', width: 170, valueFormatter: (v: string) => formatDateTime(v) },
];

/**
 * SPEC P6: pick clients, or every client of one member, and fetch their employees' tax cards in
 * one action. The fetch runs in the background at the tax authority; errors show at the field
 * that caused them (a client already in a running fetch at the clients, an unknown member at the
 * member).
 */
function StartFetch({ clients, members, onStarted }: { clients: Client[]; members: Array<{ id: string; firstName: string; lastName: string }>; onStarted: (id: string) => void }) {
  const [mode, setMode] = useState<'clients' | 'member'>('clients');
  const [selected, setSelected] = useState<Client[]>([]);
  const [memberId, setMemberId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [result, start] = useMutation(FetchTaxCards);
  const field = mode === 'clients' ? 'clientIds' : 'forMemberId';
  const errors = formErrors(result.error, { TAX_CARD_FETCH_RUNNING: field, NOT_FOUND: field });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const target = mode === 'clients' ? { clientIds: selected.map((c) => c.id) } : { forMemberId: memberId };
    const r = await start({ input: { ...target, year: year ? Number(year) : null } });
    if (r.data) onStarted(r.data.fetchTaxCards.id);
  };
  const ready = mode === 'clients' ? selected.length > 0 : Boolean(memberId);
  return (
    <Paper component="form" onSubmit={submit} noValidate aria-label="Fetch tax cards" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
        Fetch tax cards
      </Typography>
      <RadioGroup row value={mode} onChange={(e) => setMode(e.target.value as 'clients' | 'member')} aria-label="Whose tax cards">
        <FormControlLabel value="clients" control={<Radio size="small" />} label="Selected clients" />
        <FormControlLabel value="member" control={<Radio size="small" />} label="Every client of a member" />
      </RadioGroup>
      <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: 'flex-start', flexWrap: 'wrap' }} useFlexGap>
        {mode === 'clients' ? (
          <Autocomplete
            multiple
            options={[...clients].sort((a, b) => Number(!a.taxAuthority) - Number(!b.taxAuthority))}
            groupBy={(c) => (c.taxAuthority ? 'Connected to the tax authority' : 'Not connected (will fail)')}
            getOptionLabel={(c) => c.businessName}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            value={selected}
            onChange={(_, v) => setSelected(v)}
            sx={{ minWidth: 360, flex: 1 }}
            renderInput={(params) => (
              <TextField
                {...params}
                id="clientIds"
                label="Clients"
                error={Boolean(errors.fields.clientIds)}
                helperText={errors.fields.clientIds ?? 'Clients connected to the tax authority; all of them start, or none.'}
              />
            )}
          />
        ) : (
          <TextField
            select
            id="forMemberId"
            label="Member"
            value={memberId}
            onChange={(e) => setMemberId(e.target.value)}
            error={Boolean(errors.fields.forMemberId)}
            helperText={errors.fields.forMemberId ?? 'Every client this member is assigned to.'}
            sx={{ minWidth: 260 }}
            fullWidth={false}
          >
            {members.map((m) => (
              <MenuItem key={m.id} value={m.id}>
                {m.firstName} {m.lastName}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          id="year"
          label="Year"
          type="number"
          value={year}
          onChange={(e) => setYear(e.target.value)}
          error={Boolean(errors.fields.year)}
          helperText={errors.fields.year}
          sx={{ width: 110 }}
          fullWidth={false}
        />
        <Button type="submit" variant="contained" disabled={!ready || result.fetching} sx={{ mt: 1 }}>
          Fetch tax cards
        </Button>
      </Stack>
      <ApiError messages={errors.general} />
    </Paper>
  );
}

/** One fetch: progress while it runs (read again every second), each client's status and reason, retry failed. */
function FetchProgress({ fetchId, onProgress }: { fetchId: string; onProgress: () => void }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: TaxCardFetch, variables: { id: fetchId }, requestPolicy: 'network-only' });
  const [retryResult, retry] = useMutation(RetryTaxCardFetch);
  const { can } = useCan();
  const fetch = data?.taxCardFetch;
  const running = fetch?.status === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), PROGRESS_POLL_MS);
    return () => clearInterval(timer);
  }, [running, refetch]);
  // The list of latest fetches follows this one's counts.
  const counts = fetch ? `${fetch.status}|${fetch.pending}|${fetch.failed}` : '';
  useEffect(() => {
    if (counts) onProgress();
  }, [counts]); // only when the counts move, not on every render
  if (fetching && !data) return <Loading what="Reading the fetch" />;
  if (error) return <ApiError error={error} />;
  if (!fetch) return <Alert severity="info">This fetch has none of the clients you may fetch tax cards for.</Alert>;
  const progress = fetchProgress(fetch);
  const rows: FetchClientRow[] = fetch.clients.map((c) => ({ ...c, id: c.client.id }));
  return (
    <Box component="section" aria-label="Fetch progress">
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h2" component="h2">
          Tax cards {fetch.year}, started {formatDateTime(fetch.startedAt)}
        </Typography>
        {!running && fetch.failed > 0 && can('fetchTaxCards') && (
          <Button
            variant="outlined"
            onClick={async () => {
              const r = await retry({ fetchId: fetch.id });
              if (!r.error) refetch({ requestPolicy: 'network-only' });
            }}
            disabled={retryResult.fetching}
          >
            Retry failed ({fetch.failed})
          </Button>
        )}
      </Stack>
      <Typography variant="body2" role="status" aria-live="polite" sx={{ mb: 0.5 }}>
        {progress.text}
      </Typography>
      <LinearProgress variant="determinate" value={progress.percent} aria-label="Tax-card fetch progress" sx={{ mb: 2, height: 8, borderRadius: 1 }} />
      <ApiError error={retryResult.error} />
      <DataTable label="Clients in this fetch" rows={rows} columns={fetchClientColumns} empty="No client in this fetch." />
    </Box>
  );
}

/** SPEC P6: the tax-card screen: start a fetch, the latest fetches, the chosen one's progress. */
export function TaxCardsPage() {
  const [params, setParams] = useSearchParams();
  const { can } = useCan();
  const [{ data, fetching, error }, refetch] = useQuery({ query: TaxCardSetup });
  const fetches = data?.taxCardFetches ?? [];
  const fetchId = params.get('fetch') ?? fetches[0]?.id ?? '';
  const open = (id: string) => {
    setParams({ fetch: id }, { replace: true });
    refetch({ requestPolicy: 'network-only' });
  };
  const members = data?.myFirm?.members ?? [];
  const names = new Map(members.map((m) => [m.id, `${m.firstName} ${m.lastName}`]));
  type FetchRow = (typeof fetches)[number];
  const fetchColumns: GridColDef<FetchRow>[] = [
    {
      field: 'startedAt',
      headerName: 'Started',
      width: 180,
      renderCell: ({ row }) => (
        <Link component="button" type="button" onClick={() => open(row.id)} aria-current={row.id === fetchId ? 'true' : undefined}>
          {formatDateTime(row.startedAt)}
        </Link>
      ),
    },
    { field: 'year', headerName: 'Year', width: 70 },
    { field: 'requestedBy', headerName: 'By', width: 150, valueGetter: (_v, r) => (r.requestedBy ? (names.get(r.requestedBy.id) ?? 'Client admin') : '—') },
    { field: 'status', headerName: 'Status', width: 100, valueFormatter: (v: string) => (v === 'RUNNING' ? 'Running' : 'Finished') },
    { field: 'counts', headerName: 'Clients', flex: 1, minWidth: 220, valueGetter: (_v, r) => `${r.total}: ${r.fetched} fetched, ${r.failed} failed, ${r.pending} pending` },
  ];
  return (
    <>
      <PageHeader title="Tax cards" subtitle="Employees' tax withholding cards, fetched from the tax authority." />
      <ApiError error={error} />
      {fetching && !data && <Loading what="Loading clients" />}
      {data && can('fetchTaxCards') && <StartFetch clients={data.myClients} members={members} onStarted={open} />}
      {fetchId && <FetchProgress key={fetchId} fetchId={fetchId} onProgress={() => refetch({ requestPolicy: 'network-only' })} />}
      {data && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
            Latest fetches
          </Typography>
          <DataTable label="Latest fetches" rows={fetches} columns={fetchColumns} empty="No tax cards fetched yet. Pick clients above to start." />
        </Box>
      )}
    </>
  );
}
