import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, List, ListItem, ListItemText, Paper, Stack } from '@mui/material';
import { graphql } from '../../gql';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { formatDateTime } from '../../labels';

const Notifications = graphql(`
  query MyNotifications {
    myNotifications {
      id
      kind
      title
      body
      createdAt
      read
      invitation {
        id
        status
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      read
      readAt
    }
  }
`);

/** SPEC I7: the client admin's in-product notifications. */
export function NotificationsPage() {
  const [{ data, fetching, error }] = useQuery({ query: Notifications });
  const [markResult, markRead] = useMutation(MarkRead);
  const items = data?.myNotifications ?? [];
  return (
    <>
      <PageHeader title="Notifications" />
      <ApiError error={error ?? markResult.error} />
      {fetching && !data && <Loading what="Loading notifications" />}
      {data && items.length === 0 && <Empty>No notifications.</Empty>}
      {items.length > 0 && (
        <Paper>
          <List aria-label="Notifications">
            {items.map((n) => (
              <ListItem key={n.id} divider sx={{ bgcolor: n.read ? undefined : 'action.hover' }}>
                <ListItemText
                  primary={`${n.read ? '' : '● '}${n.title}`}
                  secondary={`${n.body} · ${formatDateTime(n.createdAt)}`}
                  slotProps={{ primary: { sx: { fontWeight: n.read ? 400 : 600 } } }}
                />
                <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
                  {n.invitation && n.invitation.status === 'PENDING' && (
                    <Button size="small" variant="contained" component={RouterLink} to={`/requests/${n.invitation.id}`} onClick={() => !n.read && markRead({ id: n.id })}>
                      View request
                    </Button>
                  )}
                  {!n.read && (
                    <Button size="small" onClick={() => markRead({ id: n.id })}>
                      Mark read
                    </Button>
                  )}
                </Stack>
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </>
  );
}
