import { Secret, TOTP } from 'otpauth';
import type { Logger } from '@advisor/kit';
import type { RunningSystem } from './system';
import { seedPayrollDemo } from './payroll-demo';

export const DEMO = {
  firm: { username: 'demo.partner', password: 'ledger-and-co-demo-2026' },
  clientAdmin: { email: 'owner@acmebakery.example', password: 'acme-bakery-demo-2026' },
  /** SPEC F9: a second firm that requires two-factor sign-in; its founder enrols at seeding (secret in the demo log). */
  twoFactorFirm: { username: 'demo.northwind', password: 'northwind-demo-2026' },
} as const;

/** Sends one GraphQL request to the gateway, as a browser would. */
export async function gatewayRequest<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string; [key: string]: unknown } }>; status: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { ...((await res.json()) as object), status: res.status };
}

/**
 * SPEC C1, G6: registers a client company the way the platform does, through the gateway with
 * the platform account's key; returns its id.
 */
export async function registerClientAsPlatform(
  system: Pick<RunningSystem, 'gatewayUrl' | 'platformApiKey'>,
  input: {
    businessName: string;
    fein: string;
    platform: 'PEO' | 'PAYROLL';
    status: 'ENROLLING' | 'ACTIVE';
    customerSuccess: { name: string; phone: string; email: string };
    admins: Array<{ firstName: string; lastName: string; email: string; password: string; permissions: string[] }>;
  },
): Promise<string> {
  const res = await gatewayRequest<{ registerClientCompany: { id: string } }>(
    system.gatewayUrl,
    `mutation($input: RegisterClientCompanyInput!) { registerClientCompany(input: $input) { id } }`,
    { input },
    system.platformApiKey,
  );
  if (res.errors || !res.data) throw new Error(`registering ${input.businessName} failed: ${JSON.stringify(res.errors)}`);
  return res.data.registerClientCompany.id;
}

/**
 * Demo data for the embedded run mode: a firm (signed up by the operator, verified) and two client companies with their admins on the payroll and PEO platforms (registered
 * through the gateway by the platform account, SPEC G6); with the
 * time-tracking simulator running, a third client with its time tracking connected (SPEC P).
 */
export async function seedDemoData(system: RunningSystem, logger: Logger, payroll: { timeTrackingAdminUrl?: string; taxAuthorityAdminUrl?: string } = {}): Promise<void> {
  // The operator seeds the demo firm: its founder's email is verified by whoever runs the system
  // (SPEC F3's confirmation email goes to people signing up through the gateway).
  const founder = (
    await system.services.firms.domain.signUp.signUpVerifiedByOperator({
      firmName: 'Ledger & Co',
      website: 'https://ledgerco.example',
      founder: {
        firstName: 'Pat',
        lastName: 'Partner',
        workEmail: 'pat@ledgerco.example',
        jobRole: 'Managing partner',
        workPhone: '+1 212 555 0100',
        cellPhone: '+1 917 555 0101',
        personalEmail: 'pat.partner@home.example',
        username: DEMO.firm.username,
        password: DEMO.firm.password,
      },
    })
  ).member;
  await registerClientAsPlatform(system, {
    businessName: 'Acme Bakery',
    fein: '12-3456789',
    platform: 'PAYROLL',
    status: 'ACTIVE',
    customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan.success@payroll-platform.example' },
    admins: [
      {
        firstName: 'Alex',
        lastName: 'Owner',
        email: DEMO.clientAdmin.email,
        password: DEMO.clientAdmin.password,
        permissions: ['MANAGE', 'MANAGE_EMPLOYEES', 'MANAGE_PAYMENTS'],
      },
    ],
  });
  await registerClientAsPlatform(system, {
    businessName: 'Blue River Dental',
    fein: '45-6789012',
    platform: 'PEO',
    status: 'ACTIVE',
    customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan.success@payroll-platform.example' },
    admins: [
      {
        firstName: 'Robin',
        lastName: 'Dentist',
        email: 'robin@blueriverdental.example',
        password: 'blue-river-demo-2026',
        permissions: ['MANAGE'],
      },
    ],
  });
  await seedTwoFactorDemo(system, logger);
  if (payroll.timeTrackingAdminUrl) {
    await seedPayrollDemo(system, logger, payroll.timeTrackingAdminUrl, { memberId: founder.id, firmId: founder.firmId, ...DEMO.firm }, payroll.taxAuthorityAdminUrl);
  }
  logger.info(
    { firmLogin: DEMO.firm.username, clientAdminLogin: DEMO.clientAdmin.email },
    'demo data seeded (passwords in README)',
  );
}

/**
 * SPEC F9: *Northwind Advisors* requires two-factor sign-in. Its founder enrols through the
 * gateway as a person would (the secret comes from the server, the first code from the same TOTP
 * library an authenticator app follows) and turns the requirement on. The demo log prints the
 * secret and the recovery codes, for the demo only, so a newcomer can sign in in two steps.
 */
async function seedTwoFactorDemo(system: RunningSystem, logger: Logger): Promise<void> {
  const session = await system.services.firms.domain.signUp.signUpVerifiedByOperator({
    firmName: 'Northwind Advisors',
    website: 'https://northwind-advisors.example',
    founder: {
      firstName: 'Nia',
      lastName: 'North',
      workEmail: 'nia@northwind-advisors.example',
      jobRole: 'Partner',
      workPhone: '+1 312 555 0140',
      cellPhone: '+1 773 555 0141',
      personalEmail: 'nia.north@home.example',
      username: DEMO.twoFactorFirm.username,
      password: DEMO.twoFactorFirm.password,
    },
  });
  const call = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await gatewayRequest(system.gatewayUrl, query, variables, session.accessToken);
    if (res.errors || !res.data) throw new Error(`two-factor demo: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const begun = await call(`mutation { beginTwoFactorEnrolment { secret otpauthUri } }`);
  const { secret, otpauthUri } = begun.beginTwoFactorEnrolment as { secret: string; otpauthUri: string };
  const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
  const enabled = await call(`mutation($code: String!) { confirmTwoFactorEnrolment(code: $code) { recoveryCodes } }`, { code });
  await call(`mutation { requireTwoFactor(required: true) { id } }`);
  logger.info(
    {
      username: DEMO.twoFactorFirm.username,
      totpSecret: secret,
      otpauthUri,
      recoveryCodes: enabled.confirmTwoFactorEnrolment.recoveryCodes,
    },
    'DEMO ONLY: Northwind Advisors requires two-factor sign-in; add this secret to an authenticator app (or use a recovery code) to sign in as its founder',
  );
}
