import { TEST_MYSQL_URL, kafkaBrokers } from '../support/env';

// The same proof as `npm run scaleout` (500 acceptances), shorter; plain CommonJS shared with it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runScaleOut } = require('../../chaos/scaleout.cjs') as {
  runScaleOut(opts: { acceptances: number; brokers: string; mysqlUrl: string; log(msg: string): void }): Promise<{ figures: Record<string, unknown>; failures: string[] }>;
};

/**
 * SPEC D3 on real MySQL and Kafka: two replicas of every subgraph (separate processes, behind
 * round-robin proxies as a Kubernetes Service would put them) and two gateways; acceptances
 * through both gateways in turn while one replica of clients and one of invitations are killed
 * with SIGKILL. Needs `npm run build` (npm test builds first).
 */
describe('scale-out: two replicas of every service and two gateways (SPEC D3)', () => {
  it('D3: acceptances through two gateways while a clients and an invitations replica are SIGKILLed: each accepted once everywhere, outboxes drained, each scheduled sync once, both gateways revoke a log-out', async () => {
    const acceptances = 60;
    const lines: string[] = [];
    const { figures, failures } = await runScaleOut({ acceptances, brokers: kafkaBrokers().join(','), mysqlUrl: TEST_MYSQL_URL, log: (m) => lines.push(m) });
    console.log(`[D3] ${lines.join('\n[D3] ')}`);
    expect(failures).toEqual([]);
    expect(figures).toMatchObject({ accepted: acceptances, links: acceptances, assignments: acceptances, lost: 0, doubled: 0, unpublished: 0, claimsLeft: 0, scheduledTwice: 0 });
    // Both gateways carried acceptances.
    const perGateway = figures.okPerGateway as Record<string, number>;
    expect(Object.values(perGateway).every((n) => n > 0)).toBe(true);
  }, 240_000);
});
