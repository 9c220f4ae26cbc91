import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { spawnTimeTrackingSimulator, type SpawnedSimulator } from '@advisor/time-tracking-sim';
import { spawnTaxAuthoritySimulator } from '@advisor/tax-authority-sim';
import { eventually, startTestSystem, type TestSystem } from '../support/test-system';
import { linkClientToFirm, registerClient, signUpFirm, type ClientWithAdmin, type SignedUpFirm } from '../support/fixtures';
import { startBrowser, type TestBrowser } from '../support/browser';
import { plusDays, shift, sim, weekStart } from '../support/time-tracking-fixtures';

const PAYROLL_PERMISSIONS = ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'APPROVE_TIMECARDS', 'MANAGE_EMPLOYEES'];
const dayLabel = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const formatDay = (date: string) => dayLabel.format(Date.parse(`${date}T00:00:00Z`));

/**
 * SPEC S1, S2 for payroll (P1, P2, P3, P7): the payroll screens in headless Chromium against the
 * real gateway on MySQL and Kafka, with the time-tracking simulator as its own process and
 * payroll-sync's scheduler running. The client admin connects time tracking; the accountant
 * works from the firm's "needs attention" view: fixes a shift without a pay rate and sends it
 * again, edits and approves timecards, runs payroll and reads the payslips and the month's
 * filing, refreshes the sync and sees a failure in words; the alert bell and feed (SPEC F12) link
 * to the screen that resolves each alert, which clears once resolved. The partner overview (P4,
 * P5, P6, with the tax-authority simulator as its own process too) then counts that run, and
 * fetches tax cards for two clients, one failing and retried. Every request that leaves loopback
 * is aborted (there must be none); screenshots land in .data/screenshots/2x-payroll-*.png and
 * 2x-partner-*.png.
 */
