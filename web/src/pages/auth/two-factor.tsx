import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Alert, Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { formErrors } from '../../api/errors';
import { ApiError } from '../../components/feedback';

const CompleteSignIn = graphql(`
  mutation CompleteSignIn($challenge: String!, $code: String!) {
    completeSignIn(challenge: $challenge, code: $code) {
      ...SignedInSession
    }
  }
`);

const BeginEnrolment = graphql(`
  mutation BeginTwoFactorEnrolment($challenge: String) {
    beginTwoFactorEnrolment(challenge: $challenge) {
      otpauthUri
      secret
      qrCode
      expiresAt
    }
  }
`);

const ConfirmEnrolment = graphql(`
  mutation ConfirmTwoFactorEnrolment($code: String!, $challenge: String) {
    confirmTwoFactorEnrolment(code: $code, challenge: $challenge) {
      recoveryCodes
      session {
        ...SignedInSession
      }
    }
  }
`);

export interface NewFirmSession {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  member: { id: string; firstName: string; lastName: string };
}

/** SPEC F9, the second step of sign-in: a code from the authenticator app, or a recovery code. */
export function SignInCodeStep({ challenge, onSignedIn }: { challenge: string; onSignedIn: (session: NewFirmSession) => void }) {
  const [code, setCode] = useState('');
  const [result, complete] = useMutation(CompleteSignIn);
  const errors = formErrors(result.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await complete({ challenge, code: code.trim() });
    const s = r.data?.completeSignIn as NewFirmSession | undefined;
    if (s) onSignedIn(s);
  };
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Two-factor code">
      <Typography variant="body2">Enter the 6-digit code your authenticator app shows for Advisor Dashboard. Lost your phone? Enter one of your recovery codes instead.</Typography>
      <TextField
        label="Code"
        autoComplete="one-time-code"
        required
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <ApiError messages={errors.general} />
      <Button type="submit" variant="contained" disabled={result.fetching || code.trim().length === 0}>
        Verify
      </Button>
    </Stack>
  );
}

/**
 * SPEC F9 enrolment: the QR code (and the secret, for typing in by hand), a first code to
 * confirm, then the ten recovery codes, shown this once. With a `challenge` (the firm requires
 * two-factor sign-in) the member is signed in at the end.
 */
export function EnrolTwoFactor({ challenge, onDone }: { challenge?: string; onDone: (session: NewFirmSession | null) => void }) {
  const [beginResult, begin] = useMutation(BeginEnrolment);
  const [confirmResult, confirm] = useMutation(ConfirmEnrolment);
  const [code, setCode] = useState('');
  const [enabled, setEnabled] = useState<{ recoveryCodes: string[]; session: NewFirmSession | null } | null>(null);
  const enrolment = beginResult.data?.beginTwoFactorEnrolment;

  if (enabled) {
    return (
      <Stack spacing={2} aria-label="Recovery codes">
        <Alert severity="success">Two-factor sign-in is on.</Alert>
        <Typography variant="body2">
          Save these recovery codes somewhere safe, away from your phone. Each one signs you in once if you lose your authenticator app. They are shown only now.
        </Typography>
        <List dense aria-label="Your recovery codes" sx={{ fontFamily: 'monospace', columns: 2 }}>
          {enabled.recoveryCodes.map((c) => (
            <ListItem key={c} sx={{ fontFamily: 'monospace' }}>
              {c}
            </ListItem>
          ))}
        </List>
        <Button variant="contained" onClick={() => onDone(enabled.session)}>
          I have saved my recovery codes
        </Button>
      </Stack>
    );
  }
  if (!enrolment) {
    return (
      <Stack spacing={2}>
        <Typography variant="body2">Use an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …) to sign in with a code as well as your password.</Typography>
        <ApiError error={beginResult.error} />
        <Button variant="contained" disabled={beginResult.fetching} onClick={() => begin({ challenge: challenge ?? null })}>
          Set up authenticator app
        </Button>
      </Stack>
    );
  }
  const errors = formErrors(confirmResult.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await confirm({ code: code.trim(), challenge: challenge ?? null });
    const done = r.data?.confirmTwoFactorEnrolment;
    if (done) setEnabled({ recoveryCodes: done.recoveryCodes, session: (done.session as NewFirmSession | null) ?? null });
  };
  return (
    <Stack component="form" spacing={2} onSubmit={submit} noValidate aria-label="Confirm authenticator app">
      <Typography variant="body2">Scan this QR code with your authenticator app, then enter the code it shows.</Typography>
      <Box component="img" src={enrolment.qrCode} alt="QR code for your authenticator app" sx={{ width: 200, height: 200, alignSelf: 'center' }} />
      <Typography variant="body2">
        Cannot scan it? Enter this key in the app instead: <code data-testid="totp-secret">{enrolment.secret}</code>
      </Typography>
      <TextField label="Code from the app" autoComplete="one-time-code" required autoFocus value={code} onChange={(e) => setCode(e.target.value)} />
      <ApiError messages={errors.general} />
      <Button type="submit" variant="contained" disabled={confirmResult.fetching || code.trim().length === 0}>
        Confirm
      </Button>
    </Stack>
  );
}
