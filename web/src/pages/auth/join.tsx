import { type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { errorCode, formErrors } from '../../api/errors';
import { storeFirmSession } from '../../api/session';
import { useFields } from '../../components/form';
import { ApiError } from '../../components/feedback';
import { AuthCard } from './auth-card';

const AcceptMemberInvitation = graphql(`
  mutation AcceptMemberInvitation($token: String!, $username: String!, $password: String!) {
    acceptMemberInvitation(token: $token, username: $username, password: $password) {
      accessToken
      expiresAt
      refreshToken
      member {
        id
        firstName
        lastName
        firm {
          id
          name
        }
      }
    }
  }
`);

const JOIN_ERROR_FIELDS: Record<string, string> = {
  USERNAME_TAKEN: 'username',
  USERNAME_IS_EMAIL: 'username',
  WEAK_PASSWORD: 'password',
};

/** SPEC F5: the team invitation's link (`/join?token=…`): choose a username and password. */
export function JoinPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const form = useFields({ username: '', password: '' });
  const [result, accept] = useMutation(AcceptMemberInvitation);
  const errors = formErrors(result.error, JOIN_ERROR_FIELDS);
  // SPEC F9: in a firm that requires two-factor sign-in the member now exists, with no session
  // until they set up an authenticator app, which signing in asks for.
  if (errorCode(result.error) === 'TWO_FACTOR_ENROLMENT_REQUIRED') {
    return (
      <AuthCard title="You have joined your firm">
        <Typography variant="body2" sx={{ mb: 2 }}>
          Your firm requires two-factor sign-in. Log in with the username and password you chose to set up your authenticator app.
        </Typography>
        <Button variant="contained" onClick={() => navigate('/login', { replace: true })}>
          Log in
        </Button>
      </AuthCard>
    );
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await accept({ token, username: form.values.username.trim(), password: form.values.password });
    const s = r.data?.acceptMemberInvitation;
    if (!s) return;
    storeFirmSession(s);
    navigate('/', { replace: true });
  };

  return (
    <AuthCard title="Join your firm on Advisor Dashboard">
      {!token ? (
        <ApiError messages={['This link has no invitation in it. Open the link from your invitation email again.']} />
      ) : (
        <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Accept team invitation">
          <Typography variant="body2" color="text.secondary">
            Choose the username and password you will use for Advisor Dashboard.
          </Typography>
          <TextField label="Username" required autoFocus autoComplete="username" {...form.bind('username', errors, 'Not an email address.')} />
          <TextField label="Password" type="password" required autoComplete="new-password" {...form.bind('password', errors, 'At least 12 characters.')} />
          <ApiError messages={errors.general} />
          <Button type="submit" variant="contained" disabled={result.fetching}>
            Join firm
          </Button>
        </Stack>
      )}
    </AuthCard>
  );
}
