import { z } from 'zod';

/** Request shapes of the admin and provider APIs. Domain rules (overlaps, approval) live in the store. */
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());
const localDate = z.iso.date();
const name = z.string().trim().min(1).max(100);
const cents = z.number().int().min(0).max(1_000_000_000_00);
const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. America/New_York');

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const companyInput = z.strictObject({
  id: z.guid(),
  name,
  timeZone: timeZone.default('America/New_York'),
});

const workerFields = {
  firstName: name,
  lastName: name,
  email: z.email().max(254).transform((v) => v.toLowerCase()),
  kind: z.enum(['W2', 'CONTRACTOR']),
  isManager: z.boolean().default(false),
  isAdmin: z.boolean().default(false),
  payRateCents: cents.nullable().default(null),
};
const externalRef = z.string().trim().min(1).max(64);

export const adminWorkerInput = z.strictObject({ ...workerFields, externalRef: externalRef.nullable().default(null) });
export const providerWorkerInput = z.strictObject({ ...workerFields, externalRef });

export const adminWorkerPatch = z.strictObject({
  firstName: name.optional(),
  lastName: name.optional(),
  email: workerFields.email.optional(),
  kind: workerFields.kind.optional(),
  isManager: z.boolean().optional(),
  isAdmin: z.boolean().optional(),
  payRateCents: cents.nullable().optional(),
  externalRef: externalRef.nullable().optional(),
});
/** What the payroll side may change (SPEC P1 two-way sync): flags, pay rate, and the link. */
export const providerWorkerPatch = adminWorkerPatch.pick({ isManager: true, isAdmin: true, payRateCents: true, externalRef: true });

export const shiftInput = z.strictObject({
  workerId: z.string().min(1),
  start: instant,
  end: instant,
  breakMinutes: z.number().int().default(0),
});
export const shiftPatch = shiftInput.omit({ workerId: true }).partial().extend({ breakMinutes: z.number().int().optional() });
export const approvalInput = z.strictObject({ approvedBy: z.string().min(1) });
export const optionalApprovalInput = z.strictObject({ approvedBy: z.string().min(1).optional() });

export const receiptInput = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('SENT'), reason: z.string().max(500).optional() }),
  z.strictObject({ status: z.literal('ERROR'), reason: z.string().trim().min(1).max(500) }),
]);

export const timeOffInput = z.strictObject({
  workerId: z.string().min(1),
  date: localDate,
  minutes: z.number().int().min(1).max(24 * 60),
  kind: z.enum(['PTO', 'SICK', 'UNPAID']),
});

export const expenseInput = z.strictObject({
  workerId: z.string().min(1),
  date: localDate,
  kind: z.enum(['TRIP', 'EXPENSE']),
  amountCents: cents.min(1),
  description: z.string().trim().min(1).max(500),
});

export const changesQuery = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
