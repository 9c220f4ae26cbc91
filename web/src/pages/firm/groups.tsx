import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Button, Checkbox, Paper, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { GroupsQuery } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { useCan } from '../../components/layout';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { ClientPicker, type PickedClient } from '../../components/client-picker';
import { currentPeriod, formatDateTime } from '../../labels';

const Groups = graphql(`
  query Groups($period: String!) {
    clientGroups {
      id
      name
      clients {
        id
        businessName
      }
      period(period: $period) {
        client {
          id
        }
        processed
        reported
        updatedAt
      }
    }
  }
`);

const CreateGroup = graphql(`
  mutation CreateClientGroup($name: String!) {
    createClientGroup(name: $name) {
      id
      name
    }
  }
`);

const AddToGroup = graphql(`
  mutation AddClientsToGroup($groupId: ID!, $clientIds: [ID!]!) {
    addClientsToGroup(groupId: $groupId, clientIds: $clientIds) {
      id
    }
  }
`);

const RemoveFromGroup = graphql(`
  mutation RemoveClientsFromGroup($groupId: ID!, $clientIds: [ID!]!) {
    removeClientsFromGroup(groupId: $groupId, clientIds: $clientIds) {
      id
    }
  }
`);

const DeleteGroup = graphql(`
  mutation DeleteClientGroup($groupId: ID!) {
    deleteClientGroup(groupId: $groupId)
  }
`);

const MarkPeriod = graphql(`
  mutation MarkGroupPeriod($input: MarkGroupPeriodInput!) {
    markGroupPeriod(input: $input) {
      period
      processed
      reported
      updatedAt
    }
  }
`);

type Group = GroupsQuery['clientGroups'][number];
type Row = { id: string; businessName: string; processed: boolean; reported: boolean; updatedAt?: string | null };

function GroupCard({ group, period, canManage, onChanged }: { group: Group; period: string; canManage: boolean; onChanged: () => void }) {
  const [adding, setAdding] = useState<PickedClient[]>([]);
  const [addResult, add] = useMutation(AddToGroup);
  const [removeResult, remove] = useMutation(RemoveFromGroup);
  const [markResult, mark] = useMutation(MarkPeriod);
  const [, del] = useMutation(DeleteGroup);
  const marks = new Map(group.period.filter((p) => p.client).map((p) => [p.client!.id, p]));
  // A mark shows at once and stays as the API recorded it; it is dropped if the API refuses it.
  const [marking, setMarking] = useState<Record<string, Pick<Row, 'processed' | 'reported' | 'updatedAt'>>>({});
  const rows: Row[] = group.clients.map((c) => {
    const mine = marking[`${period}|${c.id}`];
    const saved = marks.get(c.id);
    return {
      id: c.id,
      businessName: c.businessName,
      processed: mine?.processed ?? saved?.processed ?? false,
      reported: mine?.reported ?? saved?.reported ?? false,
      updatedAt: mine?.updatedAt ?? saved?.updatedAt,
    };
  });
  const setMark = async (row: Row, change: Partial<Pick<Row, 'processed' | 'reported'>>) => {
    const key = `${period}|${row.id}`;
    const next = { processed: change.processed ?? row.processed, reported: change.reported ?? row.reported };
    setMarking((m) => ({ ...m, [key]: { ...next, updatedAt: row.updatedAt } }));
    const r = await mark({ input: { groupId: group.id, clientId: row.id, period, ...next } });
    const saved = r.data?.markGroupPeriod;
    setMarking(({ [key]: _pending, ...rest }) => (saved ? { ...rest, [key]: saved } : rest));
  };
  const columns: GridColDef<Row>[] = [
    { field: 'businessName', headerName: 'Client', flex: 1, minWidth: 170 },
    {
      field: 'processed',
      headerName: `Processed ${period}`,
      width: 150,
      renderCell: ({ row }) => (
        <Checkbox size="small" checked={row.processed} disabled={!canManage} slotProps={{ input: { 'aria-label': `${row.businessName} processed` } }} onChange={(e) => setMark(row, { processed: e.target.checked })} />
      ),
    },
    {
      field: 'reported',
      headerName: `Reported ${period}`,
      width: 150,
      renderCell: ({ row }) => (
        <Checkbox size="small" checked={row.reported} disabled={!canManage} slotProps={{ input: { 'aria-label': `${row.businessName} reported` } }} onChange={(e) => setMark(row, { reported: e.target.checked })} />
      ),
    },
    { field: 'updatedAt', headerName: 'Marked', width: 170, valueFormatter: (v: string | null) => formatDateTime(v) },
    {
      field: 'actions',
      headerName: '',
      width: 110,
      sortable: false,
      renderCell: ({ row }) =>
        canManage ? (
          <Button size="small" onClick={async () => (await remove({ groupId: group.id, clientIds: [row.id] })).error || onChanged()}>
            Remove
          </Button>
        ) : null,
    },
  ];
  const inGroup = new Set(group.clients.map((c) => c.id));
  return (
    <Paper sx={{ p: 2, mb: 2 }} aria-label={`Group ${group.name}`} component="section">
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h2" component="h2">
          {group.name}
        </Typography>
        {canManage && (
          <ConfirmButton label="Delete group" title={`Delete the group ${group.name}?`} onConfirm={async () => { const r = await del({ groupId: group.id }); if (!r.error) onChanged(); return r; }}>
            The clients stay; only the group and its period marks go.
          </ConfirmButton>
        )}
      </Stack>
      <DataTable label={`Clients in ${group.name}`} rows={rows} columns={columns} empty="No clients in this group yet." />
      <ApiError error={markResult.error ?? removeResult.error ?? addResult.error} />
      {canManage && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'flex-start' }}>
          <ClientPicker
            multiple
            id={`add-to-${group.id}`}
            size="small"
            sx={{ minWidth: 360 }}
            exclude={(id) => inGroup.has(id)}
            value={adding}
            onChange={setAdding}
            label={`Add clients to ${group.name}`}
          />
          <Button
            disabled={adding.length === 0}
            onClick={async () => {
              const r = await add({ groupId: group.id, clientIds: adding.map((c) => c.id) });
              if (!r.error) {
                setAdding([]);
                onChanged();
              }
            }}
          >
            Add
          </Button>
        </Stack>
      )}
    </Paper>
  );
}

