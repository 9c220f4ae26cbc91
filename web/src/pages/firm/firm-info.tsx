import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Chip, FormControlLabel, Grid, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { FirmInfoQuery } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { useCan, useMe } from '../../components/layout';
import { ApiError, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { useFields } from '../../components/form';
import { FIRM_PERMISSION_LABEL, FIRM_ROLE_LABEL, STATUS_LABEL, formatDateTime, permissionList } from '../../labels';
import { AddMemberDialog, EditMemberDialog, type EditableMember } from './member-dialogs';
import { ServiceAccountsSection } from './service-accounts';
import { TwoFactorSettings } from './two-factor-settings';
import { LeaverReportDialog, mayReadLeaverReport } from './leaver-report';

const FirmInfo = graphql(`
  query FirmInfo($includeInactive: Boolean!) {
    myFirm {
      id
      name
      website
      domain
      createdAt
      members(includeInactive: $includeInactive) {
        id
        firstName
        lastName
        workEmail
        jobRole
        firmRole
        permissions
        active
      }
    }
  }
`);

const PendingInvitations = graphql(`
  query PendingInvitations {
    myFirm {
      id
      pendingInvitations {
        id
        firstName
        lastName
        email
        jobRole
        firmRole
        permissions
        status
        sentAt
        expiresAt
        invitedBy {
          id
          firstName
          lastName
        }
      }
    }
  }
`);

const ResendInvitation = graphql(`
  mutation ResendMemberInvitation($invitationId: ID!) {
    resendMemberInvitation(invitationId: $invitationId) {
      id
      status
      expiresAt
    }
  }
`);

const RevokeInvitation = graphql(`
  mutation RevokeMemberInvitation($invitationId: ID!) {
    revokeMemberInvitation(invitationId: $invitationId) {
      id
      status
    }
  }
`);

const DeactivateMember = graphql(`
  mutation DeactivateMember($memberId: ID!) {
    deactivateMember(memberId: $memberId) {
      id
      active
    }
  }
`);

const UpdateFirm = graphql(`
  mutation UpdateFirm($input: UpdateFirmInput!) {
    updateFirm(input: $input) {
      id
      name
      website
    }
  }
`);

type MemberRow = NonNullable<FirmInfoQuery['myFirm']>['members'][number];

function FirmDetails({ firm, canEdit }: { firm: NonNullable<FirmInfoQuery['myFirm']>; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const form = useFields({ name: firm.name, website: firm.website });
  const [result, update] = useMutation(UpdateFirm);
  const errors = formErrors(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ input: form.values });
    if (r.data) setEditing(false);
  };
  if (editing) {
    return (
      <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Edit firm info" sx={{ maxWidth: 480 }}>
        <TextField label="Firm name" {...form.bind('name', errors)} />
        <TextField label="Website" {...form.bind('website', errors)} />
        <ApiError messages={errors.general} />
        <Stack direction="row" spacing={1}>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Save
          </Button>
          <Button onClick={() => setEditing(false)}>Cancel</Button>
        </Stack>
      </Stack>
    );
  }
  return (
    <Stack spacing={0.5}>
      <Typography variant="body2">
        <strong>Website:</strong> {firm.website}
      </Typography>
      <Typography variant="body2">
        <strong>Email domain:</strong> @{firm.domain} (every member signs in with an address on it)
      </Typography>
      <Typography variant="body2">
        <strong>On Advisor Dashboard since:</strong> {formatDateTime(firm.createdAt)}
      </Typography>
      {canEdit && (
        <div>
          <Button size="small" onClick={() => setEditing(true)}>
            Edit firm info
          </Button>
        </div>
      )}
    </Stack>
  );
}

