import { randomBytes } from 'node:crypto';
import {
  AccessTokenIssuer,
  InProcessTransport,
  KafkaTransport,
  createLogger,
  ensureMysqlDatabase,
  generateSigningKeyPair,
  newSecretBoxKey,
  systemClock,
  type BaseServiceConfig,
  type Clock,
  type DatabaseConfig,
  type EventTransport,
  type HttpServerHandle,
  type KeyPairPem,
  type Logger,
  type Mailer,
  type RunningService,
} from '@advisor/kit';
import { DEFAULT_ADVISOR_SUPPORT, startFirmsService, type RunningFirmsService } from '@advisor/firms';
import { startClientsService, type RunningClientsService } from '@advisor/clients';
import { startInvitationsService } from '@advisor/invitations';
import { startPayrollSyncService, type RunningPayrollSyncService, type SchedulerOptions } from '@advisor/payroll-sync';
import { startGateway, SUPERGRAPH_PATH, WEB_DIST_PATH, type GatewayConfig, type SubgraphName } from '@advisor/gateway';

export interface SystemOptions {
  host?: string;
  /** Gateway port; 0 picks a free one. */
  gatewayPort?: number;
  /** Ports of firms, clients, invitations, payroll-sync; 0 picks free ones. */
  subgraphPorts?: [number, number, number, number];
  /** MySQL server URL without a database (`mysql://root@127.0.0.1:3306`); absent: embedded store. */
  mysqlUrl?: string;
  /** Each service's database is `<prefix><service>`, e.g. `advisor_firms`. */
  databasePrefix?: string;
  /** Kafka brokers; absent: the in-process transport. */
  kafkaBrokers?: string[];
  /** Prefix for topics and consumer groups (isolates test systems sharing one broker). */
  kafkaNamespace?: string;
  kafkaMaxWaitTimeInMs?: number;
  keys?: KeyPairPem;
  /** SPEC F9: the key sealing members' TOTP secrets (32 bytes, base64); absent: a random one for this run. */
  twoFactorKey?: string;
  mailDir?: string;
  /** SPEC I7: SMTP when set, else the file sink in `mailDir`. */
  smtpUrl?: string;
  mailFrom?: string;
  mailer?: Mailer;
  appUrl?: string;
  clock?: Clock;
  logger?: Logger;
  /** The built web app the gateway serves at / (SPEC S1); default web/dist, `null` for none. */
  webDir?: string | null;
  /** SPEC G7: the development switch, trusted proxies, the operators' token, limits; safe defaults when absent. */
  gatewayHardening?: Pick<GatewayConfig, 'development' | 'trustProxy' | 'opsToken' | 'limits'>;
  /** SPEC G6, C1: the platform account's key; absent: a random one (the demo data and the tests use it). */
  platformApiKey?: string;
  /** SPEC P5: rows per page of the gateway's CSV downloads (default 200; the tests ask fewer to cross pages). */
  exportPageSize?: number;
  /**
   * SPEC P1: the time-tracking system payroll-sync reaches (the simulator, as its own process, in
   * the demo and the tests) and its scheduler's settings. Without a URL, connecting is refused.
   */
  payrollSync?: {
    timeTrackingUrl?: string;
    timeoutMs?: number;
    scheduler?: Partial<SchedulerOptions> & { enabled?: boolean };
    /** SPEC P6: the tax authority (its simulator in the demo and the tests); without it, connecting it is refused. */
    taxAuthorityUrl?: string;
  };
}

export interface RunningSystem {
  gatewayUrl: string;
  gateway: HttpServerHandle;
  services: {
    firms: RunningFirmsService;
    clients: RunningClientsService;
    invitations: RunningService;
    payrollSync: RunningPayrollSyncService;
  };
  /** The secret each subgraph expects from the gateway (tests prove it is required). */
  secrets: Record<SubgraphName, string>;
  transport: EventTransport;
  keys: KeyPairPem;
  /** SPEC G6, C1: the platform account's key, to register client companies through the gateway. */
  platformApiKey: string;
  stop(): Promise<void>;
}

const SERVICE_ORDER = ['firms', 'clients', 'invitations', 'payroll-sync'] as const;

/**
 * The whole system in one process: four subgraphs and the gateway, on MySQL and Kafka when they
 * are configured, else on embedded SQLite stores and the in-process transport. Same domain code,
 * same outbox and idempotent consumers either way.
 */