/** SPEC C10: client groups (e.g. "paid on the 20th") and per period which were processed and reported. */
export function GroupsPage() {
  const { can } = useCan();
  const canManage = can('manageClients');
  const [period, setPeriod] = useState(currentPeriod());
  const [{ data, fetching, error }, refetch] = useQuery({ query: Groups, variables: { period } });
  const [name, setName] = useState('');
  const [createResult, create] = useMutation(CreateGroup);
  const createErrors = formErrors(createResult.error, { GROUP_NAME_TAKEN: 'name' });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ name });
    if (r.data) {
      setName('');
      refresh();
    }
  };
  return (
    <>
      <PageHeader title="Groups" subtitle="Tag clients, e.g. “paid on the 20th”, and track per pay period which were processed and reported." />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'flex-start' }}>
        <TextField
          type="month"
          id="period"
          label="Pay period"
          value={period}
          onChange={(e) => e.target.value && setPeriod(e.target.value)}
          fullWidth={false}
          sx={{ width: 200 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {canManage && (
          <Stack sx={{ alignItems: 'flex-start' }} component="form" direction="row" spacing={1} onSubmit={submit} noValidate aria-label="Create group">
            <TextField id="name" label="New group name" value={name} onChange={(e) => setName(e.target.value)} error={Boolean(createErrors.fields.name)} helperText={createErrors.fields.name} fullWidth={false} sx={{ width: 260 }} />
            <Button type="submit" variant="contained" disabled={!name.trim() || createResult.fetching}>
              Create group
            </Button>
          </Stack>
        )}
      </Stack>
      <ApiError messages={createErrors.general} />
      <ApiError error={error} />
      {fetching && !data && <Loading what="Loading groups" />}
      {data && data.clientGroups.length === 0 && <Empty>No groups yet. Create one to tag clients.</Empty>}
      {data?.clientGroups.map((g) => <GroupCard key={g.id} group={g} period={period} canManage={canManage} onChanged={refresh} />)}
    </>
  );
}
