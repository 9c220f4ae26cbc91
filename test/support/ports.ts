import { createServer } from 'node:net';

/** The ports `npm start` takes from PORT: the gateway, four subgraphs, and the two simulators (PORT + 101, + 102). */
export const NPM_START_PORT_OFFSETS = [0, 1, 2, 3, 4, 101, 102];

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A PORT for `npm start` whose every derived port is free now. Taken below Linux's ephemeral range
 * (32768–60999), where the tests' own outgoing connections (MySQL, Kafka, HTTP) take their local
 * ports, so nothing else grabs one between this check and the start.
 */
export async function freeNpmStartPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 2_400) * 5;
    const free = await Promise.all(NPM_START_PORT_OFFSETS.map((o) => isFree(base + o)));
    if (free.every(Boolean)) return base;
  }
  throw new Error('no free set of ports for npm start');
}
