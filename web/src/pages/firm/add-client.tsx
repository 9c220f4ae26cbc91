import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Button, FormControl, FormControlLabel, FormLabel, MenuItem, Paper, Radio, RadioGroup, Stack, Switch, TextField, Typography } from '@mui/material';
import { graphql } from '../../gql';
import type { ClientPermission, Platform } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { useFields } from '../../components/form';
import { ApiError, PageHeader } from '../../components/feedback';
import { PermissionPicker } from '../../components/permission-picker';
import { CLIENT_PERMISSIONS, CLIENT_PERMISSION_LABEL, normalizeFein } from '../../labels';

const RequestClientAccess = graphql(`
  mutation RequestClientAccess($input: RequestClientAccessInput!) {
    requestClientAccess(input: $input) {
      id
      status
      platform
    }
  }
`);

const AddPayrollClient = graphql(`
  mutation AddPayrollClient($input: AddPayrollClientInput!) {
    addPayrollClient(input: $input) {
      id
      status
    }
  }
`);

const ReferClientToPeo = graphql(`
  mutation ReferClientToPeo($input: PeoReferralInput!) {
    referClientToPeo(input: $input) {
      id
      status
    }
  }
`);

const FEIN_ERRORS: Record<string, string> = {
  INVALID_FEIN: 'fein',
  CLIENT_NOT_FOUND_ON_PLATFORM: 'fein',
  CLIENT_FEIN_TAKEN: 'fein',
};

type Path = 'existing' | 'payroll' | 'peo';

/** SPEC I3: "My client has an account": business name, FEIN, platform, then permissions. */
function ExistingClientForm() {
  const navigate = useNavigate();
  const form = useFields({ businessName: '', fein: '' });
  const [platform, setPlatform] = useState<Platform>('PAYROLL');
  const [permissions, setPermissions] = useState<ClientPermission[]>(['VIEW_COMPANY']);
  const [result, request] = useMutation(RequestClientAccess);
  const errors = formErrors(result.error, FEIN_ERRORS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await request({ input: { businessName: form.values.businessName, fein: normalizeFein(form.values.fein), platform, permissions } });
    if (r.data) navigate(`/clients/${platform === 'PEO' ? 'peo' : 'payroll'}?tab=requested`);
  };
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Request access to an existing client">
      <Typography variant="body2" color="text.secondary">
        Every admin of the client who can manage the company and its employees gets an email and a notification to approve your request.
      </Typography>
      <TextField label="Business name" required {...form.bind('businessName', errors)} />
      <TextField label="FEIN" required placeholder="12-3456789" {...form.bind('fein', errors, 'The Federal Employer Identification Number, NN-NNNNNNN.')} />
      <TextField select id="platform" label="Platform" value={platform} onChange={(e) => setPlatform(e.target.value as Platform)}>
        <MenuItem value="PAYROLL">Payroll</MenuItem>
        <MenuItem value="PEO">PEO</MenuItem>
      </TextField>
      <PermissionPicker
        label="Permissions your firm needs"
        options={CLIENT_PERMISSIONS}
        labels={CLIENT_PERMISSION_LABEL}
        value={permissions}
        onChange={setPermissions}
        error={errors.fields.permissions}
      />
      <ApiError messages={errors.general} />
      <div>
        <Button type="submit" variant="contained" disabled={result.fetching}>
          Send request
        </Button>
      </div>
    </Stack>
  );
}

/** SPEC C8: a new Payroll client; it appears under Payroll › Enrolling. */
function NewPayrollClientForm() {
  const navigate = useNavigate();
  const form = useFields({ businessName: '', fein: '' });
  const [result, add] = useMutation(AddPayrollClient);
  const errors = formErrors(result.error, FEIN_ERRORS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await add({ input: { businessName: form.values.businessName, fein: normalizeFein(form.values.fein) } });
    if (r.data) navigate(`/clients/view/${r.data.addPayrollClient.id}`);
  };
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Add a new Payroll client">
      <Typography variant="body2" color="text.secondary">
        The client appears under Payroll › Enrolling while onboarding is completed (typically 2 to 7 business days), then moves to Active.
      </Typography>
      <TextField label="Business name" required {...form.bind('businessName', errors)} />
      <TextField label="FEIN" required placeholder="12-3456789" {...form.bind('fein', errors, 'NN-NNNNNNN.')} />
      <ApiError messages={errors.general} />
      <div>
        <Button type="submit" variant="contained" disabled={result.fetching}>
          Create
        </Button>
      </div>
    </Stack>
  );
}

