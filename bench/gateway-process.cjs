/**
 * One gateway in a process of its own, for `bench/gateway.cjs` (issue 13: the gateway uses a core
 * of its own, as in production, instead of sharing the subgraphs' event loop):
 * `node bench/gateway-process.cjs '<json>'` with { kind: 'ours' | 'ours-apollo-client' | 'hive',
 * publicKeyPem, subgraphs: { firms: { url, secret }, … }, kafka?: { brokers, namespace } }.
 * Prints one JSON line `{ "url": … }` when it serves; stops on SIGTERM.
 * Ours reads revocations from Kafka when the bench runs on Kafka, else from an in-process
 * transport (nothing is revoked during a benchmark either way).
 */
const http = require('node:http');
const { readFileSync } = require('node:fs');
const { startGateway, SUPERGRAPH_PATH } = require('../gateway/dist');
const { AccessTokenVerifier, GATEWAY_SECRET_HEADER, IDENTITY_HEADER, InProcessTransport, KafkaTransport, createLogger, encodeIdentity } = require('../packages/kit/dist');

const config = JSON.parse(process.argv[2]);
const logger = createLogger({ name: `bench-${config.kind}`, level: 'warn' });

async function startOurs(subgraphClient) {
  const transport = config.kafka
    ? new KafkaTransport({ clientId: 'bench-gateway', brokers: config.kafka.brokers, namespace: config.kafka.namespace, logger })
    : new InProcessTransport(logger);
  const gateway = await startGateway(
    {
      host: '127.0.0.1',
      port: 0,
      supergraphPath: SUPERGRAPH_PATH,
      tokenPublicKeyPem: config.publicKeyPem,
      replicaId: `bench-${config.kind}-${process.pid}`,
      subgraphClient,
      subgraphs: config.subgraphs,
    },
    logger,
    transport,
  );
  return { url: gateway.url, stop: async () => (await gateway.stop(), await transport.close()) };
}

/** Hive Gateway in front of the same subgraphs, given the same identity headers as ours sends. */
async function startHive() {
  const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime');
  const supergraph = readFileSync(SUPERGRAPH_PATH, 'utf8');
  const verifier = await AccessTokenVerifier.fromPem(config.publicKeyPem);
  // The supergraph's URLs name the default ports; send each call to where that subgraph runs here.
  const targets = {};
  for (const [, name, url] of supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) targets[url] = config.subgraphs[name];
  const identities = new WeakMap();
  const identityOf = (context) => {
    if (!identities.has(context)) {
      const token = /^Bearer (.+)$/.exec(context.request.headers.get('authorization') ?? '')?.[1];
      identities.set(context, token ? verifier.verify(token).then((v) => v.identity) : Promise.resolve(undefined));
    }
    return identities.get(context);
  };
  const runtime = createGatewayRuntime({
    supergraph,
    logging: process.env.BENCH_HIVE_LOG ?? false,
    plugins: () => [
      {
        async onFetch({ url, setURL, options, setOptions, context }) {
          const target = targets[url];
          if (!target) return;
          const identity = await identityOf(context);
          setURL(target.url);
          const headers = typeof options.headers?.entries === 'function' ? Object.fromEntries(options.headers.entries()) : { ...options.headers };
          setOptions({
            ...options,
            headers: { ...headers, [GATEWAY_SECRET_HEADER]: target.secret, ...(identity ? { [IDENTITY_HEADER]: encodeIdentity(identity) } : {}) },
          });
        },
      },
    ],
  });
  const server = http.createServer(runtime);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve));
      await runtime.dispose?.();
    },
  };
}

(async () => {
  const running = config.kind === 'hive' ? await startHive() : await startOurs(config.kind === 'ours-apollo-client' ? 'apollo' : 'pooled');
  let peakRss = process.memoryUsage().rss;
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100).unref();
  // The parent asks for this process's memory on stdin ("rss\n") and gets one JSON line back.
  process.stdin.on('data', (chunk) => {
    if (String(chunk).includes('rss')) process.stdout.write(`${JSON.stringify({ rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20), peakRssMiB: Math.round(peakRss / 2 ** 20) })}\n`);
  });
  process.stdout.write(`${JSON.stringify({ url: running.url })}\n`);
  const stop = async () => {
    await running.stop().catch((err) => console.error(err));
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  // The bench died without stopping us: its end of our stdin closes.
  process.stdin.once('end', stop);
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
