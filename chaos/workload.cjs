/**
 * What the fault-injection suite does to the system and how it checks it: firms and client
 * companies, invitations waiting to be accepted, acceptance workers through the gateway, and the
 * check that every committed acceptance reached every service exactly once.
 */
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { createLogger, openDatabase } = require('../packages/kit/dist');
const { sleep } = require('./cluster.cjs');

const SIGN_UP = `mutation($input: SignUpFirmInput!) { signUpFirm(input: $input) { status } }`;
const CONFIRM_SIGN_UP = `mutation($token: String!) { confirmFirmSignUp(token: $token) { accessToken member { id firm { id } } } }`;
const LOG_IN = `mutation($u: String!, $p: String!) { logIn(username: $u, password: $p) { accessToken } }`;
const LOG_IN_CLIENT = `mutation($e: String!, $p: String!) { logInClientAdmin(email: $e, password: $p) { accessToken } }`;
const INVITE = `mutation($input: InviteAccountantFirmInput!) { inviteAccountantFirm(input: $input) { id } }`;
const ACCEPT = `mutation($token: String!) { acceptFirmInvitation(token: $token) { id status } }`;
const PASSWORD = 'chaos suite passphrase 1';

async function gql(url, query, variables = {}, token, timeoutMs = 30_000) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, ...body };
}

async function pool(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

const REGISTER = `mutation($input: RegisterClientCompanyInput!) { registerClientCompany(input: $input) { id } }`;

/**
 * Client companies are registered as production registers them (SPEC C1, G6): the payroll
 * platform calls the gateway with the operator's platform account (`PLATFORM_API_KEY`), four at
 * a time. The clients service publishes client-company.changed for each; the suite waits until
 * the invitations service's directory holds every company, so their admins can invite firms.
 */
async function seedClients(cluster, checks, count) {
  const base = 1_000_000 + Math.floor(Math.random() * 8_000_000);
  const clients = await pool(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
    const email = `admin${i}.${cluster.id}@client-chaos.example`;
    const res = await gql(
      cluster.gatewayUrl,
      REGISTER,
      {
        input: {
          businessName: `Chaos client ${i}`,
          fein: `12-${String(base + i).slice(-7)}`,
          platform: 'PAYROLL',
          status: 'ACTIVE',
          customerSuccess: { name: 'Jordan Success', phone: '+1 646 555 0199', email: 'jordan.success@payroll-platform.example' },
          admins: [{ firstName: 'Casey', lastName: 'Client', email, password: PASSWORD, permissions: ['MANAGE', 'MANAGE_EMPLOYEES'] }],
        },
      },
      cluster.platformApiKey,
    );
    if (res.errors || !res.data) throw new Error(`registering a client company failed: ${JSON.stringify(res.errors ?? res)}`);
    return { clientId: res.data.registerClientCompany.id, email };
  });
  const ids = clients.map((c) => c.clientId);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const [{ n }] = await checks.q('invitations', `SELECT COUNT(*) AS n FROM client_directory WHERE client_id IN (${ids.map(() => '?').join(',')})`, ids);
    if (Number(n) === ids.length) break;
    if (Date.now() > deadline) throw new Error(`the invitations service knows ${n} of ${ids.length} registered client companies after 120 s`);
    await sleep(200);
  }
  return clients;
}

async function signUpFirms(cluster, count) {
  return pool(Array.from({ length: count }, (_, i) => i), 2, async (i) => {
    const domain = `firm${i}-${cluster.id}.example`;
    const username = `chaos.${cluster.id}.${i}`;
    const res = await gql(cluster.gatewayUrl, SIGN_UP, {
      input: {
        firmName: `Chaos firm ${i}`,
        website: `https://${domain}`,
        founder: {
          firstName: 'Fran',
          lastName: `Founder${i}`,
          workEmail: `fran@${domain}`,
          jobRole: 'Partner',
          workPhone: '+1 212 555 0100',
          cellPhone: '+1 917 555 0101',
          personalEmail: 'fran@home.example',
          username,
          password: PASSWORD,
        },
      },
    });
    if (res.errors) throw new Error(`sign-up failed: ${JSON.stringify(res.errors)}`);
    // SPEC F3: the founder opens the link in the confirmation email (the cluster's mail sink).
    const token = confirmationToken(cluster, `fran@${domain}`);
    const confirmed = await gql(cluster.gatewayUrl, CONFIRM_SIGN_UP, { token });
    if (confirmed.errors) throw new Error(`sign-up confirmation failed: ${JSON.stringify(confirmed.errors)}`);
    const s = confirmed.data.confirmFirmSignUp;
    return { email: `fran@${domain}`, username, memberId: s.member.id, firmId: s.member.firm.id, token: s.accessToken, tokens: [] };
  });
}

