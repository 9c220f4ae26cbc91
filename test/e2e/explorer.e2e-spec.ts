import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system';
import { linkClientToFirm, registerClient, signUpFirm, type SignedUpFirm } from '../support/fixtures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * SPEC G3: the GraphQL explorer the gateway serves, in headless Chromium with every request that
 * would leave the machine aborted and counted: it renders, runs a query and a subscription (over
 * WebSocket, SPEC G2) with the token typed into its token field, and asks nothing of the internet.
 */
describe('G3 offline explorer (GraphiQL served by the gateway)', () => {
  let system: TestSystem;
  let browser: Browser;
  let base: string;
  let firm: SignedUpFirm;
  const external: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
    system = await startTestSystem();
    base = new URL(system.gatewayUrl).origin;
    firm = await signUpFirm(system);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.teardown();
  });

  async function explorer(query: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
    await context.route('**', async (route) => {
      const url = new URL(route.request().url());
      if (['http:', 'https:', 'ws:', 'data:', 'blob:'].includes(url.protocol) && (LOOPBACK.has(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:')) {
        return route.continue();
      }
      external.push(url.toString());
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    // WebSockets are not routed by `context.route`: count any that would leave the machine.
    page.on('websocket', (ws) => {
      if (!LOOPBACK.has(new URL(ws.url()).hostname)) external.push(ws.url());
    });
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
    await page.goto(`${base}/graphql?query=${encodeURIComponent(query)}`);
    await page.locator('.graphiql-container').first().waitFor();
    await page.locator('#advisor-token-input').fill(firm.token);
    return page;
  }

  const run = (page: Page) => page.locator('.graphiql-execute-button').click();
  const response = (page: Page) => page.locator('.graphiql-response');

  it('G3: the page is one document with its own CSP (inline script and blob: workers for it alone); API clients still get JSON', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain('worker-src');
    expect(csp).toContain('blob:');
    expect(csp).toContain("connect-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);

    const elsewhere = await fetch(`${base}/health`);
    const strict = elsewhere.headers.get('content-security-policy')!;
    expect(strict).toMatch(/script-src 'self'(;|$)/);
    expect(strict).not.toContain('blob:');
    const api = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${firm.token}` }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(await api.json()).toEqual({ data: { me: { id: firm.memberId } } });
  });

  it('G3: renders, runs a query with the token from its token field, and makes 0 external requests', async () => {
    const page = await explorer('query Me { me { id firmRole } }');
    await run(page);
    await response(page).getByText(firm.memberId).first().waitFor({ state: 'visible' });
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('G3, G2: runs a subscription over WebSocket and shows the event, offline', async () => {
    const page = await explorer('subscription Links { clientLinked { clientId client { businessName } } }');
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await run(page);
    await page.waitForTimeout(1_000);
    const client = await registerClient(system, { name: 'Explorer Co' });
    await linkClientToFirm(system, firm, client);
    await response(page).getByText('Explorer Co').first().waitFor({ state: 'visible' });
    expect(sockets).toEqual([`${base.replace('http', 'ws')}/graphql`]);
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
