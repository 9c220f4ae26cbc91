import { KafkaTransport, createLogger, runMain } from '@advisor/kit';
import { readGatewayEnv } from './env';
import { startGateway } from './gateway';

export { startGateway, type GatewayConfig } from './gateway';
export { WEB_DIST_PATH } from './web-app';
export { hardeningEnvShape, hardeningFromEnv } from './env';
export { QUERY_LIMITS, QUERY_TOO_COMPLEX, checkDocumentLimits, type QueryLimits } from './limits';
export { EXPLORER_CSP, securityHeaders } from './hardening';
export { composeSupergraph, SUBGRAPHS, SUPERGRAPH_PATH, REPO_ROOT, type SubgraphName } from './compose';

/** Standalone entrypoint (containers): `node gateway/dist/index.js`. */
if (require.main === module) {
  runMain('gateway', async () => {
    const config = readGatewayEnv();
    const logger = createLogger({ name: 'gateway', level: config.logLevel });
    const transport = new KafkaTransport({
      clientId: 'gateway',
      brokers: config.kafkaBrokers,
      namespace: config.kafkaNamespace,
      logger: logger.child({ component: 'kafka' }),
    });
    const gateway = await startGateway(config, logger, transport);
    return {
      stop: async () => {
        await gateway.stop();
        await transport.close();
      },
    };
  });
}