/** The token in the sign-up confirmation email to this address. */
function confirmationToken(cluster, to) {
  for (const file of readdirSync(cluster.mailDir)) {
    const mail = JSON.parse(readFileSync(join(cluster.mailDir, file), 'utf8'));
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (mail.to === to && mail.template === 'firm-sign-up-confirmation' && token) return token;
  }
  throw new Error(`no sign-up confirmation email to ${to}`);
}

/** Each client admin signs in and invites one of the firms (SPEC I1); the tokens come from the mail sink. */
async function inviteFirms(cluster, clients, firms) {
  await pool(clients, 4, async (client, i) => {
    const firm = firms[i % firms.length];
    const login = await gql(cluster.gatewayUrl, LOG_IN_CLIENT, { e: client.email, p: PASSWORD });
    if (login.errors) throw new Error(`client admin login failed: ${JSON.stringify(login.errors)}`);
    const res = await gql(
      cluster.gatewayUrl,
      INVITE,
      { input: { accountantName: 'Fran', accountantEmail: firm.email, permissions: ['VIEW_COMPANY', 'VIEW_PAYROLL'], acknowledgeFirmWideAccess: true } },
      login.data.logInClientAdmin.accessToken,
    );
    if (res.errors) throw new Error(`invite failed: ${JSON.stringify(res.errors)}`);
  });
  const byEmail = new Map(firms.map((f) => [f.email, f]));
  for (const file of readdirSync(cluster.mailDir)) {
    const mail = JSON.parse(readFileSync(join(cluster.mailDir, file), 'utf8'));
    const firm = byEmail.get(mail.to);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    if (firm && token && mail.template === 'client-invites-firm') firm.tokens.push(token);
  }
}

async function logInFirms(cluster, firms) {
  for (const firm of firms) {
    const res = await gql(cluster.gatewayUrl, LOG_IN, { u: firm.username, p: PASSWORD });
    if (res.errors) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    firm.token = res.data.logIn.accessToken;
  }
}

/**
 * Acceptance workers: each takes its firm's next invitation token and accepts it through the
 * gateway, as the invitee would, retrying (like a person) when the answer is a failure. Every
 * attempt is recorded with its start, duration and outcome.
 */
function startWorkers(cluster, firms, { workers, ratePerSecond, total, stopAt, urls = [cluster.gatewayUrl], maxAttempts = 5 }) {
  const attempts = [];
  let started = 0;
  let nextSlot = Date.now();
  let stopped = false;
  let turn = 0;
  let requests = 0;
  // Round robin over the firms that still have invitations to accept.
  const nextFirm = () => {
    for (let i = 0; i < firms.length; i++) {
      const firm = firms[turn++ % firms.length];
      if (firm.tokens.length > 0) return firm;
    }
    return undefined;
  };
  const run = async () => {
    while (!stopped && (total === undefined || started < total) && (stopAt === undefined || Date.now() < stopAt)) {
      if (ratePerSecond) {
        const slot = nextSlot;
        nextSlot = Math.max(nextSlot, Date.now()) + 1000 / ratePerSecond;
        if (slot > Date.now()) await sleep(slot - Date.now());
        if (stopped || (stopAt !== undefined && Date.now() >= stopAt)) break;
      }
      const firm = nextFirm();
      if (!firm) break;
      const token = firm.tokens.shift();
      started++;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        const at = Date.now();
        // Several gateways: requests take turns (what a load balancer in front of them does).
        const url = urls[requests++ % urls.length];
        let outcome;
        try {
          const res = await gql(url, ACCEPT, { token }, firm.token);
          const code = res.errors?.[0]?.extensions?.code;
          outcome = res.data?.acceptFirmInvitation && !res.errors ? 'ok' : res.status >= 500 || code === 'INTERNAL_SERVER_ERROR' ? '500' : code ?? `http ${res.status}`;
        } catch (err) {
          outcome = 'network';
        }
        attempts.push({ at, ms: Date.now() - at, outcome, attempt, url });
        if (outcome === 'ok' || outcome === 'INVITATION_ALREADY_USED') break;
        await sleep(300);
      }
    }
  };
  const done = Promise.all(Array.from({ length: workers }, () => run()));
  return {
    attempts,
    started: () => started,
    stop: async () => {
      stopped = true;
      await done;
    },
    done,
  };
}

