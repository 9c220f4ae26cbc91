import type { Logger } from './logger';

export interface LeasedWorkOptions {
  /** How often a replica looks for due work. */
  tickMs: number;
  /** Items one replica works on at the same time. */
  concurrency: number;
  /** How often it looks while work is in flight (default tickMs), to fill freed slots sooner. */
  busyTickMs?: number;
  /** How long stop() waits for work in flight (default 4 s); an item cut short keeps its lease, which lapses. */
  stopWaitMs?: number;
}

/**
 * The loop of background work claimed from MySQL with a lease (ARCHITECTURE "Scheduled work"):
 * every tick it claims up to its free slots (`claim(limit)`: typically `SELECT … FOR UPDATE SKIP
 * LOCKED` on a jobs table, stamping `locked_until`) and runs `work(item)` for each. What survives a
 * restart is the table: an item whose runner died is claimed again once its lease lapses, and
 * `work` ends it in a transaction that checks it still holds the lease, so nothing ends twice.
 * Used by payroll-sync's scheduled syncs (SPEC P1), tax-card fetches (P6) and filing submissions (P7).
 */
export class LeasedWorkRunner<T> {
  private timer: NodeJS.Timeout | null = null;
  private readonly running = new Set<Promise<unknown>>();
  private ticking: Promise<void> | null = null;
  private stopped = true;

  constructor(
    private readonly name: string,
    private readonly claim: (limit: number) => Promise<T[]>,
    private readonly work: (item: T) => Promise<void>,
    private readonly logger: Logger,
    readonly options: LeasedWorkOptions,
  ) {}

  get isRunning(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops claiming and waits for work in flight (at most `stopWaitMs`). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise((r) => (timer = setTimeout(r, this.options.stopWaitMs ?? 4_000)))]);
    clearTimeout(timer);
  }

  /** New work: look now rather than at the next tick. */
  wake(): void {
    if (this.stopped || this.ticking) return;
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.ticking = this.tick()
        .then(() => undefined)
        .catch((err) => this.logger.error({ err }, `${this.name} runner tick failed`))
        .finally(() => {
          this.ticking = null;
          this.schedule(this.running.size > 0 ? (this.options.busyTickMs ?? this.options.tickMs) : this.options.tickMs);
        });
    }, delayMs);
    this.timer.unref?.();
  }

  /** Claims due items up to the free slots and starts them; returns how many it started. */
  async tick(): Promise<number> {
    const free = this.options.concurrency - this.running.size;
    if (free <= 0 || this.stopped) return 0;
    const held = await this.claim(free);
    for (const item of held) {
      const run = this.work(item).catch((err) => this.logger.error({ err, item }, `${this.name} crashed`));
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
    }
    return held.length;
  }

  /** Works every due item now, to the end (tests, the demo and the benchmark). */
  async runDueNow(): Promise<number> {
    let total = 0;
    for (;;) {
      const held = await this.claim(this.options.concurrency);
      if (held.length === 0) return total;
      total += held.length;
      await Promise.all(held.map((item) => this.work(item)));
    }
  }
}
