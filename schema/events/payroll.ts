import { z } from 'zod';
import { defineEvent } from '@advisor/kit';

/**
 * A payroll run completed for a client. SPEC C5: the member who ran it becomes the client's
 * RESPONSIBLE member. Produced by payroll-sync when a payroll run completes (SPEC P7);
 * `clients` already consumes it.
 */
export const payrollRunCompleted = defineEvent({
  name: 'payroll-run.completed',
  version: 1,
  producer: 'payroll-sync',
  payload: z.object({
    runId: z.string().uuid(),
    clientId: z.string().uuid(),
    runBy: z.object({ realm: z.enum(['firm', 'client']), id: z.string().uuid() }),
    payPeriodStart: z.string().date(),
    payPeriodEnd: z.string().date(),
    completedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/**
 * SPEC P2, G2: approved shifts (and time off) reached a client's timecards as SAVED_DRAFT, or a
 * person's resend did. Sent once per sync or resend that changed timecards.
 */
export const timecardsSynced = defineEvent({
  name: 'timecards.synced',
  version: 1,
  producer: 'payroll-sync',
  payload: z.object({
    clientId: z.string().uuid(),
    syncRunId: z.string().uuid().nullable(),
    /** The pay periods whose timecards changed, by their first day (client's local date). */
    periodStarts: z.array(z.string().date()),
    shiftsSent: z.number().int().min(0),
    timeOffEntries: z.number().int().min(0),
    shiftErrors: z.number().int().min(0),
    syncedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/** SPEC P1, G2: a client's sync failed; it retries by itself at `nextAttemptAt`. */
export const syncFailed = defineEvent({
  name: 'sync.failed',
  version: 1,
  producer: 'payroll-sync',
  payload: z.object({
    clientId: z.string().uuid(),
    syncRunId: z.string().uuid(),
    kind: z.enum(['SYNC', 'POLL']),
    /** A sentence a person can act on; never a key or an internal address. */
    error: z.string(),
    attempt: z.number().int().min(1),
    nextAttemptAt: z.string().datetime({ offset: true }),
    failedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});

/**
 * SPEC P6, G2: one client's part of a tax-card fetch ended, FETCHED with its cards or FAILED with
 * the reason (a retry of the client ends it again). Sent in the transaction that ends it.
 */
export const taxCardFetchFinished = defineEvent({
  name: 'tax-card-fetch.finished',
  version: 1,
  producer: 'payroll-sync',
  payload: z.object({
    fetchId: z.string().uuid(),
    clientId: z.string().uuid(),
    /** The firm of the member who started the fetch; null when the client's admin did. */
    firmId: z.string().uuid().nullable(),
    year: z.number().int(),
    status: z.enum(['FETCHED', 'FAILED']),
    cardCount: z.number().int().min(0),
    reason: z.string().nullable(),
    finishedAt: z.string().datetime({ offset: true }),
  }),
  keyOf: (p) => p.clientId,
});