export async function startSystem(opts: SystemOptions = {}): Promise<RunningSystem> {
  const logger = opts.logger ?? createLogger({ name: 'advisor-dashboard' });
  const host = opts.host ?? '127.0.0.1';
  const ports = opts.subgraphPorts ?? [0, 0, 0, 0];
  const keys = opts.keys ?? generateSigningKeyPair();
  const platformApiKey = opts.platformApiKey ?? `adpk_${randomBytes(32).toString('base64url')}`;
  const issuer = await AccessTokenIssuer.fromPem(keys.privateKeyPem);
  const clock = opts.clock ?? systemClock;
  const appUrl = opts.appUrl ?? 'http://localhost:4000';
  const mailDir = opts.mailDir ?? '.data/mail';
  const mail = { mailDir, smtpUrl: opts.smtpUrl, mailFrom: opts.mailFrom ?? 'Advisor Dashboard <no-reply@advisor-dashboard.example>' };
  const secrets = Object.fromEntries(
    SERVICE_ORDER.map((name) => [name, randomBytes(32).toString('base64url')]),
  ) as Record<SubgraphName, string>;

  const database = async (service: string): Promise<DatabaseConfig> => {
    if (!opts.mysqlUrl) return { kind: 'embedded' };
    const url = new URL(opts.mysqlUrl);
    url.pathname = `/${opts.databasePrefix ?? 'advisor_'}${service.replace(/-/g, '_')}`;
    await ensureMysqlDatabase(url.toString());
    return { kind: 'mysql', url: url.toString() };
  };
  const config = async (service: (typeof SERVICE_ORDER)[number], port: number): Promise<BaseServiceConfig> => ({
    host,
    port,
    database: await database(service),
    gatewaySecret: secrets[service],
  });

  const transport: EventTransport = opts.kafkaBrokers
    ? new KafkaTransport({
        clientId: 'advisor-dashboard',
        brokers: opts.kafkaBrokers,
        namespace: opts.kafkaNamespace,
        maxWaitTimeInMs: opts.kafkaMaxWaitTimeInMs,
        logger: logger.child({ component: 'kafka' }),
      })
    : new InProcessTransport(logger.child({ component: 'events' }));

  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const s of started.reverse()) await s.stop().catch((err) => logger.error({ err }, 'stop failed'));
    await transport.close();
  };
  try {
    const child = (name: string) => logger.child({ service: name });
    const firms = await startFirmsService({
      config: { ...(await config('firms', ports[0])), appUrl, ...mail, support: DEFAULT_ADVISOR_SUPPORT, twoFactorKey: opts.twoFactorKey ?? newSecretBoxKey() },
      transport,
      issuer,
      mailer: opts.mailer,
      clock,
      logger: child('firms'),
    });
    started.push(firms);
    const clients = await startClientsService({ config: await config('clients', ports[1]), transport, issuer, clock, logger: child('clients') });
    started.push(clients);
    const invitations = await startInvitationsService({
      config: {
        ...(await config('invitations', ports[2])),
        appUrl,
        ...mail,
      },
      transport,
      mailer: opts.mailer,
      clock,
      logger: child('invitations'),
    });
    started.push(invitations);
    const payrollSync = await startPayrollSyncService({
      config: await config('payroll-sync', ports[3]),
      transport,
      clock,
      logger: child('payroll-sync'),
      timeTracking: opts.payrollSync?.timeTrackingUrl ? { url: opts.payrollSync.timeTrackingUrl, timeoutMs: opts.payrollSync.timeoutMs } : undefined,
      scheduler: opts.payrollSync?.scheduler,
      taxAuthority: opts.payrollSync?.taxAuthorityUrl ? { url: opts.payrollSync.taxAuthorityUrl, timeoutMs: opts.payrollSync.timeoutMs } : undefined,
      // SPEC F12: the daily alert digest goes through the same mail sink as every other email.
      alertDigest: { appUrl, ...mail, mailer: opts.mailer },
    });
    started.push(payrollSync);

    const gateway = await startGateway(
      {
        host: opts.host ?? '127.0.0.1',
        port: opts.gatewayPort ?? 0,
        supergraphPath: SUPERGRAPH_PATH,
        tokenPublicKeyPem: keys.publicKeyPem,
        webDir: opts.webDir === null ? undefined : (opts.webDir ?? WEB_DIST_PATH),
        ...opts.gatewayHardening,
        platformApiKey,
        exportPageSize: opts.exportPageSize,
        subgraphs: {
          firms: { url: firms.url, secret: secrets.firms },
          clients: { url: clients.url, secret: secrets.clients },
          invitations: { url: invitations.url, secret: secrets.invitations },
          'payroll-sync': { url: payrollSync.url, secret: secrets['payroll-sync'] },
        },
      },
      logger.child({ service: 'gateway' }),
      transport,
    );
    started.push(gateway);
    return {
      gatewayUrl: gateway.url,
      gateway,
      services: { firms, clients, invitations, payrollSync },
      secrets,
      transport,
      keys,
      platformApiKey,
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
