import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Chip, Grid, Link, List, ListItem, ListItemText, Paper, Stack, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { ClientViewQuery } from '../../gql/graphql';
import { useCan, useMe } from '../../components/layout';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { CLIENT_ROLE_LABEL, ONBOARDING_STEP_LABEL, PLATFORM_LABEL, STATUS_LABEL, formatDate, formatDateTime, permissionList } from '../../labels';
import { AssignDialog, EditAssignmentDialog } from './assign-dialog';

const ClientView = graphql(`
  query ClientView {
    myClients {
      id
      businessName
      fein
      platform
      status
      myPermissions
      firmLink {
        permissions
        linkedAt
      }
      assignments {
        role
        permissions
        effectivePermissions
        assignedAt
        endsAt
        member {
          id
          firstName
          lastName
          workEmail
        }
      }
      support {
        customerSuccess {
          name
          phone
          email
        }
        hours {
          description
          alwaysOpen
        }
      }
      onboarding {
        step
        completedAt
      }
      groups {
        id
        name
      }
      timeTracking {
        status
        lastSyncedAt
      }
    }
    myFirm {
      id
      members {
        id
        firstName
        lastName
        active
      }
    }
  }
`);

const Unassign = graphql(`
  mutation UnassignMember($clientId: ID!, $memberId: ID!) {
    unassignMember(clientId: $clientId, memberId: $memberId)
  }
`);

const CompleteStep = graphql(`
  mutation CompleteOnboardingStep($clientId: ID!, $step: OnboardingStep!) {
    completeOnboardingStep(clientId: $clientId, step: $step) {
      id
      status
      onboarding {
        step
        completedAt
      }
    }
  }
`);

type Client = ClientViewQuery['myClients'][number];
type AssignmentRow = Client['assignments'][number] & { id: string };

/**
 * The client view (SPEC C3, F8): the firm's permissions on the client, the members assigned with
 * their effective permissions, "Assign firm member", the Customer Success contact, onboarding.
 */
