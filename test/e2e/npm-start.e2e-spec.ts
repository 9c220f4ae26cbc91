import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { DEMO, gatewayRequest } from '@advisor/system';
import { freeNpmStartPort } from '../support/ports';

const ROOT = join(__dirname, '../..');

/**
 * The README's first command, as built: `npm start` runs `node system/dist/all-in-one.js`
 * with no MySQL and no Kafka configured. It must come up, seed the demo data and answer.
 */
describe('npm start (embedded default)', () => {
  let child: ChildProcess;
  let output = '';
  let port: number;
  const mailDir = mkdtempSync(join(tmpdir(), 'advisor-start-mail-'));

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(mailDir, { recursive: true, force: true });
  });

  it('starts the gateway and four subgraphs in one process, seeded, with no database or broker configured', async () => {
    port = await freeNpmStartPort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), MAIL_DIR: mailDir, LOG_LEVEL: 'info' };
    for (const name of ['MYSQL_URL', 'KAFKA_BROKERS', 'DATABASE_URL']) delete env[name];
    child = spawn(process.execPath, [join(ROOT, 'system/dist/all-in-one.js')], { cwd: ROOT, env });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 45_000;
    while (!output.includes('Advisor Dashboard is up')) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(output).toContain('embedded (in memory)');
    expect(output).toContain('in-process');

    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    // SPEC S1: the web app at / beside /graphql (built by npm run build).
    const app = await fetch(`http://127.0.0.1:${port}/`);
    expect(app.headers.get('content-type')).toMatch(/text\/html/);
    expect(await app.text()).toContain('<div id="root">');

    const url = `http://127.0.0.1:${port}/graphql`;
    const login = await gatewayRequest(url, `mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { member { firm { name } } } }`, {
      u: DEMO.firm.username,
      p: DEMO.firm.password,
    });
    expect(login.errors).toBeUndefined();
    expect(login.data.logIn.member.firm.name).toBe('Ledger & Co');
    // SPEC P4, P6 demo: the firm's key figures show Harbor Coffee's synced shifts; a finished tax-card fetch with one failed client.
    const token = (await gatewayRequest(url, `mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`, { u: DEMO.firm.username, p: DEMO.firm.password })).data.logIn.accessToken;
    const thisMonth = new Date().toISOString().slice(0, 7);
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    const figures = await gatewayRequest(url, `query($a: String!, $b: String!) { a: payrollKeyFigures(month: $a) { shifts payrollClients } b: payrollKeyFigures(month: $b) { shifts } }`, { a: thisMonth, b: lastMonth }, token);
    expect(figures.data.a.payrollClients).toBeGreaterThan(0);
    expect(figures.data.a.shifts + figures.data.b.shifts).toBeGreaterThan(0);
    const fetches = await gatewayRequest(url, `{ taxCardFetches(last: 1) { status fetched failed clients { status reason } } }`, {}, token);
    expect(fetches.data.taxCardFetches).toEqual([expect.objectContaining({ status: 'FINISHED', fetched: 2, failed: 1 })]);
    // SPEC F9 demo: Northwind Advisors requires two-factor sign-in; its founder signs in in two
    // steps with a code from the secret the demo log prints (demo only).
    const demoLine = output.split('\n').find((l) => l.includes('"totpSecret"'));
    expect(demoLine).toBeDefined();
    const { totpSecret, recoveryCodes } = JSON.parse(demoLine!) as { totpSecret: string; recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    const step = await gatewayRequest(url, `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { next challenge session { accessToken } } }`, {
      u: DEMO.twoFactorFirm.username,
      p: DEMO.twoFactorFirm.password,
    });
    expect(step.data.signIn).toMatchObject({ next: 'TWO_FACTOR_CODE', session: null });
    // The next step's code: enrolment at seeding used the current one, and a code is accepted once.
    const nextCode = new TOTP({ secret: Secret.fromBase32(totpSecret) }).generate({ timestamp: Date.now() + 30_000 });
    const signedIn = await gatewayRequest(url, `mutation($c: String!, $code: String!) { completeSignIn(challenge: $c, code: $code) { member { firm { name twoFactorRequired } } } }`, {
      c: step.data.signIn.challenge,
      code: nextCode,
    });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.completeSignIn.member.firm).toEqual({ name: 'Northwind Advisors', twoFactorRequired: true });
    // SPEC P4, P5, P7 demo: Pier Bakery's payroll of a week last month: its filing came back with errors (counted this
    // month) and last month's term shows its pay: 5 days of 7.5 h at $26 and 5.5 h at $21, 22 % withheld, 7.65 % employer tax.
    const term = `${lastMonth.slice(0, 4)}-T${Math.ceil(Number(lastMonth.slice(5)) / 2)}`;
    const pier = await gatewayRequest(
      url,
      `query($m: String!, $t: String!) { payrollKeyFigures(month: $m) { filingsWithErrorsLastMonth } payrollTermReport(fromTerm: $t, toTerm: $t) { rows { client { businessName } grossPayCents taxWithheldCents employerTaxCents } } }`,
      { m: thisMonth, t: term },
      token,
    );
    expect(pier.data.payrollKeyFigures.filingsWithErrorsLastMonth).toBe(1);
    expect(pier.data.payrollTermReport.rows).toContainEqual({ client: { businessName: 'Pier Bakery' }, grossPayCents: '155250', taxWithheldCents: '34155', employerTaxCents: '11877' });
    const csv = await fetch(`http://127.0.0.1:${port}/reports/payroll-terms.csv?fromTerm=${term}&toTerm=${term}`, { headers: { authorization: `Bearer ${token}` } });
    expect(await csv.text()).toContain('Pier Bakery,27-2345678,');
    const filings = await gatewayRequest(url, `{ myClients { businessName employerTaxFilings { month status errors { code } } } }`, {}, token);
    const pierFilings = filings.data.myClients.find((c: { businessName: string }) => c.businessName === 'Pier Bakery').employerTaxFilings;
    expect(pierFilings).toEqual([{ month: lastMonth, status: 'REJECTED', errors: [{ code: 'NO_TAX_CARD' }, { code: 'NO_TAX_CARD' }] }]);
    // Passwords never reach the logs.
    expect(output).not.toContain(DEMO.firm.password);
    expect(output).not.toContain(DEMO.clientAdmin.password);
    expect(output).not.toContain(DEMO.twoFactorFirm.password);
  });
});
