import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Badge, Button, Chip, FormControlLabel, IconButton, Stack, SvgIcon, Switch, Tooltip, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { MyAlertsQuery } from '../../gql/graphql';
import { ApiError, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { formatDateTime } from '../../labels';

const AlertCount = graphql(`
  query AlertCount {
    myAlerts(first: 1) {
      totalCount
    }
  }
`);

const MyAlerts = graphql(`
  query MyAlerts($first: Int!, $after: String) {
    myAlerts(first: $first, after: $after) {
      totalCount
      nextCursor
      alerts {
        id
        kind
        dueAt
        overdue
        summary
        link
        client {
          id
          businessName
        }
      }
    }
    myAlertDigest {
      optedIn
      suspended
      lastSentOn
    }
  }
`);

const SetAlertDigest = graphql(`
  mutation SetAlertDigest($optIn: Boolean!) {
    setAlertDigest(optIn: $optIn) {
      optedIn
      suspended
      lastSentOn
    }
  }
`);

/** SPEC F12: what each alert kind is, in the app's words. */
export const ALERT_KIND_LABEL: Record<string, string> = {
  TIMECARDS_TO_APPROVE: 'Timecards',
  HOURS_SYNC_ERRORS: 'Hours sync',
  FILING_REJECTED: 'Tax filing',
  TAX_CARD_FETCH_FAILED: 'Tax cards',
};

/** Material Design's notifications bell (Apache-2.0), drawn inline: no icon package for one icon. */
const BELL_PATH = 'M12 22c1.1 0 2-.9 2-2h-4c0 1.1.89 2 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4c0-.83-.67-1.5-1.5-1.5s-1.5.67-1.5 1.5v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z';

/** SPEC F12: the bell in the app bar, with how many alerts need the member; opens the feed. */
export function AlertBell() {
  // Read again whenever the member moves to another screen (where they may have resolved something).
  const location = useLocation();
  const [{ data }, refetch] = useQuery({ query: AlertCount, requestPolicy: 'cache-and-network' });
  useEffect(() => refetch({ requestPolicy: 'network-only' }), [location.pathname, location.search, refetch]);
  const count = data?.myAlerts.totalCount ?? 0;
  const label = count === 1 ? '1 alert' : `${count} alerts`;
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" component={RouterLink} to="/alerts" aria-label={`Alerts: ${label}`} sx={{ mr: 1 }}>
        <Badge badgeContent={count} color="error" max={99}>
          <SvgIcon aria-hidden>
            <path d={BELL_PATH} />
          </SvgIcon>
        </Badge>
      </IconButton>
    </Tooltip>
  );
}

type AlertRow = MyAlertsQuery['myAlerts']['alerts'][number];
const PAGE = 50;

/**
 * SPEC F12: the member's deadline alerts across every client they may see (C6), soonest due
 * first, each linking to the screen that resolves it; they clear themselves once resolved. The
 * daily email digest is opted in here.
 */
export function AlertsPage() {
  const [pages, setPages] = useState<Array<string | null>>([null]);
  const after = pages[pages.length - 1];
  const [{ data, fetching, error }] = useQuery({ query: MyAlerts, variables: { first: PAGE, after }, requestPolicy: 'cache-and-network' });
  const [digestResult, setDigest] = useMutation(SetAlertDigest);
  const feed = data?.myAlerts;
  const digest = digestResult.data?.setAlertDigest ?? data?.myAlertDigest;
  const columns: GridColDef<AlertRow>[] = [
    {
      field: 'dueAt',
      headerName: 'Due',
      width: 170,
      valueFormatter: (v: string) => formatDateTime(v),
    },
    {
      field: 'kind',
      headerName: 'What',
      width: 130,
      renderCell: ({ row }) => <Chip size="small" color={row.overdue ? 'error' : 'warning'} label={row.overdue ? `${ALERT_KIND_LABEL[row.kind] ?? row.kind}: overdue` : (ALERT_KIND_LABEL[row.kind] ?? row.kind)} />,
    },
    { field: 'client', headerName: 'Client', flex: 1, minWidth: 160, valueGetter: (_v, a) => a.client.businessName ?? '' },
    { field: 'summary', headerName: 'Needs', flex: 3, minWidth: 320, sortable: false },
    {
      field: 'action',
      headerName: '',
      width: 110,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" component={RouterLink} to={row.link} aria-label={`Resolve: ${row.summary}`}>
          Open
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title="Alerts"
        subtitle="What needs you soon across your clients: timecards due within a day, hours that did not reach payroll, rejected filings, failed tax-card fetches. An alert clears itself once resolved."
      />
      <ApiError error={error ?? digestResult.error} />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: "center" }}>
        <FormControlLabel
          control={<Switch checked={Boolean(digest?.optedIn)} onChange={(e) => void setDigest({ optIn: e.target.checked })} disabled={!digest || digestResult.fetching} />}
          label="Email me a daily digest of my alerts"
        />
        {digest?.suspended && <Typography variant="body2" color="warning.main">Paused since your role or permissions changed: switch it off and on to resume.</Typography>}
        {digest?.lastSentOn && <Typography variant="body2" color="text.secondary">Last digest: {digest.lastSentOn}</Typography>}
      </Stack>
      <DataTable label="Alerts" rows={feed?.alerts ?? []} columns={columns} loading={fetching} empty="Nothing needs you right now." />
      <Stack direction="row" spacing={2} sx={{ mt: 1, alignItems: "center" }}>
        <Typography variant="body2" color="text.secondary">
          {feed ? `${feed.totalCount} alert${feed.totalCount === 1 ? '' : 's'} in all` : ''}
        </Typography>
        {pages.length > 1 && <Button size="small" onClick={() => setPages(pages.slice(0, -1))}>Previous</Button>}
        {feed?.nextCursor && <Button size="small" onClick={() => setPages([...pages, feed.nextCursor!])}>Next</Button>}
      </Stack>
    </>
  );
}
