import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WEB_DIST_PATH, REPO_ROOT } from '@advisor/gateway';

/**
 * SPEC S2: the web app's browser for end-to-end tests: Debian's headless Chromium (no browser
 * download), one context per person, every request that leaves loopback aborted and recorded
 * (there must be none: the app works offline), the app held to a strict Content-Security-Policy,
 * page errors recorded, screenshots under .data/screenshots/.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(REPO_ROOT, '.data/screenshots');
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** No inline or foreign script, no foreign connection; styles inline as MUI (emotion) writes them. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export interface TestBrowser {
  browser: Browser;
  /** Requests that left loopback (aborted). */
  external: string[];
  /** CSP refusals and uncaught page errors. */
  problems: string[];
  /** One person's browser: its own storage, every non-loopback request aborted and recorded. */
  person(): Promise<{ context: BrowserContext; page: Page }>;
  /** A full-page screenshot saved as .data/screenshots/<name>.png. */
  shot(page: Page, name: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<TestBrowser> {
  if (!existsSync(join(WEB_DIST_PATH, 'index.html'))) throw new Error(`${WEB_DIST_PATH} is missing: run npm run build first`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (see .ci/run)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const external: string[] = [];
  const problems: string[] = [];
  async function person(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, serviceWorkers: 'block' });
    await context.route('**', async (route) => {
      const url = new URL(route.request().url());
      if ((url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:') && LOOPBACK.has(url.hostname)) {
        if (route.request().resourceType() !== 'document') return route.continue();
        // The app must run under a strict policy: the gateway's own when it sends one, else this.
        // Playwright's fetch may reuse a kept-alive socket at the moment the gateway closes it
        // (its idle time-out, 5 s): a reset before any answer is that race, so ask once more.
        const response = await route.fetch().catch((err: Error) => {
          if (/ECONNRESET|socket hang up/.test(err.message)) return route.fetch();
          throw err;
        });
        const headers = response.headers();
        headers['content-security-policy'] ??= STRICT_CSP;
        return route.fulfill({ response, headers });
      }
      if (url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
      external.push(url.toString());
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
    });
    return { context, page };
  }
  return {
    browser,
    external,
    problems,
    person,
    shot: (page, name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' }),
    close: () => browser.close(),
  };
}
