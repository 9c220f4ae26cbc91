import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { dropMysqlDatabase, ensureMysqlDatabase, generateSigningKeyPair } from '@advisor/kit';
import { TEST_MYSQL_URL, kafkaBrokers } from '../support/env';

const ROOT = join(__dirname, '../..');

/**
 * Standalone entrypoints (containers) on SIGTERM: they stop once, in order, and exit 0 within
 * 10 s, their Kafka consumers leaving the group (not lingering until the session expires). Apollo
 * Server's own SIGTERM handler used to start a second stop that left subgraphs running forever.
 */
describe('SIGTERM stops every standalone process', () => {
  const id = randomBytes(4).toString('hex');
  const namespace = `t${id}.`;
  const databaseUrl = `${TEST_MYSQL_URL}/t${id}_payroll_sync`;
  const secret = randomBytes(24).toString('base64url');
  const children: ChildProcess[] = [];
  const admin = new Kafka({ clientId: 'shutdown-test', brokers: kafkaBrokers(), logLevel: logLevel.NOTHING }).admin();

  beforeAll(async () => {
    await ensureMysqlDatabase(databaseUrl);
    await admin.connect();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(namespace));
    if (groups.length) await admin.deleteGroups(groups).catch(() => undefined);
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(namespace));
    if (topics.length) await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
    await dropMysqlDatabase(databaseUrl);
  });

  async function start(entry: string, env: Record<string, string>, readyLine: string): Promise<{ child: ChildProcess; output: () => string }> {
    let output = '';
    const child = spawn(process.execPath, [join(ROOT, entry)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, KAFKA_BROKERS: kafkaBrokers().join(','), KAFKA_NAMESPACE: namespace, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    });
    children.push(child);
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const deadline = Date.now() + 45_000;
    while (!output.includes(readyLine)) {
      if (child.exitCode !== null) throw new Error(`${entry} exited with ${child.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`${entry} did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { child, output: () => output };
  }

  async function members(groupId: string): Promise<number> {
    const { groups } = await admin.describeGroups([`${namespace}${groupId}`]);
    return groups[0]?.members.length ?? 0;
  }

  async function stopsWithin10s(child: ChildProcess): Promise<{ code: number | null; ms: number }> {
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 12_000)))]);
    clearTimeout(timer);
    if (code === 'hung') throw new Error('still running 12 s after SIGTERM');
    return { code, ms: Date.now() - started };
  }

  async function whenMember(groupId: string) {
    const deadline = Date.now() + 30_000;
    while ((await members(groupId)) !== 1) {
      if (Date.now() > deadline) throw new Error(`${groupId} never joined its group`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it('a subgraph (payroll-sync, a consumer) exits 0 within 10 s and its consumer leaves the group', async () => {
    const { child, output } = await start('services/payroll-sync/dist/index.js', { DATABASE_URL: databaseUrl, GATEWAY_SECRET: secret }, 'subgraph ready');
    await whenMember('payroll-sync');
    const { code, ms } = await stopsWithin10s(child);
    expect({ code, output: code === 0 ? '' : output() }).toEqual({ code: 0, output: '' });
    expect(ms).toBeLessThan(10_000);
    expect(await members('payroll-sync')).toBe(0);
    expect(output()).toContain('"msg":"stopped"');
  });

  it('the gateway starts before any service has created member.access-changed, exits 0 within 10 s, and its revocation group is gone (gateway-<replica id>)', async () => {
    const keys = generateSigningKeyPair();
    // A namespace of its own, where nothing has created member.access-changed yet (firms does in a deployment).
    const gwNamespace = `${namespace}gw.`;
    expect((await admin.listTopics()).filter((t) => t.startsWith(gwNamespace))).toEqual([]);
    const { child } = await start(
      'gateway/dist/index.js',
      {
        AUTH_VERIFY_KEY: keys.publicKeyPem,
        FIRMS_GATEWAY_SECRET: secret,
        CLIENTS_GATEWAY_SECRET: secret,
        INVITATIONS_GATEWAY_SECRET: secret,
        PAYROLL_SYNC_GATEWAY_SECRET: secret,
        GATEWAY_REPLICA_ID: 'e2e',
        WEB_DIR: '',
        KAFKA_NAMESPACE: gwNamespace,
      },
      'gateway ready',
    );
    await whenMember('gw.gateway-e2e');
    const { code, ms } = await stopsWithin10s(child);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(await members('gw.gateway-e2e')).toBe(0);
    // It commits no offsets, so the group is deleted rather than left behind at each rollout.
    expect((await admin.listGroups()).groups.map((g) => g.groupId)).not.toContain(`${gwNamespace}gateway-e2e`);
  });
});
