import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Button, Link, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { formErrors } from '../../api/errors';
import { safeNext, sessionStore, storeFirmSession } from '../../api/session';
import { useFields } from '../../components/form';
import { ApiError } from '../../components/feedback';
import { AuthCard } from './auth-card';
import { EnrolTwoFactor, SignInCodeStep, type NewFirmSession } from './two-factor';

const SignIn = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      next
      challenge
      session {
        ...SignedInSession
      }
    }
  }
`);

const LogInClientAdmin = graphql(`
  mutation LogInClientAdmin($email: String!, $password: String!) {
    logInClientAdmin(email: $email, password: $password) {
      accessToken
      expiresAt
      clientAdmin {
        id
        firstName
        lastName
        client {
          id
          businessName
        }
      }
    }
  }
`);

/**
 * Log in: a firm member with their Advisor Dashboard username (SPEC F4), then, with two-factor
 * sign-in (SPEC F9), a code or, when the firm requires it and they have none, enrolment first;
 * or a client admin.
 */
export function LogInPage() {
  const [params, setParams] = useSearchParams();
  const realm = params.get('as') === 'client' ? 'client' : 'firm';
  const next = params.get('next');
  const navigate = useNavigate();
  const form = useFields({ username: '', email: '', password: '' });
  const [firmResult, signIn] = useMutation(SignIn);
  const [secondStep, setSecondStep] = useState<{ next: 'TWO_FACTOR_CODE' | 'TWO_FACTOR_ENROLMENT'; challenge: string } | null>(null);
  const signedIn = (s: NewFirmSession) => {
    storeFirmSession(s);
    navigate(safeNext(next, '/'), { replace: true });
  };
  const [clientResult, logInClient] = useMutation(LogInClientAdmin);
  const result = realm === 'firm' ? firmResult : clientResult;
  const errors = formErrors(result.error);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      if (realm === 'firm') {
        const r = await signIn({ username: form.values.username.trim(), password: form.values.password });
        const step = r.data?.signIn;
        if (!step) return;
        if (step.next === 'SIGNED_IN' && step.session) signedIn(step.session);
        else if (step.next !== 'SIGNED_IN' && step.challenge) setSecondStep({ next: step.next, challenge: step.challenge });
      } else {
        const r = await logInClient({ email: form.values.email.trim(), password: form.values.password });
        const s = r.data?.logInClientAdmin;
        if (!s) return;
        sessionStore.set({
          realm: 'client',
          accessToken: s.accessToken,
          expiresAt: s.expiresAt,
          clientAdminId: s.clientAdmin.id,
          name: `${s.clientAdmin.firstName} ${s.clientAdmin.lastName}`,
          companyName: s.clientAdmin.client.businessName,
        });
        navigate(safeNext(next, '/company'), { replace: true });
      }
    } finally {
      setBusy(false);
    }
  };

  const switchRealm = (value: string) => {
    const p = new URLSearchParams(params);
    p.set('as', value);
    setParams(p, { replace: true });
  };
  const signUpLink = `/signup${next ? `?next=${encodeURIComponent(next)}` : ''}`;

  if (secondStep?.next === 'TWO_FACTOR_CODE') {
    return (
      <AuthCard title="Two-factor sign-in">
        <SignInCodeStep challenge={secondStep.challenge} onSignedIn={signedIn} />
      </AuthCard>
    );
  }
  if (secondStep?.next === 'TWO_FACTOR_ENROLMENT') {
    return (
      <AuthCard title="Set up two-factor sign-in">
        <Typography variant="body2" sx={{ mb: 2 }}>
          Your firm requires two-factor sign-in. Set up an authenticator app to continue.
        </Typography>
        <EnrolTwoFactor challenge={secondStep.challenge} onDone={(s) => (s ? signedIn(s) : setSecondStep(null))} />
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Log in">
      <Tabs value={realm} onChange={(_, v) => switchRealm(v)} aria-label="Who is signing in" sx={{ mb: 2 }}>
        <Tab value="firm" label="Accounting firm" />
        <Tab value="client" label="Client admin" />
      </Tabs>
      <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label={realm === 'firm' ? 'Firm member log in' : 'Client admin log in'}>
        {realm === 'firm' ? (
          <TextField label="Username" autoComplete="username" required autoFocus {...form.bind('username', errors)} />
        ) : (
          <TextField label="Email" type="email" autoComplete="username" required autoFocus {...form.bind('email', errors)} />
        )}
        <TextField label="Password" type="password" autoComplete="current-password" required {...form.bind('password', errors)} />
        <ApiError messages={errors.general} />
        <Button type="submit" variant="contained" disabled={busy}>
          Log in
        </Button>
      </Stack>
      {realm === 'firm' && (
        <Typography variant="body2" sx={{ mt: 3 }}>
          New to Advisor Dashboard?{' '}
          <Link component={RouterLink} to={signUpLink}>
            Get started: sign up your firm
          </Link>
        </Typography>
      )}
    </AuthCard>
  );
}