describe('the payroll screens in a real browser (S1, S2: P1, P2, P3, P7; P4, P5, P6)', () => {
  let simulator: SpawnedSimulator;
  let taxAuthority: SpawnedSimulator;
  let system: TestSystem;
  let browser: TestBrowser;
  let base: string;
  let firm: SignedUpFirm;
  let client: ClientWithAdmin;
  let apiKey: string;
  let week1: string;
  let accountant: Page;
  const workers: Record<string, { id: string }> = {};
  const CLIENT = 'Harbor Browser Coffee';
  const tt = (method: string, path: string, body?: unknown) => sim(simulator.url, method, `/admin/companies/${client.clientId}${path}`, body);

  beforeAll(async () => {
    browser = await startBrowser();
    [simulator, taxAuthority] = await Promise.all([spawnTimeTrackingSimulator(), spawnTaxAuthoritySimulator()]);
    system = await startTestSystem({
      payrollSync: { timeTrackingUrl: simulator.url, taxAuthorityUrl: taxAuthority.url, timeoutMs: 1_000, scheduler: { tickMs: 200, pollIntervalMs: 1_000, retryBaseMs: 500 } },
    });
    base = new URL(system.gatewayUrl).origin;
    firm = await signUpFirm(system);
    client = await registerClient(system, { name: CLIENT });
    await linkClientToFirm(system, firm, client, PAYROLL_PERMISSIONS);
    ({ apiKey } = await sim(simulator.url, 'POST', '/admin/companies', { id: client.clientId, name: CLIENT, timeZone: 'America/New_York' }));
    workers.max = await tt('POST', '/workers', { firstName: 'Max', lastName: 'Roe', email: 'max@harbor.test', kind: 'W2', isManager: true, payRateCents: 3000 });
    workers.ann = await tt('POST', '/workers', { firstName: 'Ann', lastName: 'Lee', email: 'ann@harbor.test', kind: 'W2', payRateCents: 2400 });
    workers.cy = await tt('POST', '/workers', { firstName: 'Cy', lastName: 'Po', email: 'cy@harbor.test', kind: 'CONTRACTOR' });
    week1 = weekStart(2);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.teardown();
    await Promise.all([simulator?.stop(), taxAuthority?.stop()]);
  });

  afterEach(() => {
    expect(browser.external).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('S2, P1: the client admin connects time tracking; a rejected key is shown at the key; the first sync\'s change log shows the workers', async () => {
    const { page } = await browser.person();
    await page.goto(`${base}/login?as=client&next=${encodeURIComponent('/company/payroll?tab=time-tracking')}`);
    await page.getByLabel('Email').fill(client.adminEmail);
    await page.getByLabel('Password').fill(client.adminPassword);
    await page.getByLabel('Password').press('Enter');
    await page.getByRole('heading', { name: 'Payroll', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Payroll' }).waitFor();

    await page.getByLabel('Company id in time tracking').fill(client.clientId);
    const key = page.getByLabel('API key');
    await key.fill('tt_wrong-key');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const keyHelp = page.locator(`#${await key.getAttribute('aria-describedby')}`);
    await keyHelp.getByText('Time tracking did not accept this company id and API key.').waitFor();
    expect(await key.getAttribute('aria-invalid')).toBe('true');

    await key.fill(apiKey);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText(/Status: Connected since/).waitFor();
    expect(await page.content()).not.toContain(apiKey); // SPEC P1: the key is never shown
    // The schedule runs the first sync at once: its change log lists the three workers.
    await eventually(async () => {
      await page.reload();
      const log = page.getByRole('grid', { name: 'Sync log' });
      await log.waitFor();
      return (await log.getByText(/Ann Lee/).count()) > 0 && (await log.getByText(/Cy Po/).count()) > 0 ? true : undefined;
    }, 20_000, 'the first sync in the change log');
    expect(await page.getByRole('grid', { name: 'Sync log' }).getByText('Member added', { exact: false }).count()).toBeGreaterThanOrEqual(3);
    await browser.shot(page, '20-payroll-time-tracking');
  }, 120_000);

  it('S2, P2, P3: the firm\'s needs-attention view links to the client; a shift without a pay rate is Error, fixed in Members and sent again', async () => {
    for (const [w, day] of [['ann', 0], ['ann', 1], ['max', 2], ['cy', 3]] as const) {
      const s = await tt('POST', '/shifts', { workerId: workers[w].id, ...shift(plusDays(week1, day)), breakMinutes: 30 });
      await tt('POST', `/shifts/${s.id}/approve`, { approvedBy: workers.max.id });
    }
    await eventually(async () => {
      const r = await system.gql(`query($w: String!) { payrollAttention { draftsDue { drafts } weeksWithErrors { errors } } myClients { hoursSyncReport(weekStart: $w) { week { sent errors } } } }`, { w: week1 }, firm.token);
      const a = r.data?.payrollAttention?.[0];
      return a?.draftsDue?.[0]?.drafts === 2 && r.data.myClients[0].hoursSyncReport?.week?.sent === 3 && r.data.myClients[0].hoursSyncReport.week.errors === 1 ? true : undefined;
    }, 20_000, 'approved shifts to reach timecards');

    ({ page: accountant } = await browser.person());
    const page = accountant;
    await page.goto(`${base}/`);
    await page.getByLabel('Username').fill(firm.username);
    await page.getByLabel('Password').fill(firm.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    const home = page.getByRole('list', { name: 'Needs your attention' });
    await home.getByText('1 client needs payroll attention (1 with timecards past their deadline): timecards to approve or hours that did not reach payroll.').waitFor();
    await page.getByRole('link', { name: 'Open payroll' }).click();
    await page.getByRole('heading', { name: 'Payroll: needs attention' }).waitFor();
    const attention = page.getByRole('grid', { name: 'Payroll needs attention' });
    await attention.getByText(/^2 timecards to approve for .*: overdue by \d+ days? \(/).waitFor();
    await attention.getByText(/^Week of .*: 1 shift with errors\.$/).waitFor();
    expect(await attention.getByText('Overdue', { exact: true }).count()).toBe(1);
    await browser.shot(page, '21-payroll-needs-attention');

    await page.getByRole('link', { name: `Open hours sync report: ${CLIENT}` }).click();
    await page.getByRole('heading', { name: `${CLIENT} · Payroll` }).waitFor();
    const shifts = page.getByRole('grid', { name: 'Shifts of the week' });
    await shifts.getByText('Cy Po has no pay rate in payroll: set a pay rate, then send the shift again.').waitFor();
    await browser.shot(page, '22-payroll-hours-sync-report');

    // SPEC F12: the bell counts the overdue drafts and the week with an error; the feed links to the screen that resolves each.
    await page.getByRole('link', { name: 'Alerts: 2 alerts' }).click();
    await page.getByRole('heading', { name: 'Alerts' }).waitFor();
    const alerts = page.getByRole('grid', { name: 'Alerts' });
    await alerts.getByText(/^2 timecards of .* to approve by .* \(overdue\)$/).waitFor();
    await alerts.getByText(`Hours sync, week of ${week1}: 1 shift in ERROR`).waitFor();
    // A switch the API answers for: it turns on once the opt-in is stored.
    const digest = page.getByLabel('Email me a daily digest of my alerts');
    await digest.click();
    await eventually(async () => ((await system.gql('{ myAlertDigest { optedIn } }', {}, firm.token)).data?.myAlertDigest?.optedIn ? true : undefined), 10_000, 'the digest opt-in');
    await eventually(async () => ((await digest.isChecked()) ? true : undefined), 10_000, 'the switch to show the opt-in');
    await browser.shot(page, '22a-alerts');
    await page.getByRole('link', { name: `Resolve: Hours sync, week of ${week1}: 1 shift in ERROR` }).click();
    await page.getByRole('heading', { name: `${CLIENT} · Payroll` }).waitFor();
    await page.getByRole('grid', { name: 'Shifts of the week' }).getByText('Cy Po has no pay rate in payroll: set a pay rate, then send the shift again.').waitFor();

    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('button', { name: "Set Cy Po's pay rate" }).click();
    const dialog = page.getByRole('dialog', { name: "Cy Po's pay rate" });
    await dialog.getByLabel('Hourly rate ($)').fill('60');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('grid', { name: 'Payroll members' }).getByText('$60.00/h', { exact: false }).waitFor();

    await page.getByRole('tab', { name: /^Hours sync report/ }).click();
    await page.getByRole('button', { name: `Send Cy Po's shift on ${formatDay(plusDays(week1, 3))} again` }).click();
    await eventually(async () => ((await page.getByRole('button', { name: /^Send .* again$/ }).count()) === 0 ? true : undefined), 10_000, 'the shift to be sent');
    const weeks = page.getByRole('grid', { name: 'Weeks' });
    await weeks.getByText('All sent').waitFor();
    // Resolved, the hours alert clears itself; the drafts' alert stays until they are approved.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alerts' }).click();
    await page.getByRole('link', { name: 'Alerts: 1 alert' }).waitFor();
    // Cy's shift now on a timecard too: three drafts.
    await page.getByRole('grid', { name: 'Alerts' }).getByText(/^3 timecards of .* \(overdue\)$/).waitFor();
    expect(await page.getByRole('grid', { name: 'Alerts' }).getByText(/^Hours sync/).count()).toBe(0);
  }, 120_000);

  it('S2, P2, P7: an edit over 24 hours is refused at its day; Run payroll with drafts is refused; Approve All, Run payroll, payslips and the month\'s filing', async () => {
    const page = accountant;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs attention' }).click();
    await page.getByRole('link', { name: `Review timecards: ${CLIENT}` }).click();
    const cards = page.getByRole('grid', { name: 'Timecards' });
    await cards.getByText('Cy Po').waitFor();
    await page.locator('#period-deadline').getByText(/^Approve by /).waitFor();

    await page.getByRole('button', { name: "Edit Ann Lee's timecard" }).click();
    const dialog = page.getByRole('dialog', { name: /^Ann Lee's timecard/ });
    const day0 = dialog.getByLabel(`Holiday hours on ${formatDay(week1)}`);
    await day0.fill('20'); // 7.5 h of shift that day + 20 h
    await dialog.getByRole('button', { name: 'Save draft' }).click();
    await dialog.getByText(/^More than 24 hours on /).waitFor();
    // Shown under that day's field, and announced with it.
    expect(await dialog.locator(`#${await day0.getAttribute('aria-describedby')}`).textContent()).toMatch(/^More than 24 hours on \d{4}-\d\d-\d\d: shifts, PTO and holiday hours together cannot exceed a day\.$/);
    expect(await day0.getAttribute('aria-invalid')).toBe('true');
    await day0.fill('');
    await dialog.getByLabel(`Holiday hours on ${formatDay(plusDays(week1, 4))}`).fill('8');
    await dialog.getByRole('button', { name: 'Save draft' }).click();
    await cards.getByText('Saved draft · edited').waitFor();

    await page.getByRole('button', { name: 'Run payroll' }).click();
    const confirm = page.getByRole('dialog', { name: /^Run payroll for / });
    await confirm.getByRole('button', { name: 'Run payroll' }).click();
    await confirm.getByText('3 timecard(s) of this period are still drafts: approve them first.').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Approve All (3)' }).click();
    await eventually(async () => ((await cards.getByText(/^Saved draft/).count()) === 0 ? true : undefined), 10_000, 'no draft left');
    expect(await cards.getByText(/^Approved( · edited)?$/).count()).toBe(3);
    expect(await page.getByRole('button', { name: 'Approve All', exact: true }).isDisabled()).toBe(true);
    await browser.shot(page, '23-payroll-timecards-approved');

    await page.getByRole('button', { name: 'Run payroll' }).click();
    await confirm.getByRole('button', { name: 'Run payroll' }).click();
    // Ann 15 h + 8 h holiday at $24.00, Max 7.5 h at $30.00; Cy (1099) 7.5 h at $60.00; 7.65 % employer tax.
    await page.getByText('Payroll run: $777.00 gross pay, $450.00 to contractors, $59.44 employer tax', { exact: false }).waitFor();

    await page.getByRole('tab', { name: 'Payroll runs' }).click();
    const slips = page.getByRole('grid', { name: 'Payslips' });
    await slips.getByText('Regular hours: 15h × $24.00/h = $360.00').waitFor();
    await slips.getByText('Holiday: 8h × $24.00/h = $192.00').waitFor();
    await slips.getByText('Contractor payment').waitFor();
    await browser.shot(page, '24-payroll-runs');

    await page.getByRole('tab', { name: 'Tax filings' }).click();
    const filings = page.getByRole('grid', { name: 'Employer tax filings' });
    await filings.getByText('$59.44').waitFor();
    await filings.getByText('Not submitted').waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs attention' }).click();
    await page.getByText('Nothing needs attention: every period is approved and every shift reached payroll.').waitFor();
  }, 120_000);

  it('S2, P1: Refresh now shows what the sync did; with time tracking down, the failure is shown in words', async () => {
    const page = accountant;
    await page.goto(`${base}/clients/view/${client.clientId}/payroll?tab=time-tracking`);
    const refreshUntil = async (expected: RegExp) =>
      eventually(async () => {
        await page.getByRole('button', { name: 'Refresh now' }).click();
        const done = page.getByRole('status').filter({ hasText: /Synced|The sync failed/ }).or(page.getByRole('alert').filter({ hasText: /running now/ }));
        await done.first().waitFor();
        // A scheduled poll may hold this client's sync that moment (SYNC_ALREADY_RUNNING): ask again.
        if ((await page.getByRole('alert').filter({ hasText: /running now/ }).count()) > 0) return undefined;
        const text = (await page.getByRole('status').filter({ hasText: /Synced|The sync failed/ }).first().textContent()) ?? '';
        return expected.test(text) ? text : undefined;
      }, 20_000, `a refresh showing ${expected}`);
    await refreshUntil(/^Synced: \d+ changes?, \d+ shifts? sent to timecards\.$/);

    await sim(simulator.url, 'POST', '/admin/faults', { mode: 'error', status: 503, companyId: client.clientId });
    try {
      await refreshUntil(/^The sync failed: Time tracking is unavailable \(SIMULATED_FAILURE\)\. It is retried by itself\.$/);
      await page.reload();
      await page.getByText('Time tracking is unavailable (SIMULATED_FAILURE). It is retried by itself.').waitFor();
      await browser.shot(page, '25-payroll-sync-failed');
    } finally {
      await sim(simulator.url, 'DELETE', '/admin/faults');
    }
  }, 120_000);

  it('S2, P4, P5, C5: the partner overview counts the payroll run: key figures for its month, the usage log (and its CSV), automation per client and my clients', async () => {
    const page = accountant;
    // The run counts in its period's month: the month of week 1 (or the next, for a week across two months).
    const FIGURES = `query($m: String!) { payrollKeyFigures(month: $m) { payslipsSent contractorPayments totalPaidOutCents shifts shiftsAutomated } }`;
    let month = '';
    for (const m of [week1.slice(0, 7), plusDays(week1, 6).slice(0, 7)]) {
      if ((await system.gql(FIGURES, { m }, firm.token)).data?.payrollKeyFigures?.payslipsSent > 0) month = m;
    }
    expect(month).not.toBe('');
    const api = (await system.gql(FIGURES, { m: month }, firm.token)).data.payrollKeyFigures;
    expect(api).toMatchObject({ payslipsSent: 2, contractorPayments: 1, totalPaidOutCents: '122700' }); // Ann and Max (W2), Cy (1099): $777 + $450

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Key figures' }).click();
    await page.getByRole('heading', { name: 'Key figures' }).waitFor();
    await page.getByLabel('Month').fill(month);
    const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));
    const figures = page.getByRole('region', { name: `Key figures for ${monthName}` });
    await figures.waitFor();
    expect(await figures.getByLabel('Payslips sent').textContent()).toBe('2');
    expect(await figures.getByLabel('Contractor payments').textContent()).toBe('1');
    expect(await figures.getByLabel('Total paid out').textContent()).toBe('$1,227.00');
    expect(await figures.getByText(`${api.shiftsAutomated} of ${api.shifts} shifts reached a timecard with no resend and no edit.`).count()).toBe(1);
    await browser.shot(page, '26-partner-key-figures');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByLabel('From', { exact: true }).fill(month);
    await page.getByLabel('To', { exact: true }).fill(month);
    const usage = page.getByRole('grid', { name: 'Usage log' });
    const row = usage.getByRole('row', { name: new RegExp(CLIENT) });
    await row.getByText('$1,227.00').waitFor();
    await browser.shot(page, '27-partner-usage-log');
    // SPEC P5: the same report as CSV from the gateway, with the session's token and the filters.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('payroll-usage.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^Client,FEIN,Client ID,Month,Payslips,Contractor payments,Absences,Total paid out \(USD\)$/);
    expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${CLIENT},\\d\\d-\\d{7},${client.clientId},${month},2,1,\\d+,1227\\.00$`))]);
    await page.getByRole('tab', { name: 'Automation per client' }).click();
    await page.getByRole('grid', { name: 'Automation per client' }).getByRole('row', { name: new RegExp(CLIENT) }).waitFor();
    // SPEC P5 term report: the run's month falls in its two-month term, with the tax withheld.
    await page.getByRole('tab', { name: 'Term report' }).click();
    const termRow = page.getByRole('grid', { name: 'Term report' }).getByRole('row', { name: new RegExp(CLIENT) });
    await termRow.waitFor();
    expect(await termRow.textContent()).toMatch(/\$[\d,]+\.\d\d.*\$[\d,]+\.\d\d.*\$[\d,]+\.\d\d/);
    const [terms] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(terms.suggestedFilename()).toBe('payroll-terms.csv');
    expect(readFileSync((await terms.path())!, 'utf8')).toContain(`${CLIENT},`);
    // SPEC C5: running payroll made the accountant responsible (by event): "my clients" says so.
    await page.getByRole('tab', { name: 'My clients' }).click();
    await eventually(async () => {
      await page.reload();
      const mine = page.getByRole('grid', { name: 'My clients' }).getByRole('row', { name: new RegExp(CLIENT) });
      await mine.waitFor();
      return (await mine.getByText('Responsible').count()) === 1 ? true : undefined;
    }, 20_000, 'the accountant to be responsible');
  }, 120_000);

  it('S2, P6: tax cards for two clients: progress, one failed with the reason the authority gave, Retry failed fetches it alone', async () => {
    const tax = (method: string, path: string, body?: unknown) => sim(taxAuthority.url, method, path, body);
    const names = ['Pier Browser Bakery', 'Dockside Browser Deli'];
    const feins = ['31-7000001', '31-7000002'];
    const ids: string[] = [];
    for (const [i, name] of names.entries()) {
      const c = await registerClient(system, { name });
      await linkClientToFirm(system, firm, c, ['VIEW_COMPANY', 'VIEW_PAYROLL', 'RUN_PAYROLL', 'VIEW_TAX_DOCUMENTS']);
      const { apiKey: key } = await tax('POST', '/admin/employers', { fein: feins[i], name });
      await tax('POST', `/admin/employers/${feins[i]}/employees`, { externalRef: `e-${i}`, firstName: 'Em', lastName: `Ployee${i}`, withholdingRateBasisPoints: 2000 });
      // The link reaches payroll-sync by event: connect once it knows the client.
      await eventually(async () => {
        const r = await system.gql(`mutation($i: ConnectTaxAuthorityInput!) { connectTaxAuthority(input: $i) { fein } }`, { i: { clientId: c.clientId, fein: feins[i], apiKey: key } }, firm.token);
        return r.data?.connectTaxAuthority?.fein === feins[i] ? true : undefined;
      }, 20_000, `${name} connected to the tax authority`);
      ids.push(c.clientId);
    }
    await tax('POST', '/admin/faults', { mode: 'error', status: 503, fein: feins[1], path: '/tax-cards', times: 1 });

    const page = accountant;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tax cards' }).click();
    const form = page.getByRole('form', { name: 'Fetch tax cards' });
    for (const name of names) {
      await form.getByRole('combobox', { name: 'Clients' }).click();
      await page.getByRole('option', { name }).click();
    }
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Fetch tax cards' }).click();
    const progress = page.getByRole('region', { name: 'Fetch progress' });
    await progress.getByRole('progressbar', { name: 'Tax-card fetch progress' }).waitFor();
    await progress.getByText('Finished: 2 clients, 1 fetched, 1 failed.').waitFor({ timeout: 30_000 });
    const fetches = (await system.gql(`{ taxCardFetches(last: 1) { id clients { client { id } status reason } } }`, {}, firm.token)).data.taxCardFetches;
    const reason = fetches[0].clients.find((c: { client: { id: string } }) => c.client.id === ids[1]).reason as string;
    expect(reason).toBeTruthy();
    const clientsGrid = progress.getByRole('grid', { name: 'Clients in this fetch' });
    await clientsGrid.getByRole('row', { name: new RegExp(names[1]) }).getByText(reason).waitFor();
    expect(await clientsGrid.getByRole('row', { name: new RegExp(names[0]) }).getByText('Fetched').count()).toBe(1);
    await browser.shot(page, '28-partner-tax-cards-failed');

    await progress.getByRole('button', { name: 'Retry failed (1)' }).click();
    await progress.getByText('Finished: 2 clients, 2 fetched, 0 failed.').waitFor({ timeout: 30_000 });
    expect(await progress.getByRole('button', { name: /Retry failed/ }).count()).toBe(0);
    await page.getByRole('grid', { name: 'Latest fetches' }).getByText('2: 2 fetched, 0 failed, 0 pending').waitFor();
    await browser.shot(page, '29-partner-tax-cards-retried');
  }, 120_000);
});