/** Latency and outcomes of the attempts that started inside [from, to). */
function summarize(attempts, from = 0, to = Infinity) {
  const inside = attempts.filter((a) => a.at >= from && a.at < to);
  const ms = inside.map((a) => a.ms).sort((a, b) => a - b);
  const ok = inside.filter((a) => a.outcome === 'ok').length;
  const failures = {};
  for (const a of inside) if (a.outcome !== 'ok') failures[a.outcome] = (failures[a.outcome] ?? 0) + 1;
  return {
    requests: inside.length,
    ok,
    failed: inside.length - ok,
    failures,
    fiveHundreds: (failures['500'] ?? 0),
    successRate: inside.length ? ok / inside.length : 1,
    p99: ms.length ? ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.99))] : 0,
  };
}

/** Read-only connections to each service's database, for the checks. */
async function openChecks(cluster) {
  const logger = createLogger({ name: 'chaos-check', level: 'warn' });
  const open = (s) => openDatabase({ name: `check-${s}`, config: { kind: 'mysql', url: cluster.databaseUrl(s) }, entities: [], migrations: [], logger });
  const dbs = {};
  for (const s of ['firms', 'clients', 'invitations', 'payroll-sync']) dbs[s] = await open(s);
  const q = (s, sql, params) => dbs[s].dataSource.query(sql, params);
  const countBy = async (s, sql, params) => new Map((await q(s, sql, params)).map((r) => [r.k, Number(r.n)]));
  return {
    q,
    close: async () => {
      for (const db of Object.values(dbs)) await db.close();
    },
    /**
     * Every committed acceptance (the invitations database's truth, whatever the HTTP answer
     * was) must have reached every service exactly once: the link and the acceptor's assignment
     * in clients, one client.linked event for it, the link copies in firms and invitations, the
     * time-tracking integration in payroll-sync.
     */
    async verify() {
      const accepted = await q('invitations', "SELECT client_id AS clientId, accepted_by_id AS memberId FROM invitations WHERE kind = 'CLIENT_TO_FIRM' AND status = 'ACCEPTED'");
      const links = await countBy('clients', 'SELECT client_id AS k, COUNT(*) AS n FROM firm_client_links WHERE ended_at IS NULL GROUP BY client_id');
      const assignments = await countBy('clients', "SELECT CONCAT(client_id, '/', member_id) AS k, COUNT(*) AS n FROM assignments GROUP BY client_id, member_id");
      const linkedEvents = new Map();
      for (const r of await q('clients', "SELECT envelope FROM outbox_events WHERE topic = 'advisor.clients.client-linked.v1'")) {
        const id = JSON.parse(r.envelope).payload.clientId;
        linkedEvents.set(id, (linkedEvents.get(id) ?? 0) + 1);
      }
      const firmCopies = await countBy('firms', 'SELECT client_id AS k, COUNT(*) AS n FROM client_links GROUP BY client_id');
      const invitationCopies = await countBy('invitations', 'SELECT client_id AS k, COUNT(*) AS n FROM client_links GROUP BY client_id');
      const integrations = await countBy('payroll-sync', 'SELECT client_id AS k, COUNT(*) AS n FROM time_tracking_integrations GROUP BY client_id');
      let lost = 0;
      let doubled = 0;
      const lostWhere = {};
      for (const { clientId, memberId } of accepted) {
        const seen = {
          link: links.get(clientId) ?? 0,
          assignment: assignments.get(`${clientId}/${memberId}`) ?? 0,
          'client.linked': linkedEvents.get(clientId) ?? 0,
          'firms copy': firmCopies.get(clientId) ?? 0,
          'invitations copy': invitationCopies.get(clientId) ?? 0,
          integration: integrations.get(clientId) ?? 0,
        };
        const missing = Object.entries(seen).filter(([, n]) => n === 0).map(([k]) => k);
        if (missing.length) {
          lost++;
          for (const m of missing) lostWhere[m] = (lostWhere[m] ?? 0) + 1;
        }
        if (Object.values(seen).some((n) => n > 1)) doubled++;
      }
      let unpublished = 0;
      for (const s of ['firms', 'clients', 'invitations']) {
        unpublished += Number((await q(s, 'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL'))[0].n);
      }
      return { accepted: accepted.length, lost, doubled, lostWhere, unpublished };
    },
  };
}

module.exports = { gql, pool, seedClients, signUpFirms, inviteFirms, logInFirms, startWorkers, summarize, openChecks, ACCEPT };
