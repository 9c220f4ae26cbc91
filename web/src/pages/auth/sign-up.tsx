import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Autocomplete, Button, Grid, Link, Stack, TextField, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { formErrors } from '../../api/errors';
import { safeNext, storeFirmSession } from '../../api/session';
import { useFields } from '../../components/form';
import { ApiError } from '../../components/feedback';
import { JOB_ROLES } from '../../labels';
import { AuthCard } from './auth-card';

const SignUpFirm = graphql(`
  mutation SignUpFirm($input: SignUpFirmInput!) {
    signUpFirm(input: $input) {
      status
      workEmail
      confirmBy
      session {
        ...SignedInSession
      }
    }
  }
`);

/** SPEC I5: the client's invitation token when the founder came from its link (`next=/invitations/accept?token=…`). */
export function invitationTokenOf(next: string | null): string | undefined {
  if (!next) return undefined;
  try {
    const url = new URL(next, 'http://app.invalid');
    return url.pathname === '/invitations/accept' ? (url.searchParams.get('token') ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

/** Where each sign-up refusal belongs (SPEC F2, F3, F4): next to what the person typed. */
export const SIGN_UP_ERROR_FIELDS: Record<string, string> = {
  FIRM_DOMAIN_NOT_ALLOWED: 'workEmail',
  FIRM_ALREADY_EXISTS: 'workEmail',
  MEMBER_EMAIL_TAKEN: 'workEmail',
  USERNAME_TAKEN: 'username',
  USERNAME_IS_EMAIL: 'username',
  WEAK_PASSWORD: 'password',
  SIGN_UP_PENDING: 'workEmail',
};

/**
 * SPEC F1, F3: a firm signs up; the founder confirms the work email with the emailed link (or,
 * coming from a client's invitation to that address, is signed in at once, SPEC I5) and becomes
 * the firm's first admin.
 */
export function SignUpPage() {
  const [params] = useSearchParams();
  const next = params.get('next');
  const navigate = useNavigate();
  const form = useFields({
    firmName: '',
    website: '',
    firstName: '',
    lastName: '',
    workEmail: '',
    jobRole: '',
    workPhone: '',
    cellPhone: '',
    personalEmail: '',
    username: '',
    password: '',
  });
  const [result, signUp] = useMutation(SignUpFirm);
  const [sentTo, setSentTo] = useState<{ email: string; until: string } | null>(null);
  const errors = formErrors(result.error, SIGN_UP_ERROR_FIELDS);
  const v = form.values;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await signUp({
      input: {
        firmName: v.firmName,
        website: v.website,
        founder: {
          firstName: v.firstName,
          lastName: v.lastName,
          workEmail: v.workEmail,
          jobRole: v.jobRole,
          workPhone: v.workPhone,
          cellPhone: v.cellPhone,
          personalEmail: v.personalEmail,
          username: v.username,
          password: v.password,
        },
        ...(invitationTokenOf(next) ? { invitationToken: invitationTokenOf(next) } : {}),
      },
    });
    const outcome = r.data?.signUpFirm;
    if (!outcome) return;
    const s = outcome.session;
    if (!s) {
      setSentTo({ email: outcome.workEmail, until: outcome.confirmBy ?? '' });
      return;
    }
    storeFirmSession(s);
    navigate(safeNext(next, '/'), { replace: true });
  };

  if (sentTo) {
    return (
      <AuthCard title="Check your email">
        <Stack spacing={2} aria-label="Confirmation sent">
          <Typography>
            We sent a confirmation link to <strong>{sentTo.email}</strong>. Open it to create your firm account and sign in.
          </Typography>
          <Typography variant="body2" color="text.secondary">
            The link works once{sentTo.until ? `, until ${new Date(sentTo.until).toLocaleString()}` : ''}. Your firm is not created until you open it.
            {next ? ' Afterwards, open the link from your client\'s invitation email again.' : ''}
          </Typography>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Sign up your firm" width={720}>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Firm sign-up">
        <Typography variant="h3" component="h2">
          Your firm
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Firm name" required autoFocus {...form.bind('firmName', errors)} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Website" required placeholder="https://yourfirm.com" {...form.bind('website', errors)} />
          </Grid>
        </Grid>
        <Typography variant="h3" component="h2">
          About you
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="First name" required autoComplete="given-name" {...form.bind('firstName', errors)} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Last name" required autoComplete="family-name" {...form.bind('lastName', errors)} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Work email"
              type="email"
              required
              autoComplete="work email"
              {...form.bind('workEmail', errors, 'Everyone at your firm signs up with this email domain.')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <Autocomplete
              freeSolo
              options={JOB_ROLES}
              inputValue={v.jobRole}
              onInputChange={(_, value) => form.set('jobRole', value)}
              renderInput={(params) => (
                <TextField
                  {...params}
                  id="jobRole"
                  name="jobRole"
                  label="Role"
                  required
                  error={Boolean(errors.fields.jobRole)}
                  helperText={errors.fields.jobRole ?? 'Choose from the list or type your own.'}
                />
              )}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField label="Work phone" type="tel" required autoComplete="work tel" {...form.bind('workPhone', errors)} />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Cell phone"
              type="tel"
              required
              autoComplete="mobile tel"
              {...form.bind('cellPhone', errors, 'Used to verify your identity when you contact support.')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Personal email"
              type="email"
              required
              autoComplete="home email"
              {...form.bind('personalEmail', errors, 'Used to reset your password.')}
            />
          </Grid>
        </Grid>
        <Typography variant="h3" component="h2">
          Your Advisor Dashboard login
        </Typography>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Username"
              required
              autoComplete="username"
              {...form.bind('username', errors, 'Not an email address. Your payroll or PEO login does not work here.')}
            />
          </Grid>
          <Grid size={{ xs: 12, sm: 6 }}>
            <TextField
              label="Password"
              type="password"
              required
              autoComplete="new-password"
              {...form.bind('password', errors, 'At least 12 characters.')}
            />
          </Grid>
        </Grid>
        <ApiError messages={errors.general} />
        <Stack sx={{ alignItems: 'center' }} direction="row" spacing={2}>
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Create firm account
          </Button>
          <Typography variant="body2">
            Already on Advisor Dashboard?{' '}
            <Link component={RouterLink} to={`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`}>
              Log in
            </Link>
          </Typography>
        </Stack>
      </Stack>
    </AuthCard>
  );
}
