import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import { graphql } from '../../gql';
import type { ServiceAccountScope, ServiceAccountsQuery } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { ApiError } from '../../components/feedback';
import { DataTable } from '../../components/data-table';
import { ConfirmButton } from '../../components/confirm-button';
import { PermissionPicker } from '../../components/permission-picker';
import { useFields } from '../../components/form';
import { END_DATE_ERROR_FIELDS, EndDateField, endOfDayIso } from '../../components/end-date-field';
import { formatDate, formatDateTime, permissionList } from '../../labels';

const ServiceAccounts = graphql(`
  query ServiceAccounts {
    serviceAccounts {
      id
      name
      scopes
      createdAt
      lastUsedAt
      revokedAt
      endsAt
      endedAt
      createdBy {
        id
        firstName
        lastName
      }
    }
  }
`);

const CreateServiceAccount = graphql(`
  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {
    createServiceAccount(input: $input) {
      secret
      serviceAccount {
        id
        name
        scopes
      }
    }
  }
`);

const RevokeServiceAccount = graphql(`
  mutation RevokeServiceAccount($id: ID!) {
    revokeServiceAccount(id: $id) {
      id
      revokedAt
    }
  }
`);

export const SCOPES = ['READ', 'EVENTS_READ'] as const satisfies readonly ServiceAccountScope[];
export const SCOPE_LABEL: Record<ServiceAccountScope, string> = {
  READ: 'Read data (queries)',
  EVENTS_READ: 'Receive events (subscriptions)',
};

type Account = ServiceAccountsQuery['serviceAccounts'][number];

/** SPEC G6: name and scopes (and, SPEC F10, an optional end date); the secret comes back once, and is shown once. */
function CreateDialog({ onClose }: { onClose: (created: { name: string; secret: string } | null) => void }) {
  const form = useFields({ name: '' });
  const [scopes, setScopes] = useState<ServiceAccountScope[]>(['READ']);
  const [endDate, setEndDate] = useState('');
  const [result, create] = useMutation(CreateServiceAccount);
  const errors = formErrors(result.error, END_DATE_ERROR_FIELDS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: { name: form.values.name, scopes, ...(endDate ? { endsAt: endOfDayIso(endDate) } : {}) } });
    if (r.data) onClose({ name: r.data.createServiceAccount.serviceAccount.name, secret: r.data.createServiceAccount.secret });
  };
  return (
    <Dialog open onClose={() => onClose(null)} maxWidth="sm" fullWidth aria-labelledby="create-sa-title">
      <form onSubmit={submit} noValidate aria-label="Create service account">
        <DialogTitle id="create-sa-title">Create service account</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <TextField label="Name" required autoFocus {...form.bind('name', errors, 'The internal service that will use it, e.g. "payroll exporter".')} />
            <PermissionPicker label="Scopes" options={SCOPES} labels={SCOPE_LABEL} value={scopes} onChange={setScopes} error={errors.fields.scopes} />
            <EndDateField value={endDate} onChange={setEndDate} errors={errors} id="service-account-endsAt" />
            <Typography variant="body2" color="text.secondary">
              A service account reads like an analyst of your firm: every client, never a change.
            </Typography>
            <ApiError messages={errors.general} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(null)}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Create
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** The secret, this once: a warning, the value selected for copying, and a copy button. */
export function SecretDialog({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
      (document.getElementById('service-account-secret') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="secret-title">
      <DialogTitle id="secret-title">The secret of {name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">
            Copy it now and store it where the service keeps its secrets. It is shown only this once: Advisor Dashboard keeps a hash of it, not the
            secret.
          </Alert>
          <TextField
            id="service-account-secret"
            label="Secret"
            value={secret}
            slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace' } } }}
            onFocus={(e) => e.target.select()}
            helperText={copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser did not allow copying: the secret is selected, copy it with the keyboard.' : undefined}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={copy}>Copy secret</Button>
        <Button variant="contained" onClick={onClose}>
          I have stored it
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** SPEC G6 in Firm Info, for an ADMIN: the firm's service accounts; create (secret shown once), revoke. */
export function ServiceAccountsSection() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: ServiceAccounts });
  const [, revoke] = useMutation(RevokeServiceAccount);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const columns: GridColDef<Account>[] = [
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 160 },
    { field: 'scopes', headerName: 'Scopes', flex: 1.2, minWidth: 200, valueGetter: (_v, a) => permissionList(a.scopes, SCOPE_LABEL) },
    { field: 'createdBy', headerName: 'Created by', width: 150, valueGetter: (_v, a) => (a.createdBy ? `${a.createdBy.firstName} ${a.createdBy.lastName}` : '—') },
    { field: 'createdAt', headerName: 'Created', width: 165, valueFormatter: (v: string) => formatDateTime(v) },
    { field: 'lastUsedAt', headerName: 'Last used', width: 165, valueFormatter: (v: string | null) => (v ? formatDateTime(v) : 'Never') },
    { field: 'endsAt', headerName: 'Ends', width: 110, valueFormatter: (v: string | null) => (v ? formatDate(v) : '—') },
    {
      field: 'revokedAt',
      headerName: 'Status',
      width: 150,
      renderCell: ({ row }) =>
        row.revokedAt ? (
          <Chip size="small" variant="outlined" label={`Revoked ${formatDateTime(row.revokedAt).split(',')[0]}`} />
        ) : row.endedAt ? (
          <Chip size="small" variant="outlined" label={`Ended ${formatDate(row.endedAt)}`} />
        ) : (
          <Chip size="small" variant="outlined" color="success" label="Active" />
        ),
    },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 110,
      sortable: false,
      renderCell: ({ row }) =>
        row.revokedAt || row.endedAt ? null : (
          <ConfirmButton
            label="Revoke"
            aria-label={`Revoke ${row.name}`}
            title={`Revoke the service account ${row.name}?`}
            onConfirm={async () => {
              const r = await revoke({ id: row.id });
              if (!r.error) refresh();
              return r;
            }}
          >
            Its secret stops working at once, and the tokens it holds are refused.
          </ConfirmButton>
        ),
    },
  ];
  return (
    <>
      <Stack direction="row" sx={{ mb: 1, alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h2" component="h2">
          Service accounts
        </Typography>
        <Button variant="outlined" onClick={() => setCreating(true)}>
          Create service account
        </Button>
      </Stack>
      <ApiError error={error} />
      <DataTable
        label="Service accounts"
        rows={data?.serviceAccounts ?? []}
        columns={columns}
        loading={fetching && !data}
        empty="No service accounts. Create one for an internal service that reads your firm's data or listens to its events."
      />
      {creating && (
        <CreateDialog
          onClose={(c) => {
            setCreating(false);
            if (c) {
              setCreated(c);
              refresh();
            }
          }}
        />
      )}
      {created && <SecretDialog name={created.name} secret={created.secret} onClose={() => setCreated(null)} />}
    </>
  );
}
