import { eventually, type TestSystem } from './test-system';
import { registerClientCompany, type ClientWithAdmin } from './fixtures';

/** Helpers for firm → client invitations (SPEC I3, I4, I7) and the invitations service's replicas. */

export type AdminPermission = 'MANAGE' | 'MANAGE_EMPLOYEES' | 'MANAGE_PAYMENTS' | 'MANAGE_BENEFITS';

export interface RegisteredAdmin {
  id: string;
  email: string;
  password: string;
  token: string;
  permissions: AdminPermission[];
}

/** A client company with several admins, each signed in. Shaped like `ClientWithAdmin` for its first admin. */
export interface RegisteredClient extends ClientWithAdmin {
  fein: string;
  businessName: string;
  platform: 'PEO' | 'PAYROLL';
  admins: RegisteredAdmin[];
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
// A prefix of its own (34-), so these never collide with `registerClient`'s (12-) in one system.
let feinCounter = 2000000;

export const LOG_IN_CLIENT_ADMIN = `mutation($email: String!, $password: String!) {
  logInClientAdmin(email: $email, password: $password) { accessToken clientAdmin { id } }
}`;

/**
 * SPEC C1: registers a client company through the gateway with the platform account (G6), with
 * the given admins, and signs each of them in through the gateway.
 */
export async function registerClientWithAdmins(
  system: TestSystem,
  opts: { name?: string; platform?: 'PEO' | 'PAYROLL'; admins?: AdminPermission[][] } = {},
): Promise<RegisteredClient> {
  const fein = `34-${String(feinCounter++).padStart(7, '0')}`;
  const businessName = opts.name ?? `Client ${fein}`;
  const platform = opts.platform ?? 'PAYROLL';
  const password = 'client admin password 1';
  const permissionSets = opts.admins ?? [['MANAGE', 'MANAGE_EMPLOYEES']];
  const emails = permissionSets.map((_, i) => `admin${i}-${unique()}@client.example`);
  const { clientId } = await registerClientCompany(system, {
    businessName,
    fein,
    platform,
    admins: permissionSets.map((permissions, i) => ({
      firstName: `Admin${i}`,
      lastName: 'Client',
      email: emails[i],
      password,
      permissions,
    })),
  });
  const admins: RegisteredAdmin[] = [];
  for (const [i, email] of emails.entries()) {
    const login = await system.gql(LOG_IN_CLIENT_ADMIN, { email, password });
    if (login.errors) throw new Error(`client admin login failed: ${JSON.stringify(login.errors)}`);
    admins.push({
      id: login.data.logInClientAdmin.clientAdmin.id,
      email,
      password,
      token: login.data.logInClientAdmin.accessToken,
      permissions: permissionSets[i],
    });
  }
  return {
    clientId,
    fein,
    businessName,
    platform,
    admins,
    adminEmail: admins[0].email,
    adminPassword: password,
    token: admins[0].token,
  };
}

export const INVITATION_FIELDS = `id kind status accountantName accountantEmail permissions requestedPermissions
  sentAt expiresAt acceptedAt rejectedAt businessName businessNameMatches platform requestedBy { id } client { id }`;

export const REQUEST_ACCESS = `mutation Request($input: RequestClientAccessInput!) {
  requestClientAccess(input: $input) { ${INVITATION_FIELDS} }
}`;
export const ACCEPT_REQUEST = `mutation AcceptRequest($invitationId: ID!, $permissions: [ClientPermission!]) {
  acceptFirmRequest(invitationId: $invitationId, permissions: $permissions) { ${INVITATION_FIELDS} }
}`;
export const REJECT_REQUEST = `mutation RejectRequest($invitationId: ID!) {
  rejectFirmRequest(invitationId: $invitationId) { ${INVITATION_FIELDS} }
}`;
export const FIRM_REQUESTS = `query FirmRequests($platform: Platform) { firmRequests(platform: $platform) { id status platform businessName } }`;
export const RECEIVED_REQUESTS = `{ receivedFirmRequests { ${INVITATION_FIELDS} } }`;
export const MY_NOTIFICATIONS = `query Notifications($unreadOnly: Boolean) {
  myNotifications(unreadOnly: $unreadOnly) { id kind title body read readAt createdAt invitation { id status } }
}`;
export const MARK_READ = `mutation MarkRead($id: ID!) { markNotificationRead(id: $id) { id read readAt } }`;
export const AUDIT_TRAIL = `query Audit($first: Int) {
  invitationAuditTrail(first: $first) { id action actorRealm actorId subjectId before after at }
}`;

export function requestInput(
  client: Pick<RegisteredClient, 'fein' | 'businessName' | 'platform'>,
  overrides: Record<string, unknown> = {},
) {
  return {
    input: {
      businessName: client.businessName,
      fein: client.fein,
      platform: client.platform,
      permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'],
      ...overrides,
    },
  };
}

/** Rows of the invitations service's own database (what was written, and what was not). */
export async function invitationsDb<T = any>(system: TestSystem, sql: string, params: unknown[] = []): Promise<T[]> {
  return system.services.invitations.db.dataSource.query(sql, params);
}

/** Waits until `client-company.changed` has reached the invitations service's directory copy. */
export async function whenInDirectory(system: TestSystem, clientId: string): Promise<void> {
  await eventually(
    async () => (await invitationsDb(system, 'SELECT client_id FROM client_directory WHERE client_id = ?', [clientId])).length === 1,
    20_000,
    'the client company to reach the invitations directory',
  );
}

/** Waits until `client.linked` has reached the invitations service's link copy. */
export async function whenLinkKnown(system: TestSystem, clientId: string): Promise<{ firm_id: string; link_id: string }> {
  return eventually(async () => {
    const [row] = await invitationsDb(system, 'SELECT firm_id, link_id FROM client_links WHERE client_id = ?', [clientId]);
    return row;
  }, 20_000, 'the firm link to reach the invitations service');
}

/**
 * SPEC I3 through the gateway, once the client is in the directory: `client-company.changed`
 * travels through Kafka, so a request sent right after registration may not find it yet.
 */
export async function requestAccessOnceListed(
  system: TestSystem,
  firmToken: string,
  variables: ReturnType<typeof requestInput>,
): Promise<any> {
  return eventually(async () => {
    const res = await system.gql(REQUEST_ACCESS, variables, firmToken);
    if (res.errors?.[0]?.extensions?.code === 'CLIENT_NOT_FOUND_ON_PLATFORM') return undefined;
    return res;
  }, 20_000, 'the firm request to find the client');
}

/** The firm's request as the invitations service stored it, and the events it has enqueued about it. */
export async function outboxEventsAbout(system: TestSystem, invitationId: string): Promise<Array<{ topic: string; envelope: string }>> {
  return invitationsDb(system, 'SELECT topic, envelope FROM outbox_events WHERE envelope LIKE ?', [`%${invitationId}%`]);
}

/**
 * Holds a row lock on one invitation (MySQL) until `release`, so that concurrent answers all read
 * it as PENDING and then queue on their UPDATE: the race is forced, not left to timing.
 */
export async function lockInvitationRow(system: TestSystem, invitationId: string): Promise<{ release(): Promise<void> }> {
  const runner = system.services.invitations.db.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  await runner.query('SELECT id FROM invitations WHERE id = ? FOR UPDATE', [invitationId]);
  return {
    release: async () => {
      try {
        await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
    },
  };
}

/**
 * Waits until `count` transactions are blocked on a lock while answering this invitation: on
 * the invitation's row, or on its client's (answers for one client take turns).
 */
export async function whenWaitingOnInvitation(system: TestSystem, invitationId: string, count: number, clientId?: string): Promise<void> {
  await eventually(async () => {
    const [row] = await invitationsDb(
      system,
      "SELECT COUNT(*) AS n FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT' AND (trx_query LIKE ? OR trx_query LIKE ?)",
      [`%${invitationId}%`, `%${clientId ?? invitationId}%`],
    );
    return Number(row.n) === count;
  }, 15_000, `${count} answers to wait on the invitation's row lock`);
}
