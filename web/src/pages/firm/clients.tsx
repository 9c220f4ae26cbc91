import { useState } from 'react';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, Link, Stack, Tab, Tabs } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { ClientPageQuery, ClientTabsQuery, Platform } from '../../gql/graphql';
import { ApiError, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { GroupFilter } from '../../components/group-filter';
import { CursorPager } from '../../components/cursor-pager';
import { useCan } from '../../components/layout';
import { FIRST_PAGE, currentCursor, type CursorPages } from '../overview/overview-logic';
import { CLIENT_ROLE_LABEL, PLATFORM_LABEL, STATUS_LABEL, formatDate, formatDateTime, permissionList } from '../../labels';

/** Rows a client list page holds: the table shows one page whole. */
export const CLIENT_PAGE_SIZE = 25;

const ClientPage = graphql(`
  query ClientPage($platform: Platform!, $status: ClientStatus!, $groupId: ID, $first: Int, $after: String) {
    myClientsPage(platform: $platform, status: $status, groupId: $groupId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          businessName
          fein
          status
          myPermissions
          firmLink {
            linkedAt
          }
          assignments {
            role
            member {
              id
              firstName
              lastName
            }
          }
          onboarding {
            step
            completedAt
          }
        }
      }
    }
  }
`);

/** The tabs' counts (totals of one-row pages) and the Requested tab's requests. */
const ClientTabs = graphql(`
  query ClientTabs($platform: Platform!, $groupId: ID) {
    active: myClientsPage(platform: $platform, status: ACTIVE, groupId: $groupId, first: 1) {
      totalCount
    }
    enrolling: myClientsPage(platform: $platform, status: ENROLLING, groupId: $groupId, first: 1) {
      totalCount
    }
    firmRequests(platform: $platform) {
      id
      businessName
      status
      permissions
      sentAt
      expiresAt
      requestedBy {
        id
        firstName
        lastName
      }
    }
  }
`);

const WithdrawReferral = graphql(`
  mutation WithdrawPeoReferral($referralId: ID!) {
    withdrawPeoReferral(referralId: $referralId) {
      id
      status
    }
  }
`);

const PeoReferrals = graphql(`
  query PeoReferrals {
    peoReferrals {
      id
      businessName
      contactName
      contactEmail
      employeeCount
      expedited
      status
      createdAt
      expectedWeeksMin
      expectedWeeksMax
      referredBy {
        id
        firstName
        lastName
      }
    }
  }
`);

type Client = ClientPageQuery['myClientsPage']['edges'][number]['node'];
type Request = ClientTabsQuery['firmRequests'][number];
const TABS = ['active', 'enrolling', 'requested'] as const;

function ClientLink({ client }: { client: { id: string; businessName: string } }) {
  return (
    <Link component={RouterLink} to={`/clients/view/${client.id}`}>
      {client.businessName}
    </Link>
  );
}

const assignedNames = (c: Client) =>
  c.assignments
    .filter((a) => a.member)
    .map((a) => `${a.member!.firstName} ${a.member!.lastName} (${CLIENT_ROLE_LABEL[a.role]})`)
    .join(', ') || 'Nobody assigned';

const activeColumns: GridColDef<Client>[] = [
  { field: 'businessName', headerName: 'Client', flex: 1.2, minWidth: 180, renderCell: ({ row }) => <ClientLink client={row} /> },
  { field: 'fein', headerName: 'FEIN', width: 110 },
  { field: 'assigned', headerName: 'Assigned members', flex: 1.5, minWidth: 220, valueGetter: (_v, c) => assignedNames(c) },
  { field: 'myPermissions', headerName: 'Your permissions', flex: 1.5, minWidth: 220, valueGetter: (_v, c) => permissionList(c.myPermissions) },
  { field: 'linkedAt', headerName: 'Connected', width: 120, valueGetter: (_v, c) => formatDate(c.firmLink?.linkedAt) },
];

const enrollingColumns: GridColDef<Client>[] = [
  { field: 'businessName', headerName: 'Client', flex: 1.2, minWidth: 180, renderCell: ({ row }) => <ClientLink client={row} /> },
  { field: 'fein', headerName: 'FEIN', width: 110 },
  {
    field: 'onboarding',
    headerName: 'Onboarding',
    width: 180,
    valueGetter: (_v, c) => `${c.onboarding.filter((s) => s.completedAt).length} of ${c.onboarding.length} steps done`,
  },
  { field: 'assigned', headerName: 'Assigned members', flex: 1.5, minWidth: 220, valueGetter: (_v, c) => assignedNames(c) },
];

const requestedColumns: GridColDef<Request>[] = [
  { field: 'businessName', headerName: 'Client', flex: 1.2, minWidth: 180 },
  { field: 'permissions', headerName: 'Permissions asked for', flex: 1.5, minWidth: 220, valueGetter: (_v, r) => permissionList(r.permissions) },
  {
    field: 'requestedBy',
    headerName: 'Sent by',
    width: 160,
    valueGetter: (_v, r) => (r.requestedBy ? `${r.requestedBy.firstName} ${r.requestedBy.lastName}` : '—'),
  },
  { field: 'sentAt', headerName: 'Sent', width: 160, valueFormatter: (v: string) => formatDateTime(v) },
  { field: 'expiresAt', headerName: 'Expires', width: 160, valueFormatter: (v: string) => formatDateTime(v) },
];

/**
 * SPEC C7: a platform's clients under Active, Enrolling and Requested, with counts; C10 group
 * filter. The client tabs load a page at a time (`myClientsPage`, cursors and `totalCount`), so a
 * firm with thousands of clients opens its list as fast as one with ten.
 */
export function ClientsPage() {
  const { platform: slug } = useParams();
  const platform: Platform = slug === 'peo' ? 'PEO' : 'PAYROLL';
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'active';
  const groupId = params.get('group') ?? '';
  const clientTab = tab === 'active' || tab === 'enrolling';
  // A new list (platform, tab or group) starts at its first page.
  const listKey = `${platform}|${tab}|${groupId}`;
  const [paging, setPaging] = useState<{ key: string; pages: CursorPages }>({ key: listKey, pages: FIRST_PAGE });
  const pages = paging.key === listKey ? paging.pages : FIRST_PAGE;
  const [tabsQuery] = useQuery({ query: ClientTabs, variables: { platform, groupId: groupId || null } });
  const [{ data, fetching, error }] = useQuery({
    query: ClientPage,
    variables: { platform, status: tab === 'enrolling' ? 'ENROLLING' : 'ACTIVE', groupId: groupId || null, first: CLIENT_PAGE_SIZE, after: currentCursor(pages) },
    pause: !clientTab,
  });
  const [referrals] = useQuery({ query: PeoReferrals, pause: platform !== 'PEO' || tab !== 'referrals' });
  const [, withdraw] = useMutation(WithdrawReferral);
  const { can } = useCan();
  const page = data?.myClientsPage;
  const clients = page?.edges.map((e) => e.node) ?? [];
  const requests = groupId ? [] : (tabsQuery.data?.firmRequests ?? []);
  const counts: Record<string, number | undefined> = tabsQuery.data
    ? { active: tabsQuery.data.active.totalCount, enrolling: tabsQuery.data.enrolling.totalCount, requested: requests.length }
    : {};
  const update = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
  };
  const tabs: string[] = platform === 'PEO' ? [...TABS, 'referrals'] : [...TABS];
  const tabLabel = (t: string) => {
    const name = t === 'referrals' ? 'Referrals' : (STATUS_LABEL[t.toUpperCase()] ?? 'Requested');
    return counts[t] === undefined ? name : `${name} (${counts[t]})`;
  };

  type Referral = NonNullable<typeof referrals.data>['peoReferrals'][number];
  const referralColumns: GridColDef<Referral>[] = [
    { field: 'businessName', headerName: 'Business', flex: 1, minWidth: 170 },
    { field: 'contactName', headerName: 'Contact', width: 150 },
    { field: 'contactEmail', headerName: 'Contact email', flex: 1, minWidth: 180 },
    { field: 'status', headerName: 'Status', width: 110, valueFormatter: (v: string) => STATUS_LABEL[v] ?? v },
    { field: 'expected', headerName: 'Typical onboarding', width: 190, valueGetter: (_v, r) => `${r.expectedWeeksMin}–${r.expectedWeeksMax} weeks${r.expedited ? ' (expedited)' : ''}` },
    { field: 'createdAt', headerName: 'Referred', width: 120, valueFormatter: (v: string) => formatDate(v) },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 120,
      sortable: false,
      renderCell: ({ row }) =>
        can('manageClients') && ['SUBMITTED', 'IN_REVIEW'].includes(row.status) ? (
          <ConfirmButton label="Withdraw" aria-label={`Withdraw the referral of ${row.businessName}`} title={`Withdraw the referral of ${row.businessName}?`} onConfirm={() => withdraw({ referralId: row.id })}>
            The PEO stops working on this referral.
          </ConfirmButton>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={`${PLATFORM_LABEL[platform]} clients`}
        actions={
          can('manageClients') && (
            <Button variant="contained" component={RouterLink} to={platform === 'PEO' ? '/clients/new?path=peo' : '/clients/new'}>
              {platform === 'PEO' ? 'Refer client' : 'Add new client'}
            </Button>
          )
        }
      />
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Tabs value={tab} onChange={(_, v) => update('tab', v === 'active' ? '' : v)} aria-label={`${PLATFORM_LABEL[platform]} client lists`}>
          {tabs.map((t) => (
            <Tab key={t} value={t} label={tabLabel(t)} />
          ))}
        </Tabs>
        {tab !== 'requested' && tab !== 'referrals' && <GroupFilter value={groupId} onChange={(g) => update('group', g)} />}
      </Stack>
      <ApiError error={clientTab ? error : tabsQuery.error} />
      {tab === 'active' && (
        <DataTable
          label="Active clients"
          rows={clients}
          columns={activeColumns}
          loading={fetching && !data}
          hideFooter
          empty="No active clients yet. Add new client, or ask a client to invite your firm."
        />
      )}
      {tab === 'enrolling' && (
        <DataTable label="Enrolling clients" rows={clients} columns={enrollingColumns} loading={fetching && !data} hideFooter empty="No client is enrolling right now." />
      )}
      {clientTab && (
        <CursorPager
          label={`Pages of ${tab} clients`}
          pages={pages}
          onChange={(next) => setPaging({ key: listKey, pages: next })}
          pageSize={CLIENT_PAGE_SIZE}
          rowsOnPage={clients.length}
          endCursor={page?.pageInfo.endCursor}
          hasNextPage={Boolean(page?.pageInfo.hasNextPage)}
          total={page?.totalCount}
          noun="Clients"
        />
      )}
      {tab === 'requested' && (
        <DataTable
          label="Requested clients"
          rows={requests}
          columns={requestedColumns}
          loading={tabsQuery.fetching && !tabsQuery.data}
          empty="No requests are waiting for a client's answer."
        />
      )}
      {tab === 'referrals' && (
        <>
          <ApiError error={referrals.error} />
          <DataTable
            label="PEO referrals"
            rows={referrals.data?.peoReferrals ?? []}
            columns={referralColumns}
            loading={referrals.fetching}
            empty="No referrals yet. Refer client to start one."
          />
        </>
      )}
    </>
  );
}
