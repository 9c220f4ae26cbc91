import { useState, type FormEvent } from 'react';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormHelperText, Grid, Paper, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { ClientPermission, ThirdPartyQuery } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { useSession } from '../../api/session';
import { useFields } from '../../components/form';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { PermissionPicker } from '../../components/permission-picker';
import { CLIENT_PERMISSIONS, CLIENT_PERMISSION_LABEL, CLIENT_ROLE_LABEL, STATUS_LABEL, formatDate, formatDateTime, permissionList } from '../../labels';

const ThirdParty = graphql(`
  query ThirdParty {
    myClientCompany {
      id
      businessName
      fein
      platform
      status
      firmLink {
        permissions
        linkedAt
        firm {
          id
          name
          website
        }
      }
      assignments {
        role
        member {
          id
          firstName
          lastName
          workEmail
        }
      }
      admins {
        id
        permissions
      }
    }
    sentFirmInvitations {
      id
      status
      accountantName
      accountantEmail
      permissions
      sentAt
      expiresAt
      acceptedAt
    }
  }
`);

const FirmRequests = graphql(`
  query ReceivedFirmRequests {
    receivedFirmRequests {
      id
      status
      businessName
      accountantName
      accountantEmail
      requestedPermissions
      sentAt
      expiresAt
    }
  }
`);

const InviteAccountantFirm = graphql(`
  mutation InviteAccountantFirm($input: InviteAccountantFirmInput!) {
    inviteAccountantFirm(input: $input) {
      id
      status
    }
  }
`);

const UpdateLink = graphql(`
  mutation UpdateFirmLinkPermissions($permissions: [ClientPermission!]!) {
    updateFirmLinkPermissions(permissions: $permissions) {
      permissions
    }
  }
`);

const EndLink = graphql(`
  mutation EndFirmLink {
    endFirmLink
  }
`);

type Sent = ThirdPartyQuery['sentFirmInvitations'][number];

