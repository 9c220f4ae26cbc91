import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';
import { registerClient, type ClientWithAdmin } from '../support/fixtures';
import { SCREENSHOTS, startBrowser, type TestBrowser } from '../support/browser';

/**
 * SPEC S1, S2: the web app in headless Chromium (Debian's package) against the real gateway on
 * MySQL and Kafka, driven the way a person clicks. Every request that leaves the machine is
 * aborted and counted (there must be none); screenshots of the main screens go to
 * .data/screenshots/ (see test/support/browser.ts).
 */
describe('the web app in a real browser (S1, S2)', () => {
  let system: TestSystem;
  let browser: TestBrowser;
  let base: string;

  beforeAll(async () => {
    browser = await startBrowser();
    system = await startTestSystem();
    base = new URL(system.gatewayUrl).origin;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.teardown();
  });

  afterEach(() => {
    // The app works offline: nothing but the gateway on loopback was asked for anything.
    expect(browser.external).toEqual([]);
    // No Content-Security-Policy refusal, no uncaught error in the page.
    expect(browser.problems).toEqual([]);
  });

  const person = () => browser.person();
  const shot = (page: Page, name: string) => browser.shot(page, name);

  /** The link in the newest email to `to`, opened on this test's gateway (emails carry APP_URL). */
  function linkInMail(to: string, path: RegExp): string {
    const mails = system.mailTo(to);
    const text = mails[mails.length - 1]?.text ?? '';
    const link = /https?:\/\/\S+/g;
    for (const m of text.matchAll(link)) {
      const url = new URL(m[0].replace(/[).,>]+$/, ''));
      if (path.test(url.pathname)) return `${base}${url.pathname}${url.search}`;
    }
    throw new Error(`no ${path} link in the mail to ${to}:\n${text}`);
  }

  async function logInFirm(page: Page, username: string, password: string) {
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  async function logInClientAdmin(page: Page, client: ClientWithAdmin, next = '') {
    await page.goto(`${base}/login?as=client${next ? `&next=${encodeURIComponent(next)}` : ''}`);
    await page.getByLabel('Email').fill(client.adminEmail);
    await page.getByLabel('Password').fill(client.adminPassword);
    await page.getByLabel('Password').press('Enter'); // the keyboard submits the form
  }

  const domain = `ledger-${Date.now().toString(36)}.example`;
  const founder = { username: `fran.${Date.now().toString(36)}`, password: 'correct horse battery staple', email: `fran@${domain}` };
  const morganLogin = { username: `morgan.${Date.now().toString(36)}`, password: 'another long passphrase' };
  let founderPage: Page;

  it('S1: the gateway serves the app beside /graphql, with no inline script, and email links open it', async () => {
    const index = await fetch(`${base}/invitations/accept?token=abc`);
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toContain('<div id="root">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file: strict CSP holds
    for (const path of ['/join?token=abc', '/requests/123', '/clients/payroll']) expect((await fetch(`${base}${path}`)).status).toBe(200);
    const graphql = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${base}/health`)).headers.get('content-type')).not.toMatch(/html/);
    const missing = await fetch(`${base}/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('Not found'); // no path on disk (G7)
  });

  it('S2, F1, F2: a firm signs up; the shared-domain rule is shown next to the work email', async () => {
    const { page } = await person();
    founderPage = page;
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /sign up your firm/i }).click();
    await page.getByLabel('Firm name').fill('Ledger Browser & Co');
    await page.getByLabel('Website').fill(`https://${domain}`);
    await page.getByLabel('First name').fill('Fran');
    await page.getByLabel('Last name').fill('Founder');
    await page.getByLabel('Work email').fill('fran@gmail.com');
    await page.getByLabel(/^Role/).fill('Managing partner');
    await page.getByLabel('Work phone').fill('+1 212 555 0100');
    await page.getByLabel('Cell phone').fill('+1 917 555 0101');
    await page.getByLabel('Personal email').fill('fran@home.example');
    await page.getByLabel('Username').fill(founder.username);
    await page.getByLabel('Password').fill(founder.password);
    await page.getByRole('button', { name: 'Create firm account' }).click();
    const workEmail = page.getByLabel('Work email');
    const workEmailHelp = page.locator(`#${await workEmail.getAttribute('aria-describedby')}`);
    await workEmailHelp.getByText('Your firm members must share the same email domain. This domain is not allowed.', { exact: true }).waitFor();
    expect(await workEmail.getAttribute('aria-invalid')).toBe('true');
    await shot(page, '01-sign-up-f2-error');

    await workEmail.fill(founder.email);
    await page.getByRole('button', { name: 'Create firm account' }).click();
    // SPEC F3: nothing is created until the founder opens the link in the confirmation email.
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.getByText(founder.email).waitFor();
    await shot(page, '01b-sign-up-check-email');
    await page.goto(linkInMail(founder.email, /^\/signup\/confirm$/));
    await page.getByRole('button', { name: 'Confirm and create my firm' }).click();
    await page.getByRole('heading', { name: 'Welcome, Fran' }).waitFor();
    expect(await page.title()).toBe('Welcome, Fran · Advisor Dashboard');
    expect(await page.getByLabel('Active client count').textContent()).toBe('0');
    await shot(page, '02-home');
  }, 120_000);

  it('S2, F5, F6: the founder adds a member who joins from the email link; a permission change reaches the member through a renewed session', async () => {
    const page = founderPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Firm Info' }).click();
    await page.getByRole('button', { name: 'Add member' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add member' });
    await dialog.getByLabel('First name').fill('Morgan');
    await dialog.getByLabel('Last name').fill('Member');
    await dialog.getByLabel('Work email').fill(`morgan@${domain}`);
    await dialog.getByLabel('Job role').fill('Bookkeeper');
    await dialog.getByLabel('Assign clients').check();
    await dialog.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText('Invitation sent. It expires in 7 days.').waitFor();
    await page.getByRole('grid', { name: 'Pending invitations' }).getByText(`morgan@${domain}`).waitFor();
    await shot(page, '03-firm-info');

    const link = linkInMail(`morgan@${domain}`, /^\/join$/);
    const morgan = (await person()).page;
    await morgan.goto(link);
    await morgan.getByLabel('Username').fill(morganLogin.username);
    await morgan.getByLabel('Password').fill(morganLogin.password);
    await morgan.getByRole('button', { name: 'Join firm' }).click();
    await morgan.getByRole('heading', { name: 'Welcome, Morgan' }).waitFor();
    // SPEC F6: Morgan may assign clients but not manage members: Firm Info offers no Add member.
    await morgan.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Firm Info' }).click();
    await morgan.getByRole('grid', { name: 'Members' }).getByText(`morgan@${domain}`).waitFor();
    expect(await morgan.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    expect(await morgan.getByRole('grid', { name: 'Pending invitations' }).count()).toBe(0);

    await page.reload();
    await page.getByRole('grid', { name: 'Members' }).getByText(`morgan@${domain}`).waitFor();
    expect(await page.getByRole('grid', { name: 'Pending invitations' }).getByText(`morgan@${domain}`).count()).toBe(0);

    // SPEC F6: the founder lets Morgan manage members; Morgan's outdated token is renewed and
    // Morgan's screens follow, without signing in again.
    const tokenOf = async (p: Page) => JSON.parse((await p.evaluate<string | null>("sessionStorage.getItem('advisor-dashboard.session')")) ?? '{}').accessToken;
    const morganToken = await tokenOf(morgan);
    await page.getByRole('button', { name: 'Edit Morgan Member' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Morgan Member' });
    await edit.getByLabel('Manage members').check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('grid', { name: 'Members' }).getByText('Manage members, Assign clients').waitFor();
    await eventually(async () => {
      await morgan.reload();
      await morgan.getByRole('grid', { name: 'Members' }).waitFor();
      return (await morgan.getByRole('button', { name: 'Add member' }).count()) === 1 && (await tokenOf(morgan)) !== morganToken ? true : undefined;
    }, 20_000, "Morgan's renewed session");
  }, 120_000);

  it('S2, I1, I5, C4: a client admin invites the firm; the accountant accepts from the email link and sees the client with themself assigned', async () => {
    const client = await registerClient(system, { name: 'Browser Bakery' });
    const admin = (await person()).page;
    await logInClientAdmin(admin, client);
    await admin.getByRole('heading', { name: 'Third party' }).waitFor();
    await admin.getByRole('button', { name: 'Add accountant' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Add accountant' });
    await dialog.getByLabel("Accountant's name").fill('Fran Founder');
    await dialog.getByLabel("Accountant's work email").fill(founder.email);
    await dialog.getByLabel('View payroll').check();
    await dialog.getByRole('button', { name: 'Send invite' }).click();
    // SPEC I1: the acknowledgement is required, and the refusal shows at the checkbox.
    await dialog.getByText(/acknowledge/i).last().waitFor();
    await dialog.getByRole('checkbox', { name: /several people at the firm/ }).check();
    await dialog.getByRole('button', { name: 'Send invite' }).click();
    await admin.getByRole('grid', { name: 'Sent invitations' }).getByText('Pending').waitFor();
    await shot(admin, '04-client-third-party');

    const link = linkInMail(founder.email, /^\/invitations\/accept$/);
    const accountant = (await person()).page;
    await accountant.goto(link);
    await accountant.getByRole('link', { name: 'Log in' }).click();
    await logInFirm(accountant, founder.username, founder.password);
    await accountant.getByRole('button', { name: 'Accept invite' }).click();
    await accountant.getByText('Browser Bakery is now connected to your firm, and you are assigned to it.').waitFor();
    await accountant.getByRole('link', { name: 'Open Browser Bakery' }).click();
    await accountant.getByRole('heading', { name: 'Browser Bakery' }).waitFor();
    const assigned = accountant.getByRole('grid', { name: 'Assigned members' });
    await assigned.getByText('Fran Founder').waitFor();
    expect(await accountant.locator('#my-permissions').textContent()).toBe('Yours: View company, View payroll');
    await shot(accountant, '05-client-view');

    await accountant.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payroll' }).click();
    await accountant.getByRole('grid', { name: 'Active clients' }).getByText('Browser Bakery').waitFor();
    expect(await accountant.getByRole('tab', { name: /^Active \(1\)$/ }).count()).toBe(1);
    await shot(accountant, '06-payroll-clients');

    // The client admin sees the firm and the person assigned.
    await admin.reload();
    await admin.getByRole('region', { name: 'Accountant firm' }).getByText('Ledger Browser & Co').waitFor();
    await admin.getByText(/Fran Founder \(/).waitFor();
  }, 120_000);

  it('S2, I5: an accountant new to Advisor Dashboard gets started from the email link, signs up a firm, and accepts', async () => {
    const client = await registerClient(system, { name: 'Newcomer Nursery' });
    const newDomain = `newcomer-${Date.now().toString(36)}.example`;
    const invited = await system.gql(
      `mutation($input: InviteAccountantFirmInput!) { inviteAccountantFirm(input: $input) { id } }`,
      { input: { accountantName: 'Nia New', accountantEmail: `nia@${newDomain}`, permissions: ['VIEW_COMPANY'], acknowledgeFirmWideAccess: true } },
      client.token,
    );
    expect(invited.errors).toBeUndefined();
    const nia = (await person()).page;
    await nia.goto(linkInMail(`nia@${newDomain}`, /^\/invitations\/accept$/));
    await nia.getByRole('link', { name: 'Get started' }).click();
    await nia.getByLabel('Firm name').fill('Newcomer CPAs');
    await nia.getByLabel('Website').fill(newDomain);
    await nia.getByLabel('First name').fill('Nia');
    await nia.getByLabel('Last name').fill('New');
    await nia.getByLabel('Work email').fill(`nia@${newDomain}`);
    await nia.getByLabel(/^Role/).fill('CPA');
    await nia.getByLabel('Work phone').fill('+1 212 555 0110');
    await nia.getByLabel('Cell phone').fill('+1 917 555 0111');
    await nia.getByLabel('Personal email').fill('nia@home.example');
    await nia.getByLabel('Username').fill(`nia.${Date.now().toString(36)}`);
    await nia.getByLabel('Password').fill('a brand new firm passphrase');
    // SPEC I5, F3: the invitation proved Nia's address once its proof reached firms: no confirmation email.
    await eventually(async () => {
      const [row] = await system.services.firms.db.dataSource.query('SELECT COUNT(*) AS n FROM sign_up_proofs WHERE email = ?', [`nia@${newDomain}`]);
      return Number(row.n) === 1 ? true : undefined;
    }, 15_000, 'the sign-up proof to reach firms');
    await nia.getByRole('button', { name: 'Create firm account' }).click();
    await nia.getByRole('button', { name: 'Accept invite' }).click();
    await nia.getByText('Newcomer Nursery is now connected to your firm, and you are assigned to it.').waitFor();
    await nia.getByRole('link', { name: 'Open Newcomer Nursery' }).click();
    await nia.getByRole('grid', { name: 'Assigned members' }).getByText('Nia New').waitFor();
  }, 120_000);

  it('S2, I3, I4: a firm request by FEIN; the client admin edits the permissions and accepts it', async () => {
    const client = await registerClient(system, { name: 'Request Roasters' });
    const fein = await eventually(async () => {
      const res = await system.gql('{ myClientCompany { fein } }', {}, client.token);
      return res.data?.myClientCompany?.fein as string | undefined;
    });
    const page = founderPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await page.getByRole('link', { name: 'Add new client' }).first().click();
    await page.getByLabel(/My client has a Payroll or PEO account/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Business name').fill('Request Roasters');
    await page.getByLabel('FEIN').fill('45-9999999');
    await page.getByLabel('View payroll').check();
    await page.getByLabel('Run payroll').check();
    // SPEC I3: a FEIN that matches no client on the platform is refused next to the FEIN.
    await eventually(async () => {
      await page.getByRole('button', { name: 'Send request' }).click();
      const fieldHelp = page.locator(`#${await page.getByLabel('FEIN').getAttribute('aria-describedby')}`);
      return (await fieldHelp.textContent())?.match(/no client|not found|matches no/i) ? true : undefined;
    });
    await shot(page, '07-add-client-fein-refused');
    // The client directory reaches the invitations service by event: retry until it knows the FEIN.
    await page.getByLabel('FEIN').fill(fein.replace('-', ''));
    await eventually(async () => {
      await page.getByRole('button', { name: 'Send request' }).click();
      await page.waitForTimeout(300);
      return page.url().includes('tab=requested') ? true : undefined;
    });
    await page.getByRole('grid', { name: 'Requested clients' }).getByText('Request Roasters').waitFor();
    await shot(page, '08-requested');

    const admin = (await person()).page;
    const link = linkInMail(client.adminEmail, /^\/requests\//);
    await admin.goto(link);
    await logInClientAdmin(admin, client, new URL(link).pathname);
    await admin.getByRole('heading', { name: 'An accounting firm asks for access' }).waitFor();
    await admin.getByLabel('Run payroll').uncheck();
    await shot(admin, '09-review-request');
    await admin.getByRole('button', { name: 'Accept' }).click();
    await admin.getByRole('heading', { name: 'Third party' }).waitFor();
    await eventually(async () => {
      await admin.reload();
      await admin.getByRole('heading', { name: 'Third party' }).waitFor();
      return (await admin.locator('#firm-link-permissions').count()) > 0 ? true : undefined;
    });
    expect(await admin.locator('#firm-link-permissions').textContent()).toBe('May: View company, View payroll');
    // SPEC I7: the request also came as an in-product notification.
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    await admin.getByRole('list', { name: 'Notifications' }).getByText(/Request Roasters|access/i).first().waitFor();
    expect(await admin.getByLabel(/unread/).count()).toBe(0); // reviewing the request read its notification
    await shot(admin, '09b-notifications');

    // The firm sees the client among its active Payroll clients, with the permissions as edited.
    await eventually(async () => {
      await page.goto(`${base}/clients/payroll`);
      return page
        .getByRole('grid', { name: 'Active clients' })
        .getByText('Request Roasters')
        .waitFor({ timeout: 3_000 })
        .then(() => true, () => undefined);
    }, 30_000);
    await page.getByRole('grid', { name: 'Active clients' }).getByRole('link', { name: 'Request Roasters' }).click();
    await page.locator('#link-permissions').waitFor();
    expect(await page.locator('#link-permissions').textContent()).toMatch(/^Granted to your firm by the client: View company, View payroll \(connected /);
  }, 150_000);

  it('S1, C3, C10, C11, C12, F10, G4: groups and period marks, assigning from the team view with an end date, bulk access on the access list, the audit trail', async () => {
    const page = founderPage;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Groups' }).click();
    await page.getByLabel('New group name').fill('Paid on the 20th');
    await page.getByRole('button', { name: 'Create group' }).click();
    const group = page.getByRole('region', { name: 'Group Paid on the 20th' });
    await group.getByLabel('Add clients to Paid on the 20th').click();
    await page.getByRole('option', { name: 'Browser Bakery' }).click();
    await page.keyboard.press('Escape');
    await group.getByRole('button', { name: 'Add', exact: true }).click();
    await group.getByRole('checkbox', { name: 'Browser Bakery processed' }).check();
    await group.getByRole('row', { name: /Browser Bakery/ }).getByText(/\d{4}, \d+:\d+/).waitFor(); // marked, with when
    await page.reload();
    expect(await page.getByRole('region', { name: 'Group Paid on the 20th' }).getByRole('checkbox', { name: 'Browser Bakery processed' }).isChecked()).toBe(true);
    await shot(page, '10-groups');

    // SPEC C3 from the team view: assign Morgan to a client.
    await nav.getByRole('link', { name: 'Team' }).click();
    await page.getByRole('grid', { name: /Fran Founder's clients/ }).getByText('Browser Bakery').waitFor();
    await page.getByRole('list', { name: 'Members' }).getByText('Morgan Member').click();
    await page.getByRole('button', { name: 'Assign client' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign client to Morgan Member' });
    await assign.getByRole('combobox', { name: 'Client', exact: true }).click();
    await page.getByRole('option', { name: 'Browser Bakery' }).click();
    await assign.getByLabel('View company').check();
    // SPEC F10: an end date in the past is refused at the date field, and nothing is assigned.
    const endsAt = assign.getByLabel('Access ends on (optional)');
    await endsAt.fill('2020-01-31');
    await assign.getByRole('button', { name: 'Assign' }).click();
    await assign.locator(`#${await endsAt.getAttribute('aria-describedby')}`).getByText('The access end date must be in the future.').waitFor();
    expect(await endsAt.getAttribute('aria-invalid')).toBe('true');
    const nextYear = new Date().getFullYear() + 1;
    await endsAt.fill(`${nextYear}-06-30`);
    await assign.getByRole('button', { name: 'Assign' }).click();
    const morganClients = page.getByRole('grid', { name: "Morgan Member's clients" });
    await morganClients.getByText('Browser Bakery').waitFor();
    await morganClients.getByText(`Jun 30, ${nextYear}`).waitFor(); // the end date, shown with the access
    await shot(page, '12-team');

    // SPEC C11, C12: the access list filtered by member; the same access to several clients at
    // once, then ended on the selected clients, all or nothing.
    await nav.getByRole('link', { name: 'Access list' }).click();
    await page.getByRole('combobox', { name: 'Member' }).click();
    await page.getByRole('option', { name: 'Morgan Member' }).click();
    const access = page.getByRole('grid', { name: 'Access list' });
    await eventually(async () => ((await access.getByText('Fran Founder').count()) === 0 && (await access.getByText('Browser Bakery').count()) === 1 ? true : undefined));
    await page.getByRole('button', { name: 'Give access to several clients' }).click();
    const grant = page.getByRole('dialog', { name: /Give Morgan Member access/ });
    await grant.getByRole('combobox', { name: 'Clients' }).click();
    await page.getByRole('option', { name: 'Request Roasters' }).click();
    await grant.getByRole('button', { name: 'Give access' }).click();
    await page.getByText('Morgan Member now has access to 1 more client(s).').waitFor();
    await access.getByText('Request Roasters').waitFor();
    await shot(page, '11-access-list');
    await access.getByRole('checkbox', { name: /select all/i }).check();
    await page.getByRole('button', { name: 'End access on selected (2)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'End access on selected (2)' }).click();
    await page.getByText("Ended 2 of Morgan Member's accesses.").waitFor();
    await page.getByText('Morgan Member has access to no client.').waitFor();

    await nav.getByRole('link', { name: 'Audit trail' }).click();
    const trail = page.getByRole('grid', { name: 'Links, permissions and assignments' });
    await trail.getByRole('row', { name: /Group created/ }).getByText('Fran Founder').waitFor(); // actors by name, not id
    await shot(page, '13-audit');
    expect(readFileSync(join(SCREENSHOTS, '13-audit.png')).length).toBeGreaterThan(1000);
  }, 120_000);

  it('S1, G6, G3, G4: in Firm Info the founder creates a service account, copies its secret shown once, revokes it (both on the audit trail); makes Morgan an analyst', async () => {
    const page = founderPage;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Firm Info' }).click();
    await page.getByRole('button', { name: 'Create service account' }).click();
    const create = page.getByRole('dialog', { name: 'Create service account' });
    await create.getByLabel('Name').fill('payroll exporter');
    await create.getByLabel('Receive events (subscriptions)').check();
    await create.getByRole('button', { name: 'Create' }).click();
    const shown = page.getByRole('dialog', { name: 'The secret of payroll exporter' });
    await shown.getByText(/shown only this once/).waitFor();
    const secret = await shown.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^adsa_/);
    await shown.getByRole('button', { name: 'Copy secret' }).click();
    await shown.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await shot(page, '14-service-account-secret');
    await shown.getByRole('button', { name: 'I have stored it' }).click();
    const accounts = page.getByRole('grid', { name: 'Service accounts' });
    await accounts.getByRole('row', { name: /payroll exporter/ }).getByText('Active').waitFor();
    expect(await page.content()).not.toContain(secret); // shown once, never again

    // The secret works until it is revoked (SPEC G6): the service reads the firm's clients.
    const EXCHANGE = `mutation($s: String!) { exchangeServiceAccountSecret(secret: $s) { accessToken } }`;
    const token = (await system.gql(EXCHANGE, { s: secret })).data.exchangeServiceAccountSecret.accessToken;
    expect((await system.gql('{ myClients { businessName } }', {}, token)).data.myClients.map((c: { businessName: string }) => c.businessName)).toContain('Browser Bakery');
    await page.getByRole('button', { name: 'Revoke payroll exporter' }).click();
    await page.getByRole('dialog', { name: 'Revoke the service account payroll exporter?' }).getByRole('button', { name: 'Revoke' }).click();
    await accounts.getByRole('row', { name: /payroll exporter/ }).getByText(/^Revoked /).waitFor();
    expect((await system.gql(EXCHANGE, { s: secret })).errors?.[0]?.extensions?.code).toBe('INVALID_SERVICE_ACCOUNT_SECRET');
    // SPEC G4: both are on the firm's audit trail, named.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('tab', { name: 'Firm and members' }).click();
    const firmTrail = page.getByRole('grid', { name: 'Firm and members' });
    await eventually(async () => ((await firmTrail.getByRole('row', { name: /Service account payroll exporter/ }).count()) >= 2 ? true : undefined), 10_000, 'creation and revocation on the trail');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Firm Info' }).click();

    // SPEC G3: an ADMIN makes a member a read-only analyst.
    await page.getByRole('button', { name: 'Edit Morgan Member' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Morgan Member' });
    await edit.getByRole('combobox', { name: 'Firm role' }).click();
    await page.getByRole('option', { name: 'Analyst (read-only)' }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    const morgan = page.getByRole('grid', { name: 'Members' }).getByRole('row', { name: /Morgan Member/ });
    await morgan.getByText('Read-only: every client').waitFor();
    expect(await morgan.getByText('Analyst', { exact: true }).count()).toBe(1);
    await shot(page, '15-firm-info-admin');
  }, 120_000);

  it('G3, F6: Morgan, now an analyst, signs in and reads every screen without being offered a single action', async () => {
    const page = (await person()).page;
    await page.goto(`${base}/login`);
    await logInFirm(page, morganLogin.username, morganLogin.password);
    await page.getByRole('heading', { name: 'Welcome, Morgan' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Key figures' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Add new client' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Add new client' }).count()).toBe(0);
    // The client list and a client: read, no Add, no Assign.
    await nav.getByRole('link', { name: 'Payroll', exact: true }).first().click();
    await page.getByRole('grid', { name: 'Active clients' }).getByRole('link', { name: 'Browser Bakery' }).click();
    await page.getByRole('heading', { name: 'Browser Bakery' }).waitFor();
    expect(await page.getByRole('button', { name: 'Assign firm member' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Unassign) / }).count()).toBe(0);
    // Groups: the marks are shown, none can be changed.
    await nav.getByRole('link', { name: 'Groups' }).click();
    const group = page.getByRole('region', { name: 'Group Paid on the 20th' });
    expect(await group.getByRole('checkbox', { name: 'Browser Bakery processed' }).isDisabled()).toBe(true);
    expect(await page.getByRole('form', { name: 'Create group' }).count()).toBe(0);
    expect(await group.getByLabel('Add clients to Paid on the 20th').count()).toBe(0);
    // Access list, tax cards and Firm Info: no grant, no fetch, no member or service-account action.
    await nav.getByRole('link', { name: 'Access list' }).click();
    await page.getByRole('heading', { name: 'Access list' }).waitFor();
    expect(await page.getByRole('button', { name: /Give access|End access/ }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Tax cards' }).click();
    await page.getByRole('heading', { name: 'Latest fetches' }).waitFor();
    expect(await page.getByRole('form', { name: 'Fetch tax cards' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'Firm Info' }).click();
    await page.getByRole('grid', { name: 'Members' }).getByText(`morgan@${domain}`).waitFor();
    expect(await page.getByRole('button', { name: /^(Add member|Create service account|Edit|Deactivate)/ }).count()).toBe(0);
    await shot(page, '18-analyst-read-only');
  }, 120_000);

  /** SPEC F9: the code an authenticator app shows, computed with the same library; `ahead` steps later (a code is accepted once). */
  const totp = (secret: string, ahead = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + ahead * 30_000 });

  /** Enrolment as a person does it: the QR code is shown; the key under it goes into the "app". */
  async function enrolInBrowser(page: Page, screenshot?: string): Promise<string> {
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    if (screenshot) await shot(page, screenshot);
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    await page.getByLabel('Code from the app').fill(totp(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const codes = page.getByRole('list', { name: 'Your recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    return secret;
  }

  it('S2, F9: the founder sets up two-factor sign-in with the QR code, requires it for the firm and signs in in two steps; Morgan is asked to enrol at sign-in; the founder resets Morgan', async () => {
    const page = founderPage;
    await page.goto(`${base}/firm`);
    const section = page.getByRole('region', { name: 'Two-factor sign-in' });
    await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = await enrolInBrowser(page, '16-two-factor-enrolment');
    await shot(page, '17-recovery-codes');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await section.getByText('On', { exact: true }).first().waitFor();
    // A controlled switch: it turns on once the API said so.
    await section.getByLabel('Require two-factor sign-in for every member').click();
    await section.getByText('Members without two-factor sign-in are asked to set it up').waitFor();

    // A fresh sign-in: the password, then a code (the next step's: enrolment used this one).
    const again = (await person()).page;
    await again.goto(`${base}/login`);
    await logInFirm(again, founder.username, founder.password);
    await again.getByRole('textbox', { name: 'Code' }).fill('000000' === totp(secret, 1) ? '111111' : '000000');
    await again.getByRole('button', { name: 'Verify' }).click();
    await again.getByText('This code is not valid.', { exact: false }).waitFor();
    await again.getByRole('textbox', { name: 'Code' }).fill(totp(secret, 1));
    await again.getByRole('button', { name: 'Verify' }).click();
    await again.getByRole('heading', { name: 'Welcome, Fran' }).waitFor();

    // Morgan has no second factor: signing in asks for enrolment first, then signs Morgan in.
    const morgan = (await person()).page;
    await morgan.goto(`${base}/login`);
    await logInFirm(morgan, morganLogin.username, morganLogin.password);
    await morgan.getByText('Your firm requires two-factor sign-in.').waitFor();
    await enrolInBrowser(morgan);
    await morgan.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await morgan.getByRole('heading', { name: 'Welcome, Morgan' }).waitFor();

    // The founder resets Morgan's second factor (lost phone); the trail has it.
    await page.reload();
    await page.getByRole('button', { name: 'Reset second factor of Morgan Member' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset second factor' }).click();
    await eventually(async () => ((await page.getByRole('button', { name: 'Reset second factor of Morgan Member' }).count()) === 0 ? true : undefined));
  }, 120_000);

  it('S2, F10: a service account can carry an end date: a past one is refused at the date field, a future one is shown in the list', async () => {
    const page = founderPage;
    await page.goto(`${base}/firm`);
    await page.getByRole('button', { name: 'Create service account' }).click();
    const create = page.getByRole('dialog', { name: 'Create service account' });
    await create.getByLabel('Name').fill('quarter-end auditor');
    const endsAt = create.getByLabel('Access ends on (optional)');
    await endsAt.fill('2020-01-31');
    await create.getByRole('button', { name: 'Create' }).click();
    await create.locator(`#${await endsAt.getAttribute('aria-describedby')}`).getByText('The access end date must be in the future.').waitFor();
    const nextYear = new Date().getFullYear() + 1;
    await endsAt.fill(`${nextYear}-03-31`);
    await create.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('dialog', { name: 'The secret of quarter-end auditor' }).getByRole('button', { name: 'I have stored it' }).click();
    const row = page.getByRole('grid', { name: 'Service accounts' }).getByRole('row', { name: /quarter-end auditor/ });
    await row.getByText(`Mar 31, ${nextYear}`).waitFor();
    await row.getByText('Active').waitFor();
  }, 120_000);
  it('S1, F11: the founder opens a member\'s leaver report from Firm Info: every client they can reach, with role and permissions', async () => {
    const page = founderPage;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Firm Info' }).click();
    await page.getByRole('button', { name: 'Leaver report of Morgan Member' }).click();
    const report = page.getByRole('dialog', { name: /^Leaver report: Morgan Member/ });
    const reach = report.getByRole('table', { name: 'Clients they can reach' });
    // Morgan is an analyst now (the test before): every client of the firm, read-only.
    await report.getByText('They see every client of the firm (admin or View all clients).').waitFor();
    await reach.getByRole('link', { name: 'Browser Bakery' }).waitFor();
    await report.getByRole('region', { name: 'Service accounts they created' }).getByText('None.').waitFor();
    await shot(page, '19-leaver-report');
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('leaver-report.csv');
    expect(readFileSync((await download.path())!, 'utf8')).toMatch(/\r\nReachable client,Browser Bakery,/);
    await report.getByRole('button', { name: 'Close' }).click();
  }, 60_000);
});
