import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Button, Stack, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { formErrors } from '../../api/errors';
import { storeFirmSession } from '../../api/session';
import { ApiError } from '../../components/feedback';
import { AuthCard } from './auth-card';

const ConfirmFirmSignUp = graphql(`
  mutation ConfirmFirmSignUp($token: String!) {
    confirmFirmSignUp(token: $token) {
      ...SignedInSession
    }
  }
`);

/**
 * SPEC F3: the sign-up confirmation email's link (`/signup/confirm?token=…`). Confirming is a
 * button, not the page load, so a mail scanner that opens links does not create the firm.
 */
export function ConfirmSignUpPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [result, confirm] = useMutation(ConfirmFirmSignUp);
  const errors = formErrors(result.error, {});

  const submit = async () => {
    const r = await confirm({ token });
    const s = r.data?.confirmFirmSignUp;
    if (!s) return;
    storeFirmSession(s);
    navigate('/', { replace: true });
  };

  return (
    <AuthCard title="Confirm your email">
      {!token ? (
        <ApiError messages={['This link has no confirmation in it. Open the link from your confirmation email again.']} />
      ) : (
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            Confirm your work email to create your firm on Advisor Dashboard. You become its first admin and are signed in.
          </Typography>
          <ApiError messages={errors.general} />
          <Button variant="contained" onClick={submit} disabled={result.fetching}>
            Confirm and create my firm
          </Button>
        </Stack>
      )}
    </AuthCard>
  );
}
