import type { TestSystem } from './test-system';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface SignedUpFirm {
  token: string;
  memberId: string;
  firmId: string;
  domain: string;
  username: string;
  password: string;
}

const SESSION_FIELDS = 'accessToken expiresAt refreshToken member { id firstName firmRole permissions firm { id name domain } }';

/** SPEC F1, F3: a sign-up answers with a confirmation email sent (or, from a client's invitation, a session). */
export const SIGN_UP = `mutation SignUp($input: SignUpFirmInput!) {
  signUpFirm(input: $input) { status workEmail confirmBy session { ${SESSION_FIELDS} } }
}`;

/** SPEC F3: the founder opens the confirmation link. */
export const CONFIRM_SIGN_UP = `mutation ConfirmSignUp($token: String!) { confirmFirmSignUp(token: $token) { ${SESSION_FIELDS} } }`;

/** The token of the latest sign-up confirmation email to this address. */
export function confirmationTokenFor(system: TestSystem, email: string): string {
  const mail = system.mailTo(email).filter((m) => m.template === 'firm-sign-up-confirmation').pop();
  if (!mail) throw new Error(`no sign-up confirmation email to ${email}`);
  return /token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
}

export function firmInput(overrides: { domain?: string; workEmail?: string; username?: string; password?: string } = {}) {
  const domain = overrides.domain ?? `firm-${unique()}.example`;
  return {
    firmName: `Firm ${domain}`,
    website: `https://${domain}`,
    founder: {
      firstName: 'Fran',
      lastName: 'Founder',
      workEmail: overrides.workEmail ?? `fran@${domain}`,
      jobRole: 'Partner',
      workPhone: '+1 212 555 0100',
      cellPhone: '+1 917 555 0101',
      personalEmail: 'fran@home.example',
      username: overrides.username ?? `fran.${unique()}`,
      password: overrides.password ?? 'correct horse battery staple',
    },
  };
}

/** SPEC F1, F3 through the gateway: a new firm, its founder's email confirmed from the mail, signed in. */
export async function signUpFirm(system: TestSystem, domain?: string): Promise<SignedUpFirm> {
  const input = firmInput({ domain });
  const res = await system.gql(SIGN_UP, { input });
  if (res.errors) throw new Error(`sign-up failed: ${JSON.stringify(res.errors)}`);
  const confirmed = await system.gql(CONFIRM_SIGN_UP, { token: confirmationTokenFor(system, input.founder.workEmail) });
  if (confirmed.errors) throw new Error(`sign-up confirmation failed: ${JSON.stringify(confirmed.errors)}`);
  const s = confirmed.data.confirmFirmSignUp;
  return {
    token: s.accessToken,
    memberId: s.member.id,
    firmId: s.member.firm.id,
    domain: s.member.firm.domain,
    username: input.founder.username,
    password: input.founder.password,
  };
}

export interface ClientWithAdmin {
  clientId: string;
  adminEmail: string;
  adminPassword: string;
  token: string;
}

export const REGISTER_CLIENT_COMPANY = `mutation($input: RegisterClientCompanyInput!) {
  registerClientCompany(input: $input) { id businessName fein platform status admins { id email permissions } }
}`;

/**
 * SPEC C1, G6: registers a client company the way the platform does: through the gateway, with
 * the operator's platform account. Returns the company's id.
 */
export async function registerClientCompany(
  system: TestSystem,
  input: {
    businessName: string;
    fein: string;
    platform: 'PEO' | 'PAYROLL';
    status?: 'ENROLLING' | 'ACTIVE';
    admins: Array<{ firstName: string; lastName: string; email: string; password: string; permissions: string[] }>;
  },
): Promise<{ clientId: string; adminIds: string[] }> {
  const res = await system.gql(
    REGISTER_CLIENT_COMPANY,
    {
      input: {
        status: 'ACTIVE',
        customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan.success@payroll-platform.example' },
        ...input,
      },
    },
    system.platformApiKey,
  );
  if (res.errors) throw new Error(`registerClientCompany failed: ${JSON.stringify(res.errors)}`);
  const company = res.data.registerClientCompany;
  return { clientId: company.id, adminIds: company.admins.map((a: { id: string }) => a.id) };
}

