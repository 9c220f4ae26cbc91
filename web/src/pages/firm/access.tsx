import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import type { GridColDef, GridRowSelectionModel } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { AccessListQuery, ClientPermission, ClientRole } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { useCan } from '../../components/layout';
import { ApiError, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { GroupFilter } from '../../components/group-filter';
import { ClientPicker, type PickedClient } from '../../components/client-picker';
import { PermissionPicker } from '../../components/permission-picker';
import { END_DATE_ERROR_FIELDS, EndDateField, endOfDayIso } from '../../components/end-date-field';
import { CLIENT_PERMISSIONS, CLIENT_PERMISSION_LABEL, CLIENT_ROLE_LABEL, formatDate, permissionList } from '../../labels';

const AccessList = graphql(`
  query AccessList($memberId: ID, $groupId: ID) {
    accessList(memberId: $memberId, groupId: $groupId) {
      role
      permissions
      effectivePermissions
      assignedAt
      endsAt
      client {
        id
        businessName
      }
      member {
        id
        firstName
        lastName
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
  }
`);

const GrantAccess = graphql(`
  mutation GrantAccessToClients($input: GrantAccessInput!) {
    grantAccessToClients(input: $input) {
      role
      client {
        id
      }
    }
  }
`);

const EndAccess = graphql(`
  mutation EndMemberAccess($memberId: ID!, $clientIds: [ID!]) {
    endMemberAccess(memberId: $memberId, clientIds: $clientIds)
  }
`);

type Row = AccessListQuery['accessList'][number] & { id: string };

/** SPEC C12: give one member the same access to several clients at once, until an optional end date (F10); all or nothing. */
function GrantDialog({ memberId, memberName, exclude, onClose }: { memberId: string; memberName: string; exclude: (clientId: string) => boolean; onClose: (granted: number) => void }) {
  const [selected, setSelected] = useState<PickedClient[]>([]);
  const [role, setRole] = useState<ClientRole>('COLLABORATOR');
  const [permissions, setPermissions] = useState<ClientPermission[]>(['VIEW_COMPANY']);
  const [endDate, setEndDate] = useState('');
  const [result, grant] = useMutation(GrantAccess);
  const errors = formErrors(result.error, { ALREADY_ASSIGNED: 'clientIds', CLIENT_NOT_LINKED_TO_FIRM: 'clientIds', ...END_DATE_ERROR_FIELDS });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await grant({ input: { memberId, clientIds: selected.map((c) => c.id), permissions, role, ...(endDate ? { endsAt: endOfDayIso(endDate) } : {}) } });
    if (r.data) onClose(r.data.grantAccessToClients.length);
  };
  return (
    <Dialog open onClose={() => onClose(0)} maxWidth="sm" fullWidth aria-labelledby="grant-title">
      <form onSubmit={submit} noValidate aria-label="Give access to several clients">
        <DialogTitle id="grant-title">Give {memberName} access to several clients</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <ClientPicker
              multiple
              id="clientIds"
              label="Clients"
              exclude={exclude}
              value={selected}
              onChange={setSelected}
              error={Boolean(errors.fields.clientIds)}
              helperText={errors.fields.clientIds ?? 'All of them, or none if one fails.'}
            />
            <TextField select id="grant-role" label="Client role" value={role} onChange={(e) => setRole(e.target.value as ClientRole)}>
              <MenuItem value="COLLABORATOR">Collaborator</MenuItem>
              <MenuItem value="RESPONSIBLE">Responsible</MenuItem>
            </TextField>
            <PermissionPicker label="Permissions" options={CLIENT_PERMISSIONS} labels={CLIENT_PERMISSION_LABEL} value={permissions} onChange={setPermissions} error={errors.fields.permissions} />
            <EndDateField value={endDate} onChange={setEndDate} errors={errors} />
            <ApiError messages={errors.general} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(0)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={selected.length === 0 || result.fetching}>
            Give access
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** The access list (SPEC C11): clients × members with access, filtered by member or group; bulk access (C12). */
export function AccessPage() {
  const { can } = useCan();
  const [params, setParams] = useSearchParams();
  const memberId = params.get('member') ?? '';
  const groupId = params.get('group') ?? '';
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccessList, variables: { memberId: memberId || null, groupId: groupId || null } });
  const [selection, setSelection] = useState<GridRowSelectionModel>({ type: 'include', ids: new Set() });
  const [granting, setGranting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [, endAccess] = useMutation(EndAccess);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const setFilter = (key: string, value: string) => {
    const p = new URLSearchParams(params);
    if (value) p.set(key, value);
    else p.delete(key);
    setParams(p, { replace: true });
    setSelection({ type: 'include', ids: new Set() });
  };
  const members = data?.myFirm?.members ?? [];
  const member = members.find((m) => m.id === memberId);
  const memberName = member ? `${member.firstName} ${member.lastName}` : '';
  const canBulk = can('assignClients') && Boolean(member);
  const rows: Row[] = (data?.accessList ?? [])
    .filter((a) => a.client && a.member)
    .map((a) => ({ ...a, id: `${a.client!.id}:${a.member!.id}` }));
  // "Select all" arrives as every row except the listed ones (an `exclude` model).
  const isSelected = (id: string) => (selection.type === 'include' ? selection.ids.has(id) : !selection.ids.has(id));
  const selectedClientIds = rows.filter((r) => isSelected(r.id)).map((r) => r.client!.id);
  const columns: GridColDef<Row>[] = [
    { field: 'client', headerName: 'Client', flex: 1, minWidth: 170, valueGetter: (_v, r) => r.client!.businessName },
    { field: 'member', headerName: 'Member', flex: 1, minWidth: 150, valueGetter: (_v, r) => `${r.member!.firstName} ${r.member!.lastName}` },
    { field: 'role', headerName: 'Role', width: 120, valueFormatter: (v: string) => CLIENT_ROLE_LABEL[v] ?? v },
    { field: 'effectivePermissions', headerName: 'Effective permissions', flex: 2, minWidth: 240, valueGetter: (_v, r) => permissionList(r.effectivePermissions) },
    { field: 'assignedAt', headerName: 'Since', width: 110, valueFormatter: (v: string) => formatDate(v) },
    { field: 'endsAt', headerName: 'Ends', width: 110, valueFormatter: (v: string | null) => (v ? formatDate(v) : '—') },
  ];
  const end = async (clientIds?: string[]) => {
    const r = await endAccess({ memberId, clientIds: clientIds ?? null });
    if (!r.error) {
      setNotice(`Ended ${r.data?.endMemberAccess ?? 0} of ${memberName}'s accesses.`);
      setSelection({ type: 'include', ids: new Set() });
      refresh();
    }
    return r;
  };
  return (
    <>
      <PageHeader title="Access list" subtitle="Which members have access to which clients." />
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField select id="member-filter" label="Member" value={memberId} onChange={(e) => setFilter('member', e.target.value)} sx={{ minWidth: 220 }} fullWidth={false}>
          <MenuItem value="">All members</MenuItem>
          {members.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.firstName} {m.lastName}
            </MenuItem>
          ))}
        </TextField>
        <GroupFilter value={groupId} onChange={(g) => setFilter('group', g)} />
        {canBulk && (
          <>
            <Button variant="contained" onClick={() => setGranting(true)}>
              Give access to several clients
            </Button>
            <ConfirmButton
              label={`End access on selected (${selectedClientIds.length})`}
              disabled={selectedClientIds.length === 0}
              title={`End ${memberName}'s access on ${selectedClientIds.length} client(s)?`}
              onConfirm={() => end(selectedClientIds)}
            >
              All of them end, or none if one cannot.
            </ConfirmButton>
            <ConfirmButton label="End access on all clients" title={`End ${memberName}'s access on every client?`} onConfirm={() => end()}>
              {memberName} will no longer be assigned to any client.
            </ConfirmButton>
          </>
        )}
      </Stack>
      {!member && can('assignClients') && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Choose a member to give or end access on several clients at once.
        </Alert>
      )}
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <ApiError error={error} />
      <DataTable
        label="Access list"
        rows={rows}
        columns={columns}
        loading={fetching && !data}
        checkboxSelection={canBulk}
        rowSelectionModel={selection}
        onRowSelectionModelChange={setSelection}
        empty={member ? `${memberName} has access to no client.` : 'Nobody has access to a client yet.'}
      />
      {granting && member && (
        <GrantDialog
          memberId={member.id}
          memberName={memberName}
          exclude={(clientId) => rows.some((r) => r.client!.id === clientId)}
          onClose={(n) => {
            setGranting(false);
            if (n > 0) {
              setNotice(`${memberName} now has access to ${n} more client(s).`);
              refresh();
            }
          }}
        />
      )}
    </>
  );
}
