import { useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Alert, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { graphql } from '../../gql';
import type { ClientPermission } from '../../gql/graphql';
import { formErrors } from '../../api/errors';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { PermissionPicker } from '../../components/permission-picker';
import { CLIENT_PERMISSIONS, CLIENT_PERMISSION_LABEL, PLATFORM_LABEL, STATUS_LABEL, formatDateTime, permissionList } from '../../labels';

const Requests = graphql(`
  query ReviewFirmRequest {
    receivedFirmRequests {
      id
      status
      businessName
      businessNameMatches
      platform
      accountantName
      accountantEmail
      permissions
      requestedPermissions
      sentAt
      expiresAt
    }
  }
`);

const RequestNotifications = graphql(`
  query RequestNotifications {
    myNotifications(unreadOnly: true) {
      id
      invitation {
        id
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkRequestNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      read
    }
  }
`);

const Accept = graphql(`
  mutation AcceptFirmRequest($invitationId: ID!, $permissions: [ClientPermission!]) {
    acceptFirmRequest(invitationId: $invitationId, permissions: $permissions) {
      id
      status
      permissions
    }
  }
`);

const Reject = graphql(`
  mutation RejectFirmRequest($invitationId: ID!) {
    rejectFirmRequest(invitationId: $invitationId) {
      id
      status
    }
  }
`);

/**
 * SPEC I4: a firm's request, opened from its email (`/requests/:id`) or the Third party screen:
 * the client admin edits the requested permissions, then accepts or rejects.
 */
export function ReviewRequestPage() {
  const { invitationId } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: Requests });
  const request = data?.receivedFirmRequests.find((r) => r.id === invitationId);
  const [edited, setEdited] = useState<ClientPermission[] | null>(null);
  const [acceptResult, accept] = useMutation(Accept);
  const [rejectResult, reject] = useMutation(Reject);
  const errors = formErrors(acceptResult.error ?? rejectResult.error);
  // Opening the request is reading its notification (SPEC I7).
  const [notifications] = useQuery({ query: RequestNotifications });
  const [, markRead] = useMutation(MarkRead);
  const unreadIds = (notifications.data?.myNotifications ?? []).filter((n) => n.invitation?.id === invitationId).map((n) => n.id).join(',');
  useEffect(() => {
    if (request && unreadIds) for (const id of unreadIds.split(',')) void markRead({ id });
  }, [request, unreadIds, markRead]);

  if (fetching && !data) return <Loading what="Loading the request" />;
  if (!request) {
    return (
      <>
        <PageHeader title="Firm request" />
        <ApiError error={error} />
        <Empty>
          This request is not for your company, or it no longer exists.{' '}
          <Link component={RouterLink} to="/company">
            Back to Third party
          </Link>
        </Empty>
      </>
    );
  }
  const permissions = edited ?? [...(request.requestedPermissions ?? request.permissions)];
  const pending = request.status === 'PENDING';
  return (
    <>
      <PageHeader title="An accounting firm asks for access" subtitle={`Sent ${formatDateTime(request.sentAt)} · expires ${formatDateTime(request.expiresAt)}`} />
      <Paper sx={{ p: 3, maxWidth: 760 }}>
        <Stack spacing={1}>
          <Typography variant="body2">
            <strong>From:</strong> {request.accountantName} ({request.accountantEmail})
          </Typography>
          <Typography variant="body2">
            <strong>For:</strong> {request.businessName} on {request.platform ? PLATFORM_LABEL[request.platform] : 'your platform'}
          </Typography>
          {request.businessNameMatches === false && (
            <Alert severity="warning">The business name the firm entered differs from your company's registered name. Make sure you know this firm.</Alert>
          )}
          <Typography variant="body2">
            <strong>Asked for:</strong> {permissionList(request.requestedPermissions ?? [])}
          </Typography>
          {pending ? (
            <>
              <PermissionPicker
                label="Permissions you grant the firm (edit before accepting)"
                options={CLIENT_PERMISSIONS}
                labels={CLIENT_PERMISSION_LABEL}
                value={permissions}
                onChange={setEdited}
                error={errors.fields.permissions}
              />
              <ApiError messages={errors.general} />
              <Stack direction="row" spacing={1}>
                <Button
                  variant="contained"
                  disabled={acceptResult.fetching || permissions.length === 0}
                  onClick={async () => {
                    const r = await accept({ invitationId: request.id, permissions });
                    if (r.data) navigate('/company', { replace: true });
                  }}
                >
                  Accept
                </Button>
                <Button
                  color="error"
                  disabled={rejectResult.fetching}
                  onClick={async () => {
                    const r = await reject({ invitationId: request.id });
                    if (r.data) navigate('/company', { replace: true });
                  }}
                >
                  Reject
                </Button>
              </Stack>
            </>
          ) : (
            <Alert severity="info">
              This request is {STATUS_LABEL[request.status]?.toLowerCase()}.{' '}
              {request.status === 'ACCEPTED' && `The firm may: ${permissionList(request.permissions)}.`}
            </Alert>
          )}
        </Stack>
      </Paper>
    </>
  );
}