let feinCounter = 1000000;
/** A client company on the platform with one client admin, signed in. */
export async function registerClient(
  system: TestSystem,
  opts: { permissions?: Array<'MANAGE' | 'MANAGE_EMPLOYEES' | 'MANAGE_PAYMENTS' | 'MANAGE_BENEFITS'>; name?: string } = {},
): Promise<ClientWithAdmin> {
  const adminEmail = `admin-${unique()}@client.example`;
  const adminPassword = 'client admin password 1';
  const fein = `12-${String(feinCounter++).padStart(7, '0')}`;
  const { clientId } = await registerClientCompany(system, {
    businessName: opts.name ?? `Client ${fein}`,
    fein,
    platform: 'PAYROLL',
    admins: [
      {
        firstName: 'Casey',
        lastName: 'Client',
        email: adminEmail,
        password: adminPassword,
        permissions: opts.permissions ?? ['MANAGE', 'MANAGE_EMPLOYEES'],
      },
    ],
  });
  const login = await system.gql(
    `mutation($email: String!, $password: String!) { logInClientAdmin(email: $email, password: $password) { accessToken } }`,
    { email: adminEmail, password: adminPassword },
  );
  if (login.errors) throw new Error(`client admin login failed: ${JSON.stringify(login.errors)}`);
  return { clientId, adminEmail, adminPassword, token: login.data.logInClientAdmin.accessToken };
}

export const INVITE = `mutation Invite($input: InviteAccountantFirmInput!) {
  inviteAccountantFirm(input: $input) { id status permissions expiresAt sentAt acknowledgedAt client { id businessName } }
}`;

export const ACCEPT = `mutation Accept($token: String!) { acceptFirmInvitation(token: $token) { id status acceptedAt } }`;

export const MY_CLIENTS = `{
  myClients {
    id businessName platform status myPermissions
    firmLink { permissions firm { id name } }
    assignments { role permissions effectivePermissions member { id firstName lastName workEmail } }
    timeTracking { status }
  }
}`;

/** I1 + I5 + C4 through the gateway: the client invites the firm, its founder accepts, the link lands. */
export async function linkClientToFirm(
  system: TestSystem,
  firm: SignedUpFirm,
  client: ClientWithAdmin,
  permissions: string[] = ['VIEW_COMPANY', 'VIEW_PAYROLL'],
): Promise<void> {
  const email = `fran@${firm.domain}`;
  const sentBefore = system.mailTo(email).length;
  const invited = await system.gql(
    INVITE,
    { input: { accountantName: 'Fran', accountantEmail: email, permissions, acknowledgeFirmWideAccess: true } },
    client.token,
  );
  if (invited.errors) throw new Error(`invite failed: ${JSON.stringify(invited.errors)}`);
  const mails = system.mailTo(email);
  if (mails.length !== sentBefore + 1) throw new Error('no invitation email');
  const token = /token=([A-Za-z0-9_-]+)/.exec(mails[mails.length - 1].text)![1];
  const accepted = await system.gql(ACCEPT, { token }, firm.token);
  if (accepted.errors) throw new Error(`accept failed: ${JSON.stringify(accepted.errors)}`);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const res = await system.gql(`{ myClients { id timeTracking { status } } }`, {}, firm.token);
    if (res.data?.myClients?.some((c: { id: string; timeTracking: unknown }) => c.id === client.clientId && c.timeTracking)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the link did not arrive');
}

export const INVITE_MEMBER = `mutation($input: InviteMemberInput!) {
  inviteMember(input: $input) { id email firmRole permissions status sentAt expiresAt invitedBy { id } }
}`;
export const ACCEPT_MEMBER = `mutation($token: String!, $username: String!, $password: String!) {
  acceptMemberInvitation(token: $token, username: $username, password: $password) {
    accessToken refreshToken member { id firmRole permissions workEmail }
  }
}`;

export interface JoinedMember {
  memberId: string;
  token: string;
  refreshToken: string;
  email: string;
  username: string;
}

let memberCounter = 0;
/** SPEC F5 through the gateway: `inviter` invites someone on the firm's domain, who accepts. */
export async function inviteAndJoin(
  system: TestSystem,
  firm: SignedUpFirm,
  opts: { firmRole?: 'ADMIN' | 'MEMBER' | 'ANALYST'; permissions?: string[]; inviterToken?: string } = {},
): Promise<JoinedMember> {
  const n = memberCounter++;
  const email = `member${n}.${Date.now().toString(36)}@${firm.domain}`;
  const invited = await system.gql(
    INVITE_MEMBER,
    {
      input: {
        firstName: 'Morgan',
        lastName: `Member${n}`,
        email,
        jobRole: 'Staff accountant',
        firmRole: opts.firmRole ?? 'MEMBER',
        permissions: opts.permissions ?? [],
      },
    },
    opts.inviterToken ?? firm.token,
  );
  if (invited.errors) throw new Error(`invite failed: ${JSON.stringify(invited.errors)}`);
  const mails = system.mailTo(email);
  const token = /token=([A-Za-z0-9_-]+)/.exec(mails[mails.length - 1].text)![1];
  const username = `morgan.${n}.${Date.now().toString(36)}`;
  const accepted = await system.gql(ACCEPT_MEMBER, { token, username, password: 'a long enough passphrase' });
  if (accepted.errors) throw new Error(`accept failed: ${JSON.stringify(accepted.errors)}`);
  const s = accepted.data.acceptMemberInvitation;
  return { memberId: s.member.id, token: s.accessToken, refreshToken: s.refreshToken, email, username };
}
