import type { Logger } from './logger';

export interface LeasedWorkLoopOptions {
  /** Names the loop in logs, e.g. `access-expiry`. */
  name: string;
  /** How often each replica looks for due work. */
  intervalMs: number;
  /**
   * Claims a batch of due work and does it, returning how many items it did (0: nothing due).
   * The claim must hold across replicas: rows selected `FOR UPDATE SKIP LOCKED` (`db.skipLocked`)
   * and finished in the same transaction, or leased with a `locked_until` column, so each item is
   * done once however many replicas run the loop, and a replica that dies leaves its items to the
   * next sweep.
   */
  runBatch: () => Promise<number>;
  /** What one item is, for the log line of a sweep that did something (default `items`). */
  itemsLabel?: string;
  logger?: Logger;
}

/**
 * ARCHITECTURE "Scheduled work": work that must run once across replicas (expiry sweeps, …).
 * Every replica runs the loop; the claim inside `runBatch` decides who does what. A sweep drains
 * what is due one batch at a time; a replica runs one sweep at a time; `stop` waits for the
 * sweep in flight, so nothing is left half-done at shutdown.
 */
export class LeasedWorkLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(readonly options: LeasedWorkLoopOptions) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep now (tests, or a caller that knows work is due); joins the one in flight, if any. Resolves to how many items it did. */
  sweep(): Promise<number> {
    this.running ??= (async () => {
      let done = 0;
      try {
        for (let batch = await this.options.runBatch(); batch > 0; batch = await this.options.runBatch()) done += batch;
        if (done > 0) this.options.logger?.info({ loop: this.options.name, [this.options.itemsLabel ?? 'items']: done }, `${this.options.name}: sweep done`);
      } catch (err) {
        this.options.logger?.error({ err, loop: this.options.name }, `${this.options.name}: sweep failed; the next one retries`);
      } finally {
        this.running = undefined;
      }
      return done;
    })();
    return this.running;
  }
}
