import { useEffect } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Stack, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { formErrors } from '../../api/errors';
import { useSession } from '../../api/session';
import { ApiError, Loading } from '../../components/feedback';
import { AuthCard } from './auth-card';

const AcceptFirmInvitation = graphql(`
  mutation AcceptFirmInvitation($token: String!) {
    acceptFirmInvitation(token: $token) {
      id
      status
      platform
      client {
        id
      }
    }
  }
`);

const ConnectedClient = graphql(`
  query ConnectedClient {
    myClients {
      id
      businessName
      platform
    }
  }
`);

/**
 * SPEC I5: the link in a client's invitation email (`/invitations/accept?token=…`). The
 * accountant logs in, or signs up a new firm first, and comes back here to accept; whoever
 * accepts is assigned to the client (SPEC C4).
 */
export function AcceptFirmInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const location = useLocation();
  const session = useSession();
  const here = encodeURIComponent(location.pathname + location.search);
  const [result, accept] = useMutation(AcceptFirmInvitation);
  const accepted = result.data?.acceptFirmInvitation;
  const clientId = accepted?.client?.id;
  // The link reaches the client list through an event: wait until the client shows there.
  const [clients, refetch] = useQuery({ query: ConnectedClient, pause: !accepted, requestPolicy: 'network-only' });
  const connected = clients.data?.myClients.find((c) => c.id === clientId);
  useEffect(() => {
    if (!accepted || connected || clients.fetching) return;
    const timer = setTimeout(() => refetch({ requestPolicy: 'network-only' }), 700);
    return () => clearTimeout(timer);
  }, [accepted, connected, clients.fetching, refetch]);

  if (!token) {
    return (
      <AuthCard title="Accept a client's invitation">
        <ApiError messages={['This link has no invitation in it. Open the link from the invitation email again.']} />
      </AuthCard>
    );
  }
  if (session?.realm !== 'firm') {
    return (
      <AuthCard title="A client invited you to Advisor Dashboard">
        <Typography variant="body2" sx={{ mb: 2 }}>
          Log in to your firm's Advisor Dashboard account to connect the client. New to Advisor Dashboard? Get started by creating an account
          for your firm; you will come back here to accept.
        </Typography>
        <Stack direction="row" spacing={2}>
          <Button variant="contained" component={RouterLink} to={`/login?as=firm&next=${here}`}>
            Log in
          </Button>
          <Button variant="outlined" component={RouterLink} to={`/signup?next=${here}`}>
            Get started
          </Button>
        </Stack>
      </AuthCard>
    );
  }
  const errors = formErrors(result.error);
  return (
    <AuthCard title="Accept the client's invitation">
      {!accepted && (
        <>
          <Typography variant="body2" sx={{ mb: 2 }}>
            You are signed in as {session.name}. Accepting connects the client to your firm and assigns it to you.
          </Typography>
          <ApiError messages={errors.general} />
          <Button variant="contained" onClick={() => accept({ token })} disabled={result.fetching}>
            Accept invite
          </Button>
        </>
      )}
      {accepted && !connected && <Loading what="Connecting the client to your firm" />}
      {accepted && connected && (
        <>
          <Alert severity="success" sx={{ mb: 2 }}>
            {connected.businessName} is now connected to your firm, and you are assigned to it.
          </Alert>
          <Button variant="contained" component={RouterLink} to={`/clients/view/${connected.id}`}>
            Open {connected.businessName}
          </Button>
        </>
      )}
    </AuthCard>
  );
}
