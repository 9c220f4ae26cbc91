import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv, promisify } from 'node:util';
import { stringify } from 'yaml';
import { AccessTokenIssuer } from '@advisor/kit';
import { ROOT, composeProblems, readCompose, readEnvExample, type ComposeFile } from './compose-check';

const run = promisify(execFile);
const copy = (compose: ComposeFile): ComposeFile => structuredClone(compose);

/** dclint, the maintained compose linter (schema of the Compose Specification + rules), with every warning an error. */
async function dclint(file: string): Promise<{ ok: boolean; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'node_modules/dclint/bin/dclint.cjs'), file, '-c', join(ROOT, '.dclintrc'), '--max-warnings', '0', '--color', 'false'], { cwd: ROOT });
    return { ok: true, output: stdout + stderr };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('docker-compose.yml (SPEC D1)', () => {
  const compose = readCompose();
  const envExample = readEnvExample();
  const dir = mkdtempSync(join(tmpdir(), 'advisor-compose-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('D1: every container gets exactly the variables its entrypoint requires and reads (names and required-ness from the zod schemas)', () => {
    expect(composeProblems(compose, envExample)).toEqual([]);
  });

  it('D1: a copy with a required variable removed fails the check', () => {
    const broken = copy(compose);
    delete broken.services.clients.environment!.AUTH_SIGNING_KEY;
    expect(composeProblems(broken, envExample)).toContain('clients: AUTH_SIGNING_KEY is required by services/clients/dist/index.js but not set');

    const noSecret = copy(compose);
    delete noSecret.services.gateway.environment!.PAYROLL_SYNC_GATEWAY_SECRET;
    expect(composeProblems(noSecret, envExample)).toEqual(
      expect.arrayContaining(['gateway: PAYROLL_SYNC_GATEWAY_SECRET is required by gateway/dist/index.js but not set']),
    );
  });

  it('D1: a variable no entrypoint reads (a typo), an invalid value, or crossed wiring fails the check', () => {
    const typo = copy(compose);
    typo.services.firms.environment!.GATEWAY_SECERT = 'x';
    expect(composeProblems(typo, envExample)).toContain('firms: GATEWAY_SECERT is not read by services/firms/dist/index.js');

    const invalid = copy(compose);
    invalid.services.invitations.environment!.DATABASE_URL = 'postgres://invitations@db/advisor_invitations';
    expect(composeProblems(invalid, envExample)).toContain('invitations: DATABASE_URL: must be a mysql:// URL');

    const crossed = copy(compose);
    crossed.services.gateway.environment!.CLIENTS_GATEWAY_SECRET = '${FIRMS_GATEWAY_SECRET:?see .env.example}';
    crossed.services.gateway.environment!.FIRMS_URL = 'http://clients:4002/graphql';
    expect(composeProblems(crossed, envExample)).toEqual(
      expect.arrayContaining([
        'gateway: CLIENTS_GATEWAY_SECRET is not the secret clients expects',
        'gateway: FIRMS_URL does not point at firms:4001',
      ]),
    );

    const missingFromExample = { ...envExample };
    delete missingFromExample.OPS_TOKEN;
    expect(composeProblems(compose, missingFromExample)).toEqual(
      expect.arrayContaining(['.env.example: OPS_TOKEN is used by docker-compose.yml but not listed']),
    );
  });

  it('D1: MySQL 8.4 healthy over TCP, Kafka 3.9 in KRaft mode with a fixed cluster id, both on volumes', () => {
    const { mysql, kafka } = compose.services;
    expect(mysql.image).toBe('mysql:8.4');
    expect(mysql.healthcheck!.test.join(' ')).toContain('mysqladmin ping -h 127.0.0.1');
    expect(kafka.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    expect(kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller', CLUSTER_ID: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(JSON.stringify(mysql)).toContain('mysql-data:/var/lib/mysql');
    expect(JSON.stringify(kafka)).toContain(`kafka-data:${kafka.environment!.KAFKA_LOG_DIRS}`);
    expect(Object.keys(compose.volumes ?? {})).toEqual(expect.arrayContaining(['mysql-data', 'kafka-data']));
  });

  it('D1: the MySQL init script creates each database and user the services connect with', () => {
    const script = readFileSync(join(ROOT, 'deploy/mysql/init/01-databases.sh'), 'utf8');
    const urls = Object.values(compose.services)
      .map((s) => s.environment?.DATABASE_URL)
      .filter((u): u is string => typeof u === 'string');
    expect(urls).toHaveLength(4);
    for (const raw of urls) {
      const url = new URL(raw.replace(/\$\{[^}]+\}/, 'secret'));
      const database = url.pathname.slice(1);
      expect(script).toContain(`CREATE DATABASE IF NOT EXISTS ${database} `);
      expect(script).toContain(`CREATE USER IF NOT EXISTS '${url.username}'@'%'`);
      expect(script).toContain(`GRANT ALL PRIVILEGES ON ${database}.* TO '${url.username}'@'%';`);
    }
  });

  it('D1: scripts/generate-env.cjs writes every variable with fresh values the entrypoints accept, and a working key pair', async () => {
    const target = join(dir, '.env');
    await run(process.execPath, [join(ROOT, 'scripts/generate-env.cjs'), target]);
    const generated = parseEnv(readFileSync(target, 'utf8')) as Record<string, string>;
    expect(Object.keys(generated).sort()).toEqual(Object.keys(envExample).sort());
    expect(composeProblems(compose, generated)).toEqual([]);
    for (const [name, value] of Object.entries(generated)) {
      if (/PASSWORD$|SECRET$|TOKEN$/.test(name)) {
        expect(value).not.toBe(envExample[name]);
        expect(value).toMatch(/^[A-Za-z0-9_-]{24,}$/);
      }
    }
    await expect(AccessTokenIssuer.fromPem(generated.AUTH_SIGNING_KEY)).resolves.toBeDefined();
    // A second run never overwrites secrets in use.
    await expect(run(process.execPath, [join(ROOT, 'scripts/generate-env.cjs'), target])).rejects.toThrow();
  });

  it('D1: dclint accepts the file with no warning, and refuses a copy with a misspelt key', async () => {
    const good = await dclint(join(ROOT, 'docker-compose.yml'));
    expect(good).toEqual({ ok: true, output: expect.any(String) });

    const broken = readCompose() as unknown as { services: Record<string, Record<string, unknown>> };
    broken.services.mysql.healtcheck = broken.services.mysql.healthcheck;
    delete broken.services.mysql.healthcheck;
    const file = join(dir, 'docker-compose.yml');
    writeFileSync(file, stringify(broken));
    const bad = await dclint(file);
    expect(bad.ok).toBe(false);
    expect(bad.output).toContain('instancePath="/services/mysql"');
    expect(bad.output).toContain('must NOT have additional properties');
  });
});
