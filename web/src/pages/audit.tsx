import { useState } from 'react';
import { useQuery } from 'urql';
import { Tab, Tabs } from '@mui/material';
import { graphql } from '../gql';
import { humanize } from '../labels';
import { PageHeader } from '../components/feedback';
import { AuditTable, type AuditRow } from '../components/audit-table';

const FirmAudit = graphql(`
  query FirmAudit {
    firmAuditTrail(first: 200) {
      id
      action
      subjectType
      subjectId
      before
      after
      at
      actor {
        id
        firstName
        lastName
      }
    }
  }
`);

const ClientAudit = graphql(`
  query ClientAudit {
    clientAuditTrail(first: 200) {
      id
      action
      actorRealm
      actorId
      subjectType
      subjectId
      before
      after
      at
    }
  }
`);

const InvitationAudit = graphql(`
  query InvitationAudit {
    invitationAuditTrail(first: 200) {
      id
      action
      actorRealm
      actorId
      subjectId
      before
      after
      at
    }
  }
`);

const Names = graphql(`
  query AuditNames {
    myFirm {
      id
      name
      members(includeInactive: true) {
        id
        firstName
        lastName
      }
    }
    myClients {
      id
      businessName
    }
  }
`);

/** SPEC G6: a firm admin's audit trail names service accounts too. */
const ServiceAccountNames = graphql(`
  query AuditServiceAccountNames {
    serviceAccounts {
      id
      name
    }
  }
`);

const shortId = (id: string) => id.slice(0, 8);
/** What an entry is about, by name when the firm knows it (a member, a client, a service account). */
const subjectOf = (names: ReadonlyMap<string, string>, type: string, id: string) => `${humanize(type)} ${names.get(id) ?? shortId(id)}`;
const REALM_ACTOR: Record<string, string> = { FIRM: 'Firm member', CLIENT: 'Client admin', SYSTEM: 'System' };
const realmActor = (names: ReadonlyMap<string, string>, realm: string, id?: string | null) =>
  (id && names.get(id)) ?? REALM_ACTOR[realm.toUpperCase()] ?? humanize(realm);

/** A firm reads its members' and clients' names instead of ids. */
function useFirmNames(): ReadonlyMap<string, string> {
  const [{ data }] = useQuery({ query: Names });
  const names = new Map<string, string>();
  if (data?.myFirm) names.set(data.myFirm.id, data.myFirm.name);
  for (const m of data?.myFirm?.members ?? []) names.set(m.id, `${m.firstName} ${m.lastName}`);
  for (const c of data?.myClients ?? []) names.set(c.id, c.businessName);
  return names;
}

function ClientTrail({ names = new Map() }: { names?: ReadonlyMap<string, string> }) {
  const [{ data, fetching, error }] = useQuery({ query: ClientAudit });
  const rows: AuditRow[] = (data?.clientAuditTrail ?? []).map((e) => ({
    id: e.id,
    action: e.action,
    actor: realmActor(names, e.actorRealm, e.actorId),
    subject: subjectOf(names, e.subjectType, e.subjectId),
    before: e.before,
    after: e.after,
    at: e.at,
  }));
  return <AuditTable label="Links, permissions and assignments" rows={rows} loading={fetching && !data} error={error} names={names} />;
}

function InvitationTrail({ names = new Map() }: { names?: ReadonlyMap<string, string> }) {
  const [{ data, fetching, error }] = useQuery({ query: InvitationAudit });
  const rows: AuditRow[] = (data?.invitationAuditTrail ?? []).map((e) => ({
    id: e.id,
    action: e.action,
    actor: realmActor(names, e.actorRealm, e.actorId),
    subject: `Invitation ${shortId(e.subjectId)}`,
    before: e.before,
    after: e.after,
    at: e.at,
  }));
  return <AuditTable label="Invitations" rows={rows} loading={fetching && !data} error={error} names={names} />;
}

function FirmTrail({ names: firmNames }: { names: ReadonlyMap<string, string> }) {
  const [{ data, fetching, error }] = useQuery({ query: FirmAudit });
  const [accounts] = useQuery({ query: ServiceAccountNames });
  const names = new Map(firmNames);
  for (const a of accounts.data?.serviceAccounts ?? []) names.set(a.id, a.name);
  const rows: AuditRow[] = (data?.firmAuditTrail ?? []).map((e) => ({
    id: e.id,
    action: e.action,
    actor: e.actor ? `${e.actor.firstName} ${e.actor.lastName}` : 'System',
    subject: subjectOf(names, e.subjectType, e.subjectId),
    before: e.before,
    after: e.after,
    at: e.at,
  }));
  return <AuditTable label="Firm and members" rows={rows} loading={fetching && !data} error={error} names={names} />;
}

/** SPEC G4 for a firm: its members and invitations, client links and assignments, client invitations. */
export function FirmAuditPage() {
  const [tab, setTab] = useState('clients');
  const names = useFirmNames();
  return (
    <>
      <PageHeader title="Audit trail" subtitle="Every change of permissions, links, assignments and invitations: who, when, before and after." />
      <Tabs value={tab} onChange={(_, v) => setTab(v)} aria-label="Audit trails" sx={{ mb: 1 }}>
        <Tab value="clients" label="Clients and assignments" />
        <Tab value="invitations" label="Client invitations" />
        <Tab value="firm" label="Firm and members" />
      </Tabs>
      {tab === 'clients' && <ClientTrail names={names} />}
      {tab === 'invitations' && <InvitationTrail names={names} />}
      {tab === 'firm' && <FirmTrail names={names} />}
    </>
  );
}

/** SPEC G4 for a client admin: the company's link, its permissions and its invitations. */
export function CompanyAuditPage() {
  const [tab, setTab] = useState('clients');
  return (
    <>
      <PageHeader title="Audit trail" subtitle="Changes to your accountant firm's access: who, when, before and after." />
      <Tabs value={tab} onChange={(_, v) => setTab(v)} aria-label="Audit trails" sx={{ mb: 1 }}>
        <Tab value="clients" label="Firm link and permissions" />
        <Tab value="invitations" label="Invitations" />
      </Tabs>
      {tab === 'clients' && <ClientTrail />}
      {tab === 'invitations' && <InvitationTrail />}
    </>
  );
}
