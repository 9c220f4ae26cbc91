import type { TestSystem } from './test-system';

/**
 * Performance rule (STYLE; issues 4 and 13): what one request costs in SQL statements, per service.
 *
 * Background work also sends statements: the outbox relays and payroll-sync's loops (the sync
 * scheduler, the tax-card and filing runners, the alert digest) are paused while counting; `resume` starts them again
 * (the scheduler only when `scheduler` is set: it runs only where time tracking is configured).
 */
export async function pauseBackgroundWork(system: TestSystem, opts: { scheduler?: boolean } = {}): Promise<() => void> {
  const payroll = system.services.payrollSync.domain;
  const loops = [payroll.taxCards, payroll.filings, payroll.alertDigestLoop];
  await Promise.all([payroll.scheduler.stop(), ...loops.map((loop) => loop.stop())]);
  for (const s of Object.values(system.services)) {
    await s.relay?.drain();
    await s.relay?.stop();
  }
  return () => {
    for (const s of Object.values(system.services)) s.relay?.start();
    for (const loop of loops) loop.start();
    if (opts.scheduler) payroll.scheduler.start();
  };
}

/**
 * Statements and subgraph calls per service while `request` runs, `runs` times. Consumers may still
 * apply the set-up's events in the background: of the runs, the fewest statements per service are
 * the request's own (a request whose cost grew with the data would grow in every run).
 */
export async function costOf<T>(
  system: TestSystem,
  request: () => Promise<T>,
  runs = 3,
): Promise<{ result: T; perService: Record<string, number>; fetches: Record<string, number>; bytes: Record<string, number> }> {
  const services = Object.entries(system.services);
  const samples: Array<{ result: T; perService: Record<string, number>; fetches: Record<string, number>; bytes: Record<string, number> }> = [];
  for (let i = 0; i < runs; i++) {
    const before = Object.fromEntries(services.map(([k, s]) => [k, { statements: s.db.statementCount, calls: s.requests.calls, bytes: s.requests.bytes }]));
    const result = await request();
    samples.push({
      result,
      perService: Object.fromEntries(services.map(([k, s]) => [k, s.db.statementCount - before[k].statements])),
      fetches: Object.fromEntries(services.map(([k, s]) => [k, s.requests.calls - before[k].calls])),
      bytes: Object.fromEntries(services.map(([k, s]) => [k, s.requests.bytes - before[k].bytes])),
    });
  }
  const fewest = Object.fromEntries(services.map(([k]) => [k, Math.min(...samples.map((s) => s.perService[k]))]));
  return { ...samples[0], perService: fewest };
}
