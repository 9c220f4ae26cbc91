import type { Logger } from '@advisor/kit';
import type { RunningSystem } from './system';
import { seedPayrollDemo } from './payroll-demo';

export const DEMO = {
  firm: { username: 'demo.partner', password: 'ledger-and-co-demo-2026' },
  clientAdmin: { email: 'owner@acmebakery.example', password: 'acme-bakery-demo-2026' },
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
  if (payroll.timeTrackingAdminUrl) {
    await seedPayrollDemo(system, logger, payroll.timeTrackingAdminUrl, { memberId: founder.id, firmId: founder.firmId, ...DEMO.firm }, payroll.taxAuthorityAdminUrl);
  }
  logger.info(
    { firmLogin: DEMO.firm.username, clientAdminLogin: DEMO.clientAdmin.email },
    'demo data seeded (passwords in README)',
  );
}
