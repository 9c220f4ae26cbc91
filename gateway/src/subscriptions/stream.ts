import type { FeedEvent } from './feed';

export interface SubscriberStreamOptions {
  /** Events waiting for this subscriber beyond which it is cut off. */
  maxQueued: number;
  /** SPEC C6: whether the subscriber may receive the event; asked before anything is resolved. */
  accept(event: FeedEvent): Promise<boolean>;
  /** Called once when the subscriber falls behind (the queue is full). */
  onOverflow(): void;
  /** Stops the feed's deliveries to this stream. */
  unlisten(): void;
}

/**
 * One subscription's events, in order, with a bounded queue: a subscriber that does not keep
 * up is cut off instead of buffered without bound. Events it may not see are skipped here, before
 * the subscription's selection is resolved for them.
 */
export class SubscriberStream implements AsyncIterableIterator<Record<string, unknown>> {
  private readonly queue: FeedEvent[] = [];
  private wake?: () => void;
  private ended = false;

  constructor(private readonly opts: SubscriberStreamOptions) {}

  push(event: FeedEvent): void {
    if (this.ended) return;
    if (this.queue.length >= this.opts.maxQueued) {
      this.end();
      this.opts.onOverflow();
      return;
    }
    this.queue.push(event);
    this.wake?.();
  }

  async next(): Promise<IteratorResult<Record<string, unknown>>> {
    while (!this.ended) {
      const event = this.queue.shift();
      if (!event) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      if (await this.opts.accept(event)) return { value: event.payload, done: false };
    }
    return { value: undefined, done: true };
  }

  async return(): Promise<IteratorResult<Record<string, unknown>>> {
    this.end();
    return { value: undefined, done: true };
  }

  async throw(err: unknown): Promise<IteratorResult<Record<string, unknown>>> {
    this.end();
    throw err;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  queued(): number {
    return this.queue.length;
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    this.opts.unlisten();
    this.wake?.();
  }
}
