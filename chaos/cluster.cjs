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
/** A process's service: `clients.2` is the second replica of `clients`; `clients` is a single one. */
const serviceOf = (name) => name.replace(/\.\d+$/, '');
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
  /**
   * `brokers`: use an existing broker (with a namespace of its own) instead of starting one; it
   * cannot be paused then. `env`: extra variables per service (all its replicas).
   */
  constructor({ mysqlUrl, runDir, log, brokers, env = {} }) {
    this.externalBrokers = brokers;
    this.extraEnv = env;
    this.proxies = {};
    this.id = randomBytes(3).toString('hex');
    this.mysqlUrl = mysqlUrl.replace(/\/$/, '');
    this.prefix = `chaos${this.id}_`;
    this.namespace = `chaos${this.id}.`;
    this.runDir = runDir;
    this.mailDir = join(runDir, 'mail');
    this.log = log;
    this.keys = generateSigningKeyPair();
    // SPEC F9: every firms replica seals and opens TOTP secrets with the same key.
    this.twoFactorKey = randomBytes(32).toString('base64');
    this.secrets = Object.fromEntries(SERVICES.map((s) => [s, randomBytes(24).toString('base64url')]));
    /** The operator's platform account (SPEC G6): the suite registers client companies with it. */
    this.platformApiKey = `adpk_${randomBytes(32).toString('base64url')}`;
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
    if (this.externalBrokers) {
      this.brokers = this.externalBrokers;
      this.kafka = new Kafka({ clientId: 'chaos', brokers: this.brokers.split(','), logLevel: logLevel.NOTHING });
      this.admin = this.kafka.admin();
      await this.admin.connect();
      return;
    }
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
    if (this.externalBrokers && this.admin) {
      // A shared broker: remove this run's groups and topics.
      const groups = (await this.admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(this.namespace));
      if (groups.length) await this.admin.deleteGroups(groups).catch(() => undefined);
      const topics = (await this.admin.listTopics()).filter((t) => t.startsWith(this.namespace));
      if (topics.length) await this.admin.deleteTopics({ topics }).catch(() => undefined);
    }
    await this.admin?.disconnect().catch(() => undefined);
    if (this.kafkaPort) execFileSync('bash', [join(ROOT, 'scripts/kafka.sh'), 'stop'], { env: this.kafkaEnv(), stdio: 'ignore' });
  }

  /** Members of a process's consumer group (a gateway's is gateway-<replica id>, its own). */
  async groupMembers(name) {
    const group = `${this.namespace}${serviceOf(name) === 'gateway' ? `gateway-${this.replicaIdOf(name)}` : serviceOf(name)}`;
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

  replicaIdOf(name) {
    return name === 'gateway' ? 'chaos' : `chaos.${name.slice('gateway.'.length)}`;
  }

  /** Where a gateway finds a subgraph: its round-robin proxy when it runs as replicas (chaos/proxy.cjs). */
  subgraphPort(service) {
    return this.proxies[service]?.port ?? this.ports[service];
  }

  envOf(name) {
    const service = serviceOf(name);
    const common = {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(this.ports[name]),
      KAFKA_BROKERS: this.brokers,
      KAFKA_NAMESPACE: this.namespace,
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? 'warn',
    };
    if (service === 'gateway') {
      const url = (s) => `http://127.0.0.1:${this.subgraphPort(s)}/graphql`;
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
        GATEWAY_REPLICA_ID: this.replicaIdOf(name),
        PLATFORM_API_KEY: this.platformApiKey,
        WEB_DIR: '',
      };
    }
    return {
      ...common,
      DATABASE_URL: this.databaseUrl(service),
      GATEWAY_SECRET: this.secrets[service],
      AUTH_SIGNING_KEY: this.keys.privateKeyPem,
      TWO_FACTOR_KEY: this.twoFactorKey,
      MAIL_DIR: this.mailDir,
      APP_URL: 'http://localhost:4000',
      ...this.extraEnv[service],
    };
  }

  get gatewayUrl() {
    return `http://127.0.0.1:${this.ports.gateway ?? this.ports['gateway.1']}/graphql`;
  }

  /**
   * Starts every subgraph and the gateway. With `replicas` > 1, processes are named
   * `<service>.<n>`, and each subgraph's replicas sit behind a round-robin proxy (what a
   * Kubernetes Service does) that the gateways call.
   */
  async startAll({ replicas = 1 } = {}) {
    const names = (s) => (replicas === 1 ? [s] : Array.from({ length: replicas }, (_, i) => `${s}.${i + 1}`));
    this.subgraphNames = SERVICES.flatMap(names);
    this.gatewayNames = names('gateway');
    for (const name of [...this.subgraphNames, ...this.gatewayNames]) this.ports[name] = await freePort();
    if (replicas > 1) {
      const { startRoundRobinProxy } = require('./proxy.cjs');
      for (const s of SERVICES) this.proxies[s] = await startRoundRobinProxy(() => names(s).map((n) => this.ports[n]));
    }
    // Replicas start side by side: migrations run once, under a MySQL named lock.
    await Promise.all(this.subgraphNames.map((n) => this.start(n)));
    await Promise.all(this.gatewayNames.map((g) => this.start(g)));
  }

  gatewayUrlOf(name) {
    return `http://127.0.0.1:${this.ports[name]}/graphql`;
  }

  /** Starts (or restarts) one process on its port and waits until /health answers. */
  async start(name) {
    const entry = serviceOf(name) === 'gateway' ? 'gateway/dist/index.js' : `services/${serviceOf(name)}/dist/index.js`;
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
    for (const p of Object.values(this.proxies)) await p.close();
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
    for (const name of Object.keys(this.procs)) {
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

module.exports = { Cluster, SERVICES, serviceOf, sleep };