export function ClientViewPage() {
  const { clientId } = useParams();
  const { me } = useMe();
  const { can, onClient } = useCan();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ClientView });
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState<AssignmentRow | null>(null);
  const [, unassign] = useMutation(Unassign);
  const [stepResult, completeStep] = useMutation(CompleteStep);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const client = data?.myClients.find((c) => c.id === clientId);

  if (fetching && !data) return <Loading what="Loading the client" />;
  if (!client) {
    return (
      <>
        <ApiError error={error} />
        <Empty>
          This client is not in your list: it may not be assigned to you, or its link to your firm ended.{' '}
          <Link component={RouterLink} to="/clients/payroll">
            Back to clients
          </Link>
        </Empty>
      </>
    );
  }
  const linkPermissions = client.firmLink?.permissions ?? [];
  const rows: AssignmentRow[] = client.assignments.filter((a) => a.member).map((a) => ({ ...a, id: a.member!.id }));
  const assigned = new Set(rows.map((r) => r.id));
  const canAssign = can('assignClients');
  const columns: GridColDef<AssignmentRow>[] = [
    { field: 'name', headerName: 'Member', flex: 1, minWidth: 160, valueGetter: (_v, a) => `${a.member!.firstName} ${a.member!.lastName}` },
    { field: 'role', headerName: 'Role', width: 120, valueFormatter: (v: string) => CLIENT_ROLE_LABEL[v] ?? v },
    { field: 'permissions', headerName: 'Assigned permissions', flex: 1.4, minWidth: 200, valueGetter: (_v, a) => permissionList(a.permissions) },
    { field: 'effectivePermissions', headerName: 'Effective (narrowed by the client)', flex: 1.4, minWidth: 200, valueGetter: (_v, a) => permissionList(a.effectivePermissions) },
    { field: 'assignedAt', headerName: 'Since', width: 110, valueFormatter: (v: string) => formatDate(v) },
    { field: 'endsAt', headerName: 'Ends', width: 110, valueFormatter: (v: string | null) => (v ? formatDate(v) : '—') },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 170,
      sortable: false,
      renderCell: ({ row }) =>
        canAssign ? (
          <Stack direction="row" spacing={1}>
            <Button size="small" onClick={() => setEditing(row)} aria-label={`Edit ${row.member!.firstName} ${row.member!.lastName}'s access`}>
              Edit
            </Button>
            <ConfirmButton
              label="Unassign"
              aria-label={`Unassign ${row.member!.firstName} ${row.member!.lastName}`}
              title={`Unassign ${row.member!.firstName} ${row.member!.lastName}?`}
              onConfirm={async () => {
                const r = await unassign({ clientId: client.id, memberId: row.id });
                if (!r.error) refresh();
                return r;
              }}
            >
              They lose access to {client.businessName}.
            </ConfirmButton>
          </Stack>
        ) : null,
    },
  ];
  const cs = client.support.customerSuccess;
  // SPEC F10: a member whose access here has an end date is told when it ends.
  const myEnd = rows.find((r) => r.id === me.id)?.endsAt;
  return (
    <>
      <PageHeader
        title={client.businessName}
        subtitle={`${PLATFORM_LABEL[client.platform]} · FEIN ${client.fein} · ${STATUS_LABEL[client.status]}`}
        actions={
          <>
            {onClient(client.myPermissions).view && (
              <Button variant="outlined" component={RouterLink} to={`/clients/view/${client.id}/payroll`}>
                Payroll
              </Button>
            )}
            {canAssign && (
              <Button variant="contained" onClick={() => setAssigning(true)}>
                Assign firm member
              </Button>
            )}
          </>
        }
      />
      {myEnd && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Your access to {client.businessName} ends on {formatDate(myEnd)}.
        </Alert>
      )}
      <Grid container spacing={2} sx={{ mb: 2 }}>
        <Grid size={{ xs: 12, md: 6 }}>
          <Paper sx={{ p: 2, height: '100%' }}>
            <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
              Permissions
            </Typography>
            <Typography variant="body2" id="link-permissions">
              <strong>Granted to your firm by the client:</strong> {permissionList(linkPermissions)}
              {client.firmLink && ` (connected ${formatDate(client.firmLink.linkedAt)})`}
            </Typography>
            <Typography variant="body2" id="my-permissions" sx={{ mt: 0.5 }}>
              <strong>Yours:</strong> {permissionList(client.myPermissions)}
            </Typography>
            <Typography variant="body2" sx={{ mt: 1 }}>
              <strong>Groups:</strong>{' '}
              {client.groups.length ? (
                client.groups.map((g) => <Chip key={g.id} size="small" label={g.name} component={RouterLink} to="/groups" clickable sx={{ mr: 0.5 }} />)
              ) : (
                'none'
              )}
            </Typography>
            <Typography variant="body2" sx={{ mt: 1 }}>
              <strong>Time tracking:</strong>{' '}
              {client.timeTracking
                ? `${STATUS_LABEL[client.timeTracking.status]}${client.timeTracking.lastSyncedAt ? `, last synced ${formatDateTime(client.timeTracking.lastSyncedAt)}` : ''}`
                : 'not available'}
            </Typography>
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 6 }}>
          <Paper sx={{ p: 2, height: '100%' }}>
            <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
              Support contact
            </Typography>
            {cs ? (
              <>
                <Typography variant="body2">{cs.name}, Customer Success</Typography>
                <Typography variant="body2">
                  <a href={`tel:${cs.phone.replace(/\s/g, '')}`}>{cs.phone}</a> · <a href={`mailto:${cs.email}`}>{cs.email}</a>
                </Typography>
              </>
            ) : (
              <Typography variant="body2">No named contact yet.</Typography>
            )}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {client.support.hours.description}
            </Typography>
          </Paper>
        </Grid>
      </Grid>
      <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
        Assigned members
      </Typography>
      <DataTable label="Assigned members" rows={rows} columns={columns} empty="Nobody at your firm is assigned to this client yet." />
      {client.status === 'ENROLLING' && (
        <Paper sx={{ p: 2, mt: 2 }}>
          <Typography variant="h3" component="h2">
            Onboarding
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Payroll onboarding typically takes 2 to 7 business days. The client moves to Active when every step is done.
          </Typography>
          <List dense aria-label="Onboarding steps">
            {client.onboarding.map((s) => (
              <ListItem
                key={s.step}
                divider
                secondaryAction={
                  s.completedAt ? (
                    <Chip size="small" color="success" label={`Done ${formatDate(s.completedAt)}`} />
                  ) : can('manageClients') ? (
                    <Button size="small" onClick={async () => (await completeStep({ clientId: client.id, step: s.step }), refresh())}>
                      Mark done
                    </Button>
                  ) : (
                    <Chip size="small" variant="outlined" label="To do" />
                  )
                }
              >
                <ListItemText primary={ONBOARDING_STEP_LABEL[s.step] ?? s.step} />
              </ListItem>
            ))}
          </List>
          <ApiError error={stepResult.error} />
        </Paper>
      )}
      {assigning && (
        <AssignDialog
          title={`Assign firm member to ${client.businessName}`}
          targetLabel="Firm member"
          fixed={{ clientId: client.id }}
          fixedLinkPermissions={linkPermissions}
          options={(data?.myFirm?.members ?? [])
            .filter((m) => m.active && !assigned.has(m.id))
            .map((m) => ({ id: m.id, label: `${m.firstName} ${m.lastName}` }))}
          onClose={(done) => {
            setAssigning(false);
            if (done) refresh();
          }}
        />
      )}
      {editing && (
        <EditAssignmentDialog
          clientId={client.id}
          memberId={editing.id}
          name={`${editing.member!.firstName} ${editing.member!.lastName}`}
          initial={editing}
          linkPermissions={linkPermissions}
          onClose={(done) => {
            setEditing(null);
            if (done) refresh();
          }}
        />
      )}
    </>
  );
}
