import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { dropMysqlDatabase, ensureMysqlDatabase, generateSigningKeyPair, newSecretBoxKey } from '@advisor/kit';
import { TEST_MYSQL_URL, kafkaBrokers } from '../support/env';
import { freeNpmStartPort } from '../support/ports';

const ROOT = join(__dirname, '../..');
const SUBGRAPHS = ['firms', 'clients', 'invitations', 'payroll-sync'] as const;
/** SPEC D4, and what the k8s manifests' preStop + terminationGracePeriodSeconds are sized for. */
const STOP_LIMIT_MS = 10_000;

interface Started {
  name: string;
  child: ChildProcess;
  output: () => string;
  port?: number;
}

/**
 * SPEC D4: every entrypoint the deployment files start (services/*\/dist/index.js,
 * gateway/dist/index.js) and `npm start` stop on SIGTERM within 10 s, on real MySQL and Kafka,
 * and leave nothing listening. Figures are printed for the README and the k8s grace periods.
 */
describe('SIGTERM stops every entrypoint within 10 s (SPEC D4)', () => {
  const id = randomBytes(4).toString('hex');
  const prefix = `t${id}_`;
  const namespace = `t${id}.`;
  const secret = randomBytes(24).toString('base64url');
  const keys = generateSigningKeyPair();
  const children: ChildProcess[] = [];
  const stopTimes: Record<string, number> = {};
  const databases = [...SUBGRAPHS.map((s) => `${prefix}${s.replace('-', '_')}`), ...SUBGRAPHS.map((s) => `${prefix}npm_${s.replace('-', '_')}`)];

  beforeAll(async () => {
    // Standalone services expect their database to exist (production provisions them).
    for (const s of SUBGRAPHS) await ensureMysqlDatabase(`${TEST_MYSQL_URL}/${prefix}${s.replace('-', '_')}`);
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const db of databases) await dropMysqlDatabase(`${TEST_MYSQL_URL}/${db}`).catch(() => undefined);
    const admin = new Kafka({ clientId: 'shutdown-cleanup', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(namespace));
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(namespace));
    if (topics.length) await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
    rmSync(join(ROOT, '.data/test-mail', id), { recursive: true, force: true });
    console.log(`[D4] SIGTERM → exit (ms): ${JSON.stringify(stopTimes)}`);
  });

  function start(name: string, command: string, args: string[], env: Record<string, string>, readyLine: RegExp): Promise<Started> {
    let output = '';
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_NAMESPACE: namespace, ...env },
    });
    children.push(child);
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    return new Promise((resolve, reject) => {
      const deadline = Date.now() + 60_000;
      const poll = setInterval(() => {
        const ready = readyLine.exec(output);
        if (ready) {
          clearInterval(poll);
          resolve({ name, child, output: () => output, port: ready[1] ? Number(ready[1]) : undefined });
        } else if (child.exitCode !== null || Date.now() > deadline) {
          clearInterval(poll);
          reject(new Error(`${name} ${child.exitCode !== null ? `exited with ${child.exitCode}` : 'did not come up'}:\n${output}`));
        }
      }, 100);
    });
  }

  /** Sends SIGTERM and waits for the exit, up to 15 s, so a slow stop shows its time rather than a time-out. */
  async function terminate(p: Started): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const started = Date.now();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => p.child.once('exit', (code, signal) => resolve({ code, signal })));
    p.child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([exited, new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 15_000)))]);
    clearTimeout(timer);
    if (result === 'hung') throw new Error(`${p.name} still running 15 s after SIGTERM:\n${p.output().slice(-3000)}`);
    stopTimes[p.name] = Date.now() - started;
    return { ...result, ms: stopTimes[p.name] };
  }

  const listening = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });

  it('D4: each subgraph entrypoint and the gateway, on MySQL and Kafka, exit 0 within 10 s of SIGTERM and stop listening', async () => {
    // Subgraphs first: firms creates the topics the gateway reads at start.
    const subgraphs: Started[] = [];
    for (const s of SUBGRAPHS) {
      subgraphs.push(
        await start(
          s,
          process.execPath,
          [join(ROOT, `services/${s}/dist/index.js`)],
          {
            HOST: '127.0.0.1',
            PORT: '0',
            DATABASE_URL: `${TEST_MYSQL_URL}/${prefix}${s.replace('-', '_')}`,
            GATEWAY_SECRET: secret,
            AUTH_SIGNING_KEY: keys.privateKeyPem,
            TWO_FACTOR_KEY: newSecretBoxKey(),
            MAIL_DIR: join(ROOT, '.data/test-mail', id),
          },
          /"url":"http:\/\/127\.0\.0\.1:(\d+)\/graphql".*"msg":"subgraph ready"/,
        ),
      );
    }
    const gateway = await start(
      'gateway',
      process.execPath,
      [join(ROOT, 'gateway/dist/index.js')],
      {
        HOST: '127.0.0.1',
        PORT: '0',
        AUTH_VERIFY_KEY: keys.publicKeyPem,
        WEB_DIR: '',
        GATEWAY_REPLICA_ID: `shutdown-${id}`,
        ...Object.fromEntries(
          subgraphs.flatMap((s) => {
            const key = s.name.toUpperCase().replace('-', '_');
            return [
              [`${key}_URL`, `http://127.0.0.1:${s.port}/graphql`],
              [`${key}_GATEWAY_SECRET`, secret],
            ];
          }),
        ),
      },
      /"url":"http:\/\/127\.0\.0\.1:(\d+)\/graphql".*"msg":"gateway ready"/,
    );
    expect((await fetch(`http://127.0.0.1:${gateway.port}/ready`)).status).toBe(200);

    // In the order a rollout would hit them; each on its own.
    for (const p of [gateway, ...subgraphs]) {
      const { code, signal, ms } = await terminate(p);
      expect({ name: p.name, code, signal, output: code === 0 ? '' : p.output().slice(-3000) }).toEqual({ name: p.name, code: 0, signal: null, output: '' });
      expect(ms).toBeLessThan(STOP_LIMIT_MS);
      expect(await listening(p.port!)).toBe(false);
    }
  });

  it('D4: `npm start` on MySQL and Kafka stops within 10 s of a SIGTERM sent to npm, and leaves nothing on its ports', async () => {
    const port = await freeNpmStartPort();
    // --ignore-scripts skips prestart (install check and build: `npm test` has just built), not
    // `start` itself, which runs through npm and sh exactly as `npm start` does.
    const npm = await start(
      'npm start',
      'npm',
      ['start', '--silent', '--ignore-scripts'],
      {
        PORT: String(port),
        MYSQL_URL: TEST_MYSQL_URL,
        DB_PREFIX: `${prefix}npm_`,
        SEED_DEMO: 'false',
        MAIL_DIR: join(ROOT, '.data/test-mail', id),
      },
      /Advisor Dashboard is up/,
    );
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    const { code, ms } = await terminate(npm);
    expect({ code, output: code === 0 ? '' : npm.output().slice(-3000) }).toEqual({ code: 0, output: '' });
    expect(ms).toBeLessThan(STOP_LIMIT_MS);
    // Before `exec`, npm's `sh -c` died and left node serving on these ports.
    for (const p of [port, port + 1, port + 2, port + 3, port + 4]) expect({ port: p, listening: await listening(p) }).toEqual({ port: p, listening: false });
  });
});
