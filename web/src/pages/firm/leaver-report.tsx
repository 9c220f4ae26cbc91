import { Link as RouterLink } from 'react-router';
import { useQuery } from 'urql';
import { Button, Chip, Dialog, DialogActions, DialogContent, DialogTitle, Link, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { graphql } from '../../gql';
import type { LeaverReportQuery } from '../../gql/graphql';
import { ApiError, Loading } from '../../components/feedback';
import { CsvDownloadButton } from '../../components/csv-download';
import { CLIENT_ROLE_LABEL, PLATFORM_LABEL, formatDate, formatDateTime, permissionList } from '../../labels';

const LeaverReport = graphql(`
  query LeaverReport($memberId: ID!) {
    leaverReport(memberId: $memberId) {
      memberId
      member {
        id
        firstName
        lastName
        active
      }
      seesAllClients
      reachableClients {
        client {
          id
        }
        businessName
        platform
        assigned
        role
        permissions
        endsAt
      }
      soleResponsibleClients {
        client {
          id
        }
        businessName
      }
      serviceAccountsCreated {
        id
        name
        createdAt
        revokedAt
      }
      pendingMemberInvitations {
        id
        email
        expiresAt
      }
      pendingClientRequests {
        id
        businessName
        expiresAt
      }
    }
  }
`);

type Report = LeaverReportQuery['leaverReport'];

/** SPEC F11: who may open a member's leaver report (the API decides; this only hides the button). */
export const mayReadLeaverReport = (firmRole: string, permissions: readonly string[]) =>
  firmRole === 'ADMIN' || (permissions.includes('MANAGE_MEMBERS') && permissions.includes('VIEW_ALL_CLIENTS'));

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <Stack spacing={1} sx={{ mb: 3 }} component="section" aria-label={title}>
      <Typography variant="subtitle1" component="h3">
        {title} <Chip size="small" label={count} sx={{ ml: 1 }} />
      </Typography>
      {count === 0 ? <Typography variant="body2" color="text.secondary">None.</Typography> : children}
    </Stack>
  );
}

/**
 * SPEC F11: everything a member can reach, to hand over before (or check after) they leave: the
 * clients they reach with their effective permissions and role, where they are the only
 * RESPONSIBLE member, the service accounts they created, and their invitations still pending.
 */
export function LeaverReportDialog({ memberId, onClose }: { memberId: string; onClose: () => void }) {
  const [{ data, fetching, error }] = useQuery({ query: LeaverReport, variables: { memberId }, requestPolicy: 'network-only' });
  const report: Report | undefined = data?.leaverReport;
  const name = report ? `${report.member.firstName} ${report.member.lastName}` : '';
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="leaver-report-title">
      <DialogTitle id="leaver-report-title">Leaver report{name ? `: ${name}` : ''}{report && !report.member.active ? ' (deactivated)' : ''}</DialogTitle>
      <DialogContent>
        <ApiError error={error} />
        {fetching && !report ? <Loading what="Reading what they can reach" /> : null}
        {report && (
          <>
            <Section title="Clients they can reach" count={report.reachableClients.length}>
              {report.seesAllClients && <Typography variant="body2">They see every client of the firm (admin or View all clients).</Typography>}
              <Table size="small" aria-label="Clients they can reach">
                <TableHead>
                  <TableRow>
                    <TableCell>Client</TableCell>
                    <TableCell>Platform</TableCell>
                    <TableCell>Role</TableCell>
                    <TableCell>Effective permissions</TableCell>
                    <TableCell>Ends</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {report.reachableClients.map((c) => (
                    <TableRow key={c.client?.id ?? c.businessName}>
                      <TableCell>{c.client ? <Link component={RouterLink} to={`/clients/view/${c.client.id}`}>{c.businessName}</Link> : c.businessName}</TableCell>
                      <TableCell>{PLATFORM_LABEL[c.platform] ?? c.platform}</TableCell>
                      <TableCell>{c.role ? CLIENT_ROLE_LABEL[c.role] : 'Not assigned'}</TableCell>
                      <TableCell>{c.permissions.length ? permissionList(c.permissions) : '—'}</TableCell>
                      <TableCell>{c.endsAt ? formatDate(c.endsAt) : '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Section>
            <Section title="Clients where they are the only responsible member" count={report.soleResponsibleClients.length}>
              <Typography variant="body2">Make someone else responsible before they go:</Typography>
              <ul>
                {report.soleResponsibleClients.map((c) => (
                  <li key={c.client?.id ?? c.businessName}>{c.client ? <Link component={RouterLink} to={`/clients/view/${c.client.id}`}>{c.businessName}</Link> : c.businessName}</li>
                ))}
              </ul>
            </Section>
            <Section title="Service accounts they created" count={report.serviceAccountsCreated.length}>
              <ul>
                {report.serviceAccountsCreated.map((a) => (
                  <li key={a.id}>
                    {a.name}, created {formatDateTime(a.createdAt)}{a.revokedAt ? `, revoked ${formatDateTime(a.revokedAt)}` : ' (still working)'}
                  </li>
                ))}
              </ul>
            </Section>
            <Section title="Team invitations they sent, still pending" count={report.pendingMemberInvitations.length}>
              <ul>
                {report.pendingMemberInvitations.map((i) => (
                  <li key={i.id}>{i.email}, until {formatDateTime(i.expiresAt)}</li>
                ))}
              </ul>
            </Section>
            <Section title="Requests for client access they sent, still pending" count={report.pendingClientRequests.length}>
              <ul>
                {report.pendingClientRequests.map((r) => (
                  <li key={r.id}>{r.businessName ?? 'A client'}, until {formatDateTime(r.expiresAt)}</li>
                ))}
              </ul>
            </Section>
          </>
        )}
      </DialogContent>
      <DialogActions>
        {report ? <CsvDownloadButton report="leaver-report" params={{ memberId }} /> : null}
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
