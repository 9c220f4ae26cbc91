/**
 * G2 subscriptions (`npm run bench`, part 4): event published on the transport → frame received
 * at the subscriber over a real WebSocket, p50 and p99, for 1,000 `assignment.changed` events and
 * 100 subscribers across 10 firms (10 per firm; each event reaches its firm's 10 subscribers and
 * no other); then the same with `client { businessName }`, resolved through the gateway per frame;
 * and the heap per idle subscription (client and server share this process: an upper bound).
 */
const { randomUUID } = require('node:crypto');
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');
const { assignmentChanged } = require('../schema/dist');

const FIRMS = 10;
const PER_FIRM = 10;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function connect(url, token) {
  let connected;
  const ready = new Promise((resolve, reject) => (connected = { resolve, reject }));
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    on: { connected: () => connected.resolve(), closed: (e) => connected.reject(new Error(`closed ${e.code}`)) },
  });
  await ready;
  return client;
}

function publishAssignment(system, firm, clientId, assignmentId) {
  const payload = {
    assignmentId, clientId, firmId: firm.firmId, memberId: firm.memberId, change: 'UPDATED',
    role: 'RESPONSIBLE', permissions: ['VIEW_COMPANY'], changedAt: new Date().toISOString(),
  };
  const envelope = { eventId: randomUUID(), name: assignmentChanged.name, version: assignmentChanged.version, occurredAt: payload.changedAt, producer: 'clients', payload };
  return system.transport.publish([{ topic: assignmentChanged.topic, key: clientId, value: JSON.stringify(envelope) }]);
}

async function run(system, firms, { events, query, clientIdOf, label, perSecond }) {
  const latencies = [];
  const clients = [];
  let expected = 0;
  const sentAt = new Map();
  for (const firm of firms) {
    for (let i = 0; i < PER_FIRM; i++) {
      const client = await connect(system.gatewayUrl, firm.token);
      clients.push(client);
      client.subscribe({ query }, {
        next: (frame) => {
          const event = frame.data?.assignmentChanged;
          if (!event) return;
          if (event.firmId !== firm.firmId) throw new Error('an event crossed a tenant');
          latencies.push(Date.now() - sentAt.get(event.assignmentId));
        },
        error: (err) => console.error('subscription error', err),
        complete: () => undefined,
      });
    }
  }
  await new Promise((r) => setTimeout(r, 1000));
  const t0 = Date.now();
  for (let i = 0; i < events; i++) {
    const firm = firms[i % firms.length];
    const clientId = clientIdOf(firm, i);
    const assignmentId = randomUUID();
    sentAt.set(assignmentId, Date.now());
    await publishAssignment(system, firm, clientId, assignmentId);
    expected += PER_FIRM;
    // An even stream of events, not one burst.
    if (i % 10 === 9) await new Promise((r) => setTimeout(r, 10_000 / perSecond));
  }
  const deadline = Date.now() + 120_000;
  while (latencies.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const seconds = (Date.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`${label}: ${latencies.length}/${expected} frames in ${seconds.toFixed(1)} s; published → received p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies[latencies.length - 1]} ms`);
  if (latencies.length !== expected) process.exitCode = 1;
  await Promise.all(clients.map((c) => c.dispose()));
}

async function idleMemory(system, firm, n = 500) {
  const gc = global.gc ?? (() => undefined);
  gc();
  await new Promise((r) => setTimeout(r, 200));
  const before = process.memoryUsage().heapUsed;
  const clients = [];
  for (let i = 0; i < n; i++) {
    const client = await connect(system.gatewayUrl, firm.token);
    client.subscribe({ query: 'subscription { syncFailed { clientId error } }' }, { next() {}, error() {}, complete() {} });
    clients.push(client);
  }
  await new Promise((r) => setTimeout(r, 500));
  gc();
  const after = process.memoryUsage().heapUsed;
  console.log(`idle subscriptions: ${n} open, heap +${((after - before) / n / 1024).toFixed(1)} KiB each (client and server in one process${global.gc ? '' : ', without --expose-gc'})`);
  await Promise.all(clients.map((c) => c.dispose()));
}

async function subscriptionsBench(system, signUp, seedClientsOf) {
  console.log(`\n4. G2 subscriptions: ${FIRMS} firms × ${PER_FIRM} subscribers over WebSocket, events on the transport`);
  const firms = [];
  for (let i = 0; i < FIRMS; i++) firms.push(await signUp(system, `subs-${i}`));
  await run(system, firms, {
    label: '1,000 events at 500/s, scalar fields',
    events: 1000,
    perSecond: 500,
    query: 'subscription { assignmentChanged { assignmentId firmId clientId change } }',
    clientIdOf: () => randomUUID(),
  });
  const clientsOf = new Map();
  for (const firm of firms) clientsOf.set(firm.firmId, await seedClientsOf(system, firm, 5));
  await run(system, firms, {
    label: '200 events at 20/s, with client { businessName } through the gateway',
    events: 200,
    perSecond: 20,
    query: 'subscription { assignmentChanged { assignmentId firmId clientId client { businessName } } }',
    clientIdOf: (firm, i) => clientsOf.get(firm.firmId)[i % 5],
  });
  await idleMemory(system, firms[0]);
}

module.exports = { subscriptionsBench };
