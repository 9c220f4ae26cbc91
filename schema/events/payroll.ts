import { z } from 'zod';
import { defineEvent } from './contract';

/**
 * A payroll run completed for a client. SPEC C5: the member who ran it becomes the client's
 * RESPONSIBLE member. Produced by payroll-sync once payroll runs arrive (a later issue);
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
