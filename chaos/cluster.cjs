/**
 * The system under fault injection: its own Kafka broker (scripts/kafka.sh on free ports, in a
 * run dir of its own, so it can be paused with SIGSTOP without touching anyone else's broker),
 * a database per service on the real MySQL (unique prefix, dropped afterwards), and each
 * standalone entrypoint (four subgraphs and the gateway) as a separate process.
 */
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { closeSync, mkdirSync, openSync, readFileSync, rmSync } = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const { generateSigningKeyPair, ensureMysqlDatabase, dropMysqlDatabase } = require('../packages/kit/dist');

const ROOT = join(__dirname, '..');
const SERVICES = ['firms', 'clients', 'invitations', 'payroll-sync'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

class Cluster {
  constructor({ mysqlUrl, runDir, log }) {
    this.id = randomBytes(3).toString('hex');
    this.mysqlUrl = mysqlUrl.replace(/\/$/, '');
    this.prefix = `chaos${this.id}_`;
    this.namespace = `chaos${this.id}.`;
    this.runDir = runDir;
    this.mailDir = join(runDir, 'mail');
    this.log = log;
    this.keys = generateSigningKeyPair();
    this.secrets = Object.fromEntries(SERVICES.map((s) => [s, randomBytes(24).toString('base64url')]));
    this.procs = {};
    this.ports = {};
    mkdirSync(this.mailDir, { recursive: true });
  }

  databaseUrl(service) {
    return `${this.mysqlUrl}/${this.prefix}${service.replace(/-/g, '_')}`;
  }

  // ---- the broker --------------------------------------------------------------------------

  kafkaEnv() {
    return { ...process.env, KAFKA_PORT: String(this.kafkaPort), KAFKA_CONTROLLER_PORT: String(this.kafkaControllerPort), KAFKA_RUN_DIR: join(this.runDir, 'kafka') };
  }

  async startBroker() {
    this.kafkaPort = await freePort();
    this.kafkaControllerPort = await freePort();
    this.brokers = `127.0.0.1:${this.kafkaPort}`;
    this.log(`starting a Kafka broker of its own on ${this.brokers} (run dir ${join(this.runDir, 'kafka')})`);
    execFileSync('bash', [join(ROOT, 'scripts/kafka.sh'), 'start'], { env: this.kafkaEnv(), stdio: ['ignore', 'ignore', 'inherit'] });
    this.brokerPid = Number(readFileSync(join(this.runDir, 'kafka', 'kafka.pid'), 'utf8').trim());
    this.kafka = new Kafka({ clientId: 'chaos', brokers: [this.brokers], logLevel: logLevel.NOTHING });
    this.admin = this.kafka.admin();
    await this.admin.connect();
  }

  pauseBroker() {
    process.kill(this.brokerPid, 'SIGSTOP');
    this.brokerPaused = true;
  }

  resumeBroker() {
    process.kill(this.brokerPid, 'SIGCONT');
    this.brokerPaused = false;
  }

  async stopBroker() {
    if (this.brokerPaused) this.resumeBroker();
    await this.admin?.disconnect().catch(() => undefined);
    if (this.kafkaPort) execFileSync('bash', [join(ROOT, 'scripts/kafka.sh'), 'stop'], { env: this.kafkaEnv(), stdio: 'ignore' });
  }

  /** Members of a service's consumer group (the gateway's is gateway-<replica id>). */
  async groupMembers(service) {
    const group = `${this.namespace}${service === 'gateway' ? 'gateway-chaos' : service}`;
    const { groups } = await this.admin.describeGroups([group]);
    return groups[0]?.members.length ?? 0;
  }

  // ---- databases ---------------------------------------------------------------------------

  async createDatabases() {
    for (const s of SERVICES) await ensureMysqlDatabase(this.databaseUrl(s));
  }

  async dropDatabases() {
    for (const s of SERVICES) await dropMysqlDatabase(this.databaseUrl(s)).catch(() => undefined);
  }

  // ---- processes ---------------------------------------------------------------------------

  envOf(name) {
    const common = {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(this.ports[name]),
      KAFKA_BROKERS: this.brokers,
      KAFKA_NAMESPACE: this.namespace,
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
    };
    if (name === 'gateway') {
      const url = (s) => `http://127.0.0.1:${this.ports[s]}/graphql`;
      return {
        ...common,
        AUTH_VERIFY_KEY: this.keys.publicKeyPem,
        FIRMS_URL: url('firms'),
        CLIENTS_URL: url('clients'),
        INVITATIONS_URL: url('invitations'),
        PAYROLL_SYNC_URL: url('payroll-sync'),
        FIRMS_GATEWAY_SECRET: this.secrets.firms,
        CLIENTS_GATEWAY_SECRET: this.secrets.clients,
        INVITATIONS_GATEWAY_SECRET: this.secrets.invitations,
        PAYROLL_SYNC_GATEWAY_SECRET: this.secrets['payroll-sync'],
        GATEWAY_REPLICA_ID: 'chaos',
        WEB_DIR: '',
      };
    }
    return {
      ...common,
      DATABASE_URL: this.databaseUrl(name),
      GATEWAY_SECRET: this.secrets[name],
      AUTH_SIGNING_KEY: this.keys.privateKeyPem,
      MAIL_DIR: this.mailDir,
      APP_URL: 'http://localhost:4000',
    };
  }

  get gatewayUrl() {
    return `http://127.0.0.1:${this.ports.gateway}/graphql`;
  }

  async startAll() {
    for (const name of [...SERVICES, 'gateway']) this.ports[name] = await freePort();
    await Promise.all(SERVICES.map((s) => this.start(s)));
    await this.start('gateway');
  }

  /** Starts (or restarts) one process on its port and waits until /health answers. */
  async start(name) {
    const entry = name === 'gateway' ? 'gateway/dist/index.js' : `services/${name}/dist/index.js`;
    const logFile = join(this.runDir, `${name}.log`);
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [join(ROOT, entry)], { cwd: ROOT, env: this.envOf(name), stdio: ['ignore', fd, fd] });
    closeSync(fd);
    const proc = { child, name, exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))) };
    this.procs[name] = proc;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting; see ${logFile}`);
      try {
        const res = await fetch(`http://127.0.0.1:${this.ports[name]}/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return proc;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`${name} did not start within 60 s; see ${logFile}`);
      await sleep(100);
    }
  }

  kill9(name) {
    this.procs[name].child.kill('SIGKILL');
    return this.procs[name].exited;
  }

  /** SIGTERM; resolves with the exit code and how long the process took to exit. */
  async terminate(name, limitMs = 15_000) {
    const { child, exited } = this.procs[name];
    const started = Date.now();
    child.kill('SIGTERM');
    let timer;
    const outcome = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r('hung'), limitMs)))]);
    clearTimeout(timer);
    if (outcome === 'hung') {
      child.kill('SIGKILL');
      await exited;
      return { code: null, ms: Date.now() - started, hung: true };
    }
    return { code: outcome.code, signal: outcome.signal, ms: Date.now() - started, hung: false };
  }

  async stopAll() {
    await Promise.all(
      Object.values(this.procs).map(async (p) => {
        if (p.child.exitCode !== null || p.child.signalCode !== null) return;
        p.child.kill('SIGTERM');
        const t = setTimeout(() => p.child.kill('SIGKILL'), 12_000);
        await p.exited;
        clearTimeout(t);
      }),
    );
  }

  /** Error-level lines (pino level ≥ 50) each process has logged so far. */
  errorLines() {
    const counts = {};
    for (const name of [...SERVICES, 'gateway']) {
      let text = '';
      try {
        text = readFileSync(join(this.runDir, `${name}.log`), 'utf8');
      } catch {
        /* not started */
      }
      counts[name] = text.split('\n').filter((l) => /"level":(50|60)/.test(l)).length;
    }
    return counts;
  }

  cleanupRunDir() {
    rmSync(this.runDir, { recursive: true, force: true });
  }
}

module.exports = { Cluster, SERVICES, sleep };
