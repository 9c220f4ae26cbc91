import { createLogger, runMain } from '@advisor/kit';
import { readGatewayEnv } from './env';
import { startGateway } from './gateway';

export { startGateway, type GatewayConfig } from './gateway';
export { composeSupergraph, SUBGRAPHS, SUPERGRAPH_PATH, REPO_ROOT, type SubgraphName } from './compose';

/** Standalone entrypoint (containers): `node gateway/dist/index.js`. */
if (require.main === module) {
  runMain('gateway', async () => {
    const config = readGatewayEnv();
    return startGateway(config, createLogger({ name: 'gateway', level: config.logLevel }));
  });
}