/** SPEC I1: "Add accountant": details, the firm's permissions, and the acknowledgement. */
function InviteAccountantDialog({ onClose }: { onClose: (sent: boolean) => void }) {
  const form = useFields({ accountantName: '', accountantEmail: '' });
  const [permissions, setPermissions] = useState<ClientPermission[]>(['VIEW_COMPANY']);
  const [acknowledged, setAcknowledged] = useState(false);
  const [result, invite] = useMutation(InviteAccountantFirm);
  const errors = formErrors(result.error, {
    ACKNOWLEDGEMENT_REQUIRED: 'acknowledgeFirmWideAccess',
    ACCOUNTANT_EMAIL_NOT_ALLOWED: 'accountantEmail',
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await invite({ input: { ...form.values, permissions, acknowledgeFirmWideAccess: acknowledged } });
    if (r.data) onClose(true);
  };
  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="invite-accountant-title">
      <form onSubmit={submit} noValidate aria-label="Add accountant">
        <DialogTitle id="invite-accountant-title">Add accountant</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Accountant's name" required autoFocus {...form.bind('accountantName', errors)} />
            <TextField label="Accountant's work email" type="email" required {...form.bind('accountantEmail', errors)} />
            <PermissionPicker
              label="What the accountant's firm may do"
              options={CLIENT_PERMISSIONS}
              labels={CLIENT_PERMISSION_LABEL}
              value={permissions}
              onChange={setPermissions}
              error={errors.fields.permissions}
            />
            <div>
              <FormControlLabel
                control={<Checkbox id="acknowledgeFirmWideAccess" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />}
                label="I understand that adding an accounting firm can allow several people at the firm to access my company's information."
              />
              {errors.fields.acknowledgeFirmWideAccess && <FormHelperText error>{errors.fields.acknowledgeFirmWideAccess}</FormHelperText>}
            </div>
            <Typography variant="body2" color="text.secondary">
              The invitation expires after seven days. Only one accountant firm can be added at a time.
            </Typography>
            <ApiError messages={errors.general} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Send invite
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** SPEC C2: the client admin adds or removes what the firm may do. */
function EditLinkDialog({ current, onClose }: { current: readonly ClientPermission[]; onClose: (changed: boolean) => void }) {
  const [permissions, setPermissions] = useState<ClientPermission[]>([...current]);
  const [result, update] = useMutation(UpdateLink);
  const errors = formErrors(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ permissions });
    if (r.data) onClose(true);
  };
  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="edit-link-title">
      <form onSubmit={submit} noValidate aria-label="Edit the firm's permissions">
        <DialogTitle id="edit-link-title">Edit the firm's permissions</DialogTitle>
        <DialogContent>
          <PermissionPicker label="Your accountant firm may" options={CLIENT_PERMISSIONS} labels={CLIENT_PERMISSION_LABEL} value={permissions} onChange={setPermissions} error={errors.fields.permissions} />
          <Typography variant="body2" color="text.secondary">
            Narrowing these narrows every person at the firm who works on your company, at once.
          </Typography>
          <ApiError messages={errors.general} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(false)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const sentColumns: GridColDef<Sent>[] = [
  { field: 'accountantName', headerName: 'Accountant', width: 160 },
  { field: 'accountantEmail', headerName: 'Email', flex: 1, minWidth: 190 },
  { field: 'permissions', headerName: 'Permissions', flex: 1.4, minWidth: 200, valueGetter: (_v, i) => permissionList(i.permissions) },
  { field: 'status', headerName: 'Status', width: 100, valueFormatter: (v: string) => STATUS_LABEL[v] ?? v },
  { field: 'sentAt', headerName: 'Sent', width: 160, valueFormatter: (v: string) => formatDateTime(v) },
  { field: 'expiresAt', headerName: 'Expires', width: 160, valueFormatter: (v: string) => formatDateTime(v) },
];

/** The client admin's Third party screen (SPEC I1, I4, C2): the accountant firm, requests, invitations. */
export function ThirdPartyPage() {
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ThirdParty });
  const [requests, refetchRequests] = useQuery({ query: FirmRequests });
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [, endLink] = useMutation(EndLink);
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchRequests({ requestPolicy: 'network-only' });
  };
  const company = data?.myClientCompany;
  const me = company?.admins.find((a) => session?.realm === 'client' && a.id === session.clientAdminId);
  const canInvite = Boolean(me && me.permissions.includes('MANAGE') && me.permissions.includes('MANAGE_EMPLOYEES'));
  const canManage = Boolean(me?.permissions.includes('MANAGE'));
  const link = company?.firmLink;
  const pendingRequests = (requests.data?.receivedFirmRequests ?? []).filter((r) => r.status === 'PENDING');

  if (fetching && !data) return <Loading what="Loading your company" />;
  return (
    <>
      <PageHeader
        title="Third party"
        subtitle={company ? `${company.businessName} · FEIN ${company.fein}` : undefined}
        actions={
          canInvite &&
          !link && (
            <Button variant="contained" onClick={() => setInviting(true)}>
              Add accountant
            </Button>
          )
        }
      />
      <ApiError error={error} />
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, md: 7 }}>
          <Paper sx={{ p: 2 }} component="section" aria-label="Accountant firm">
            <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
              Accountant firm
            </Typography>
            {link ? (
              <>
                <Typography variant="body1" sx={{ fontWeight: 600 }}>
                  {link.firm?.name ?? 'Your accountant firm'}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  Connected since {formatDate(link.linkedAt)}
                </Typography>
                <Typography variant="body2" sx={{ mt: 1 }} id="firm-link-permissions">
                  <strong>May:</strong> {permissionList(link.permissions)}
                </Typography>
                <Typography variant="body2" sx={{ mt: 1 }}>
                  <strong>People at the firm working on your company:</strong>{' '}
                  {company!.assignments
                    .filter((a) => a.member)
                    .map((a) => `${a.member!.firstName} ${a.member!.lastName} (${CLIENT_ROLE_LABEL[a.role]})`)
                    .join(', ') || 'nobody assigned yet'}
                </Typography>
                {canManage && (
                  <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                    <Button variant="outlined" onClick={() => setEditing(true)}>
                      Edit
                    </Button>
                    <ConfirmButton
                      label="End link"
                      variant="outlined"
                      title={`End ${link.firm?.name ?? 'the firm'}'s access?`}
                      onConfirm={async () => {
                        const r = await endLink({});
                        if (!r.error) {
                          setNotice('The firm no longer has access to your company.');
                          refresh();
                        }
                        return r;
                      }}
                    >
                      Every person at the firm loses access to your company at once.
                    </ConfirmButton>
                  </Stack>
                )}
              </>
            ) : (
              <Empty>No accountant firm is connected. {canInvite ? 'Add accountant to invite one.' : 'An admin who can manage the company and its employees can invite one.'}</Empty>
            )}
          </Paper>
        </Grid>
        <Grid size={{ xs: 12, md: 5 }}>
          <Paper sx={{ p: 2 }} component="section" aria-label="Requests from firms">
            <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
              Requests from firms
            </Typography>
            <ApiError error={requests.error} />
            {pendingRequests.length === 0 ? (
              <Empty>No firm is waiting for your answer.</Empty>
            ) : (
              pendingRequests.map((r) => (
                <Stack key={r.id} direction="row" sx={{ py: 1, borderBottom: 1, borderColor: 'divider', alignItems: 'center', justifyContent: 'space-between' }}>
                  <div>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {r.accountantName} ({r.accountantEmail})
                    </Typography>
                    <Typography variant="body2" color="text.secondary">
                      Asks for: {permissionList(r.requestedPermissions ?? [])}
                    </Typography>
                  </div>
                  <Button variant="contained" size="small" component={RouterLink} to={`/requests/${r.id}`}>
                    Review
                  </Button>
                </Stack>
              ))
            )}
          </Paper>
        </Grid>
        <Grid size={12}>
          <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
            Invitation Center
          </Typography>
          <DataTable label="Sent invitations" rows={data?.sentFirmInvitations ?? []} columns={sentColumns} empty="You have not invited an accountant yet." />
        </Grid>
      </Grid>
      {inviting && (
        <InviteAccountantDialog
          onClose={(sent) => {
            setInviting(false);
            if (sent) {
              setNotice('Invitation sent. It expires in seven days.');
              refresh();
            }
          }}
        />
      )}
      {editing && link && (
        <EditLinkDialog
          current={link.permissions}
          onClose={(changed) => {
            setEditing(false);
            if (changed) refresh();
          }}
        />
      )}
    </>
  );
}
