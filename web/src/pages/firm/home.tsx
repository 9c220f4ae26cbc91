import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { Box, Button, Grid, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { graphql } from '../../gql';
import { useCan, useMe } from '../../components/layout';
import { ApiError, Empty, Loading, PageHeader } from '../../components/feedback';
import { attentionItems } from './attention';
import { PayrollAttentionQuery } from '../payroll/documents';

const Home = graphql(`
  query Home($listed: Int!) {
    activeClientCount
    enrolling: myClientsPage(status: ENROLLING, first: $listed) {
      totalCount
      edges {
        node {
          id
          businessName
          onboarding {
            step
            completedAt
          }
        }
      }
    }
    firmRequests {
      id
      businessName
      expiresAt
    }
    myFirm {
      id
      support {
        email
        hours
        responseTime
        escalationContact {
          name
          email
          phone
        }
      }
    }
  }
`);

const UnassignedClients = graphql(`
  query UnassignedClients($listed: Int!) {
    myClientsPage(status: ACTIVE, unassigned: true, first: $listed) {
      totalCount
      edges {
        node {
          id
          businessName
        }
      }
    }
  }
`);

/** How many clients of each kind the attention list names; the rest are counted (SPEC C7: a firm may have thousands). */
export const HOME_LISTED = 5;

const ExpiredInvitations = graphql(`
  query ExpiredInvitations {
    myFirm {
      id
      pendingInvitations {
        id
        firstName
        lastName
        status
      }
    }
  }
`);

/** The home dashboard: active clients (SPEC C7), what needs attention (payroll too: SPEC P2, P3), support (SPEC F8). */
export function HomePage() {
  const { me } = useMe();
  const { can } = useCan();
  const [{ data, fetching, error }] = useQuery({ query: Home, variables: { listed: HOME_LISTED } });
  // Only someone who may assign is asked to (SPEC F6, G3).
  const [unassigned] = useQuery({ query: UnassignedClients, variables: { listed: HOME_LISTED }, pause: !can('assignClients') });
  const [invitations] = useQuery({ query: ExpiredInvitations, pause: !can('manageMembers') });
  const [payroll] = useQuery({ query: PayrollAttentionQuery });
  const items = data
    ? attentionItems({
        expiredInvitations: (invitations.data?.myFirm?.pendingInvitations ?? []).filter((i) => i.status === 'EXPIRED'),
        enrollingClients: data.enrolling.edges.map((e) => e.node),
        unassignedClients: unassigned.data?.myClientsPage.edges.map((e) => e.node) ?? [],
        totals: { enrolling: data.enrolling.totalCount, unassigned: unassigned.data?.myClientsPage.totalCount },
        pendingRequests: data.firmRequests,
        payroll: payroll.data?.payrollAttention ?? [],
      })
    : [];
  const support = data?.myFirm?.support;
  return (
    <>
      <PageHeader
        title={`Welcome, ${me.firstName}`}
        actions={
          can('manageClients') && (
            <Button variant="contained" component={RouterLink} to="/clients/new">
              Add new client
            </Button>
          )
        }
      />
      <ApiError error={error} />
      {fetching && !data && <Loading what="Loading your dashboard" />}
      {data && (
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, md: 4 }}>
            <Paper sx={{ p: 2 }}>
              <Typography variant="body2" color="text.secondary">
                Active clients
              </Typography>
              <Typography variant="h1" component="p" aria-label="Active client count" sx={{ fontSize: '2.4rem' }}>
                {data.activeClientCount}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                Clients still enrolling are not counted.
              </Typography>
              <Box sx={{ mt: 1 }}>
                <Button size="small" component={RouterLink} to="/clients/payroll">
                  Payroll clients
                </Button>
                <Button size="small" component={RouterLink} to="/clients/peo">
                  PEO clients
                </Button>
              </Box>
            </Paper>
          </Grid>
          <Grid size={{ xs: 12, md: 8 }}>
            <Paper sx={{ p: 2 }}>
              <Typography variant="h2" component="h2">
                Needs your attention
              </Typography>
              {items.length === 0 ? (
                <Empty>Nothing needs your attention right now.</Empty>
              ) : (
                <List dense aria-label="Needs your attention">
                  {items.map((i) => (
                    <ListItem
                      key={i.key}
                      divider
                      secondaryAction={
                        <Button size="small" component={RouterLink} to={i.to}>
                          {i.action}
                        </Button>
                      }
                    >
                      <ListItemText primary={i.text} sx={{ pr: 18 }} />
                    </ListItem>
                  ))}
                </List>
              )}
            </Paper>
          </Grid>
          {support && (
            <Grid size={{ xs: 12 }}>
              <Paper sx={{ p: 2 }}>
                <Typography variant="h3" component="h2" sx={{ mb: 1 }}>
                  Help with Advisor Dashboard
                </Typography>
                <Typography variant="body2">
                  Email <a href={`mailto:${support.email}`}>{support.email}</a> · {support.hours} · {support.responseTime}
                </Typography>
                <Typography variant="body2">
                  Escalations: {support.escalationContact.name} (<a href={`mailto:${support.escalationContact.email}`}>{support.escalationContact.email}</a>
                  {support.escalationContact.phone ? `, ${support.escalationContact.phone}` : ''})
                </Typography>
              </Paper>
            </Grid>
          )}
        </Grid>
      )}
    </>
  );
}