/** Firm Info (SPEC F5–F7): the firm, its members and their permissions, pending invitations; for an ADMIN, analysts (G3) and service accounts (G6). */
export function FirmInfoPage() {
  const { me } = useMe();
  const { can } = useCan();
  const isAdmin = me.firmRole === 'ADMIN';
  const canManageMembers = can('manageMembers');
  const [includeInactive, setIncludeInactive] = useState(false);
  const [firmQuery, refetchFirm] = useQuery({ query: FirmInfo, variables: { includeInactive } });
  const [invitationsQuery, refetchInvitations] = useQuery({ query: PendingInvitations, pause: !canManageMembers });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<EditableMember | null>(null);
  const [leaverReportOf, setLeaverReportOf] = useState<string | null>(null);
  const readsLeaverReports = mayReadLeaverReport(me.firmRole, me.permissions);
  const [notice, setNotice] = useState<string | null>(null);
  const [resendResult, resend] = useMutation(ResendInvitation);
  const [, revoke] = useMutation(RevokeInvitation);
  const [, deactivate] = useMutation(DeactivateMember);
  const refresh = () => {
    refetchFirm({ requestPolicy: 'network-only' });
    if (canManageMembers) refetchInvitations({ requestPolicy: 'network-only' });
  };
  const firm = firmQuery.data?.myFirm;

  const memberColumns: GridColDef<MemberRow>[] = [
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 150, valueGetter: (_v, m) => `${m.firstName} ${m.lastName}` },
    { field: 'workEmail', headerName: 'Email', flex: 1, minWidth: 190 },
    { field: 'jobRole', headerName: 'Job role', width: 140 },
    { field: 'firmRole', headerName: 'Firm role', width: 95, valueFormatter: (v: string) => FIRM_ROLE_LABEL[v] ?? v },
    {
      field: 'permissions',
      headerName: 'Permissions',
      flex: 1.6,
      minWidth: 220,
      valueGetter: (_v, m) =>
        m.firmRole === 'ADMIN' ? 'All' : m.firmRole === 'ANALYST' ? 'Read-only: every client' : permissionList(m.permissions, FIRM_PERMISSION_LABEL),
    },
    {
      field: 'active',
      headerName: 'Status',
      width: 90,
      renderCell: ({ row }) => <Chip size="small" label={row.active ? 'Active' : 'Inactive'} color={row.active ? 'success' : 'default'} variant="outlined" />,
    },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 260,
      sortable: false,
      renderCell: ({ row }) =>
        canManageMembers && (row.active || readsLeaverReports) ? (
          <Stack direction="row" spacing={1}>
            {row.active && (
              <Button size="small" onClick={() => setEditing(row)} aria-label={`Edit ${row.firstName} ${row.lastName}`}>
                Edit
              </Button>
            )}
            {readsLeaverReports && (
              <Button size="small" onClick={() => setLeaverReportOf(row.id)} aria-label={`Leaver report of ${row.firstName} ${row.lastName}`}>
                Report
              </Button>
            )}
            {row.active && row.id !== me.id && (
              <ConfirmButton
                label="Deactivate"
                aria-label={`Deactivate ${row.firstName} ${row.lastName}`}
                title={`Deactivate ${row.firstName} ${row.lastName}?`}
                onConfirm={async () => {
                  const r = await deactivate({ memberId: row.id });
                  if (!r.error) refresh();
                  return r;
                }}
              >
                Their sessions end at once and every client assignment they hold ends.
              </ConfirmButton>
            )}
          </Stack>
        ) : null,
    },
  ];

  const invitations = invitationsQuery.data?.myFirm?.pendingInvitations ?? [];
  type InvitationRow = (typeof invitations)[number];
  const invitationColumns: GridColDef<InvitationRow>[] = [
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 150, valueGetter: (_v, i) => `${i.firstName} ${i.lastName}` },
    { field: 'email', headerName: 'Email', flex: 1, minWidth: 190 },
    { field: 'firmRole', headerName: 'Firm role', width: 95, valueFormatter: (v: string) => FIRM_ROLE_LABEL[v] ?? v },
    { field: 'status', headerName: 'Status', width: 90, valueFormatter: (v: string) => STATUS_LABEL[v] ?? v },
    { field: 'sentAt', headerName: 'Sent', width: 160, valueFormatter: (v: string) => formatDateTime(v) },
    { field: 'expiresAt', headerName: 'Expires', width: 160, valueFormatter: (v: string) => formatDateTime(v) },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 190,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={1}>
          <Button
            size="small"
            aria-label={`Resend invite to ${row.email}`}
            onClick={async () => {
              const r = await resend({ invitationId: row.id });
              if (!r.error) {
                setNotice(`A fresh invitation went to ${row.email}; the old link no longer works.`);
                refresh();
              }
            }}
          >
            Resend invite
          </Button>
          <ConfirmButton
            label="Revoke"
            aria-label={`Revoke invite to ${row.email}`}
            title={`Withdraw the invitation to ${row.email}?`}
            onConfirm={async () => {
              const r = await revoke({ invitationId: row.id });
              if (!r.error) refresh();
              return r;
            }}
          >
            The link in their email stops working.
          </ConfirmButton>
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Firm Info"
        subtitle={firm?.name}
        actions={
          canManageMembers && (
            <Button variant="contained" onClick={() => setAdding(true)}>
              Add member
            </Button>
          )
        }
      />
      <ApiError error={firmQuery.error} />
      {firmQuery.fetching && !firm && <Loading what="Loading firm info" />}
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {firm && (
        <Grid container spacing={2}>
          <Grid size={12}>
            <Paper sx={{ p: 2 }}>
              <FirmDetails key={`${firm.name}|${firm.website}`} firm={firm} canEdit={can('manageFirm')} />
            </Paper>
          </Grid>
          <Grid size={12}>
            <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
              <Typography variant="h2" component="h2">
                Members
              </Typography>
              <FormControlLabel
                control={<Switch size="small" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />}
                label="Show deactivated members"
              />
            </Stack>
            <DataTable label="Members" rows={firm.members} columns={memberColumns} empty="No members yet." loading={firmQuery.fetching} />
          </Grid>
          <Grid size={12}>
            <TwoFactorSettings />
          </Grid>
          {canManageMembers && (
            <Grid size={12}>
              <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
                Pending invitations
              </Typography>
              <ApiError error={invitationsQuery.error ?? resendResult.error} />
              <DataTable
                label="Pending invitations"
                rows={invitations}
                columns={invitationColumns}
                empty="No invitations are waiting. Add member to invite someone from your firm."
                loading={invitationsQuery.fetching}
              />
            </Grid>
          )}
          {can('manageServiceAccounts') && (
            <Grid size={12}>
              <ServiceAccountsSection />
            </Grid>
          )}
        </Grid>
      )}
      {firm && (
        <AddMemberDialog
          open={adding}
          isAdmin={isAdmin}
          domain={firm.domain}
          onClose={(sent) => {
            setAdding(false);
            if (sent) {
              setNotice('Invitation sent. It expires in 7 days.');
              refresh();
            }
          }}
        />
      )}
      {editing && (
        <EditMemberDialog
          member={editing}
          isAdmin={isAdmin}
          onClose={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      {leaverReportOf && <LeaverReportDialog memberId={leaverReportOf} onClose={() => setLeaverReportOf(null)} />}
    </>
  );
}