/** SPEC C9: refer a client to the PEO. */
function PeoReferralForm() {
  const navigate = useNavigate();
  const form = useFields({ businessName: '', contactName: '', contactEmail: '', contactPhone: '', employeeCount: '' });
  const [expedited, setExpedited] = useState(false);
  const [result, refer] = useMutation(ReferClientToPeo);
  const errors = formErrors(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = form.values;
    const count = v.employeeCount.trim() ? Number(v.employeeCount) : null;
    const r = await refer({
      input: {
        businessName: v.businessName,
        contactName: v.contactName,
        contactEmail: v.contactEmail,
        contactPhone: v.contactPhone.trim() || null,
        employeeCount: count,
        expedited,
      },
    });
    if (r.data) navigate('/clients/peo?tab=referrals');
  };
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Refer a client to the PEO">
      <Typography variant="body2" color="text.secondary">
        PEO onboarding takes 2–3 weeks when expedited, 3–6 weeks normally, depending on how quickly the client completes its application.
      </Typography>
      <TextField label="Business name" required {...form.bind('businessName', errors)} />
      <Stack direction="row" spacing={2}>
        <TextField label="Contact name" required {...form.bind('contactName', errors)} />
        <TextField label="Contact email" type="email" required {...form.bind('contactEmail', errors)} />
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextField label="Contact phone" type="tel" {...form.bind('contactPhone', errors)} />
        <TextField label="Employees" type="number" {...form.bind('employeeCount', errors)} />
      </Stack>
      <FormControlLabel control={<Switch checked={expedited} onChange={(e) => setExpedited(e.target.checked)} />} label="Expedited enrollment" />
      <ApiError messages={errors.general} />
      <div>
        <Button type="submit" variant="contained" disabled={result.fetching}>
          Submit referral
        </Button>
      </div>
    </Stack>
  );
}

/** "Add new client" (SPEC S1): three paths, as in the seeds. */
export function AddClientPage() {
  const [params] = useSearchParams();
  const initial = (['existing', 'payroll', 'peo'] as const).find((p) => p === params.get('path'));
  const [choice, setChoice] = useState<Path>(initial ?? 'existing');
  const [path, setPath] = useState<Path | null>(initial ?? null);
  return (
    <>
      <PageHeader title="Add new client" />
      <Paper sx={{ p: 3, maxWidth: 720 }}>
        {path === null ? (
          <Stack spacing={2}>
            <FormControl>
              <FormLabel id="add-client-path">How do you want to add the client?</FormLabel>
              <RadioGroup aria-labelledby="add-client-path" value={choice} onChange={(e) => setChoice(e.target.value as Path)}>
                <FormControlLabel value="existing" control={<Radio />} label="My client has a Payroll or PEO account: ask for access" />
                <FormControlLabel value="payroll" control={<Radio />} label="Add a new Payroll client" />
                <FormControlLabel value="peo" control={<Radio />} label="Refer a client to the PEO" />
              </RadioGroup>
            </FormControl>
            <div>
              <Button variant="contained" onClick={() => setPath(choice)}>
                Next
              </Button>
            </div>
          </Stack>
        ) : (
          <>
            <Button size="small" onClick={() => setPath(null)} sx={{ mb: 2 }}>
              ← Choose another way
            </Button>
            {path === 'existing' && <ExistingClientForm />}
            {path === 'payroll' && <NewPayrollClientForm />}
            {path === 'peo' && <PeoReferralForm />}
          </>
        )}
      </Paper>
    </>
  );
}
