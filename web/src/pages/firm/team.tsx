import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, Grid, Link, List, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { MemberAccessQuery } from '../../gql/graphql';
import { useCan } from '../../components/layout';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { CLIENT_ROLE_LABEL, FIRM_ROLE_LABEL, formatDate, permissionList } from '../../labels';
import { AssignDialog, EditAssignmentDialog } from './assign-dialog';

const Team = graphql(`
  query Team {
    myFirm {
      id
      members {
        id
        firstName
        lastName
        jobRole
        firmRole
      }
    }
  }
`);

const MemberAccess = graphql(`
  query MemberAccess($memberId: ID!) {
    accessList(memberId: $memberId) {
      role
      permissions
      effectivePermissions
      assignedAt
      endsAt
      client {
        id
        businessName
        platform
        firmLink {
          permissions
        }
      }
    }
  }
`);

const Unassign = graphql(`
  mutation TeamUnassign($clientId: ID!, $memberId: ID!) {
    unassignMember(clientId: $clientId, memberId: $memberId)
  }
`);

type Row = MemberAccessQuery['accessList'][number] & { id: string };

/** The team view (SPEC C3): a member's clients, "Assign client" (member → client), unassign. */
export function TeamPage() {
  const { memberId } = useParams();
  const navigate = useNavigate();
  const { can } = useCan();
  const [team] = useQuery({ query: Team });
  const members = team.data?.myFirm?.members ?? [];
  const member = members.find((m) => m.id === memberId) ?? (memberId ? undefined : members[0]);
  const [access, refetch] = useQuery({ query: MemberAccess, variables: { memberId: member?.id ?? '' }, pause: !member });
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState<Row | null>(null);
  const [, unassign] = useMutation(Unassign);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const canAssign = can('assignClients');
  const rows: Row[] = (access.data?.accessList ?? []).filter((a) => a.client).map((a) => ({ ...a, id: a.client!.id }));
  const assigned = new Set(rows.map((r) => r.id));
  const name = member ? `${member.firstName} ${member.lastName}` : '';

  const columns: GridColDef<Row>[] = [
    {
      field: 'client',
      headerName: 'Client',
      flex: 1,
      minWidth: 170,
      valueGetter: (_v, r) => r.client!.businessName,
      renderCell: ({ row }) => (
        <Link component={RouterLink} to={`/clients/view/${row.id}`}>
          {row.client!.businessName}
        </Link>
      ),
    },
    { field: 'role', headerName: 'Role', width: 120, valueFormatter: (v: string) => CLIENT_ROLE_LABEL[v] ?? v },
    { field: 'effectivePermissions', headerName: 'Effective permissions', flex: 1.5, minWidth: 220, valueGetter: (_v, r) => permissionList(r.effectivePermissions) },
    { field: 'assignedAt', headerName: 'Since', width: 110, valueFormatter: (v: string) => formatDate(v) },
    { field: 'endsAt', headerName: 'Ends', width: 110, valueFormatter: (v: string | null) => (v ? formatDate(v) : '—') },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 170,
      sortable: false,
      renderCell: ({ row }) =>
        canAssign && member ? (
          <Stack direction="row" spacing={1}>
            <Button size="small" onClick={() => setEditing(row)}>
              Edit
            </Button>
            <ConfirmButton
              label="Unassign"
              title={`Unassign ${name} from ${row.client!.businessName}?`}
              onConfirm={async () => {
                const r = await unassign({ clientId: row.id, memberId: member.id });
                if (!r.error) refresh();
                return r;
              }}
            >
              {name} loses access to {row.client!.businessName}.
            </ConfirmButton>
          </Stack>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title="Team" subtitle="Who serves which client. Pick a member to see and assign their clients." />
      <ApiError error={team.error} />
      {team.fetching && !team.data && <Loading what="Loading your team" />}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 3 }}>
          <Paper>
            <List dense aria-label="Members">
              {members.map((m) => (
                <ListItemButton key={m.id} selected={m.id === member?.id} onClick={() => navigate(`/team/${m.id}`)}>
                  <ListItemText primary={`${m.firstName} ${m.lastName}`} secondary={`${m.jobRole} · ${FIRM_ROLE_LABEL[m.firmRole]}`} />
                </ListItemButton>
              ))}
            </List>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 9 }}>
          {member ? (
            <>
              <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
                <Typography variant="h2" component="h2">
                  {name}'s clients
                </Typography>
                {canAssign && (
                  <Button variant="contained" onClick={() => setAssigning(true)}>
                    Assign client
                  </Button>
                )}
              </Stack>
              <ApiError error={access.error} />
              <DataTable label={`${name}'s clients`} rows={rows} columns={columns} loading={access.fetching && !access.data} empty={`${name} is not assigned to any client.`} />
            </>
          ) : (
            !team.fetching && <Empty>Pick a member.</Empty>
          )}
        </Grid>
      </Grid>
      {assigning && member && (
        <AssignDialog
          title={`Assign client to ${name}`}
          targetLabel="Client"
          fixed={{ memberId: member.id }}
          excludeClients={(clientId) => assigned.has(clientId)}
          onClose={(done) => {
            setAssigning(false);
            if (done) refresh();
          }}
        />
      )}
      {editing && member && (
        <EditAssignmentDialog
          clientId={editing.id}
          memberId={member.id}
          name={name}
          initial={editing}
          linkPermissions={editing.client!.firmLink?.permissions}
          onClose={(done) => {
            setEditing(null);
            if (done) refresh();
          }}
        />
      )}
    </>
  );
}
