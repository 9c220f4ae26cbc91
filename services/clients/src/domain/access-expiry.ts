import type { Logger } from '@advisor/kit';
import type { AssignmentService } from './assignment.service';

export interface AccessExpiryOptions {
  /** How often each replica looks for access past its end date (default one minute). */
  intervalMs: number;
}

/**
 * SPEC F10: ends access past its end date. Every replica runs this loop; the claim inside
 * `AssignmentService.endExpired` (FOR UPDATE SKIP LOCKED, ended in the same transaction) makes
 * each assignment end once across replicas, and a replica that dies mid-sweep leaves its rows
 * to the next one, since nothing is claimed outside the transaction.
 */
export class AccessExpiry {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly assignments: AssignmentService,
    private readonly logger: Logger | undefined,
    readonly options: AccessExpiryOptions = { intervalMs: 60_000 },
  ) {}

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

  /** One sweep: ends everything due, a batch at a time; one sweep at a time per replica. */
  sweep(): Promise<void> {
    this.running ??= (async () => {
      try {
        let ended = 0;
        for (let batch = await this.assignments.endExpired(); batch > 0; batch = await this.assignments.endExpired()) ended += batch;
        if (ended > 0) this.logger?.info({ ended }, 'access past its end date ended');
      } catch (err) {
        this.logger?.error({ err }, 'access expiry sweep failed; the next one retries');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
