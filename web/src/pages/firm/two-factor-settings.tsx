import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Chip, FormControlLabel, Paper, Stack, Switch, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { useMe } from '../../components/layout';
import { ApiError } from '../../components/feedback';
import { ConfirmButton } from '../../components/confirm-button';
import { EnrolTwoFactor } from '../auth/two-factor';

const TwoFactorStatus = graphql(`
  query TwoFactorStatus {
    me {
      id
      twoFactorEnabled
    }
    myFirm {
      id
      twoFactorRequired
      members {
        id
        firstName
        lastName
        twoFactorEnabled
      }
    }
  }
`);

const RequireTwoFactor = graphql(`
  mutation RequireTwoFactor($required: Boolean!) {
    requireTwoFactor(required: $required) {
      id
      twoFactorRequired
    }
  }
`);

const ResetMemberTwoFactor = graphql(`
  mutation ResetMemberTwoFactor($memberId: ID!) {
    resetMemberTwoFactor(memberId: $memberId) {
      id
      twoFactorEnabled
    }
  }
`);

/**
 * SPEC F9 on Firm Info: the member's own two-factor sign-in (set it up here), and for an ADMIN
 * the firm's "require two-factor sign-in" switch and "Reset second factor" on a member.
 */
export function TwoFactorSettings() {
  const { me } = useMe();
  const isAdmin = me.firmRole === 'ADMIN';
  const [status, refetch] = useQuery({ query: TwoFactorStatus });
  const [requireResult, requireTwoFactor] = useMutation(RequireTwoFactor);
  const [, reset] = useMutation(ResetMemberTwoFactor);
  const [enrolling, setEnrolling] = useState(false);
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const firm = status.data?.myFirm;
  const mine = status.data?.me?.twoFactorEnabled ?? false;

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label="Two-factor sign-in">
      <Typography variant="h2" component="h2" sx={{ mb: 1 }}>
        Two-factor sign-in
      </Typography>
      <ApiError error={status.error} />
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography variant="body2">Your account:</Typography>
          <Chip size="small" label={mine ? 'On' : 'Off'} color={mine ? 'success' : 'default'} variant="outlined" />
        </Stack>
        {!mine && !enrolling && (
          <div>
            <Button variant="outlined" onClick={() => setEnrolling(true)}>
              Set up two-factor sign-in
            </Button>
          </div>
        )}
        {!mine && enrolling && (
          <EnrolTwoFactor
            onDone={() => {
              setEnrolling(false);
              refresh();
            }}
          />
        )}
        {isAdmin && firm && (
          <>
            <FormControlLabel
              control={
                <Switch
                  checked={firm.twoFactorRequired}
                  disabled={requireResult.fetching}
                  onChange={async (e) => {
                    const r = await requireTwoFactor({ required: e.target.checked });
                    if (!r.error) refresh();
                  }}
                />
              }
              label="Require two-factor sign-in for every member"
            />
            <ApiError error={requireResult.error} />
            {firm.twoFactorRequired && (
              <Alert severity="info">Members without two-factor sign-in are asked to set it up at their next sign-in, and can do nothing else until they have.</Alert>
            )}
            <Table size="small" aria-label="Members' two-factor sign-in">
              <TableHead>
                <TableRow>
                  <TableCell>Member</TableCell>
                  <TableCell>Two-factor sign-in</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {firm.members.map((m) => (
                  <TableRow key={m.id}>
                    <TableCell>
                      {m.firstName} {m.lastName}
                    </TableCell>
                    <TableCell>{m.twoFactorEnabled ? 'On' : 'Off'}</TableCell>
                    <TableCell>
                      {m.twoFactorEnabled && m.id !== me.id && (
                        <ConfirmButton
                          label="Reset second factor"
                          aria-label={`Reset second factor of ${m.firstName} ${m.lastName}`}
                          title={`Reset ${m.firstName} ${m.lastName}'s second factor?`}
                          onConfirm={async () => {
                            const r = await reset({ memberId: m.id });
                            if (!r.error) refresh();
                            return r;
                          }}
                        >
                          Their authenticator app and recovery codes stop working and their sessions end.
                          {firm.twoFactorRequired ? ' They set up a new one at their next sign-in.' : ''}
                        </ConfirmButton>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}
