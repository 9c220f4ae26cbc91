import { z } from 'zod';

/** Request shapes of the admin and provider APIs; filing rules live in the store. */
const cents = z.number().int().min(0).max(1_000_000_000_00);
const name = z.string().trim().min(1).max(100);
const externalRef = z.string().trim().min(1).max(64);

/** `NN-NNNNNNN` or nine digits, answered as `NN-NNNNNNN`; null when malformed. */
export function normalizeFein(input: string): string | null {
  const match = /^(\d{2})-?(\d{7})$/.exec(input.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

const fein = z.string().transform((v, ctx) => {
  const normalized = normalizeFein(v);
  if (!normalized) ctx.addIssue({ code: 'custom', message: 'must be an FEIN, NN-NNNNNNN' });
  return normalized ?? v;
});

export const employerInput = z.strictObject({ fein, name });

export const taxCardInput = z.strictObject({
  externalRef,
  firstName: name,
  lastName: name,
  ssnLast4: z.string().regex(/^\d{4}$/).nullable().default(null),
  withholdingRateBasisPoints: z.number().int().min(0).max(10_000),
  year: z.number().int().min(2000).max(2100).optional(),
});

export const rejectFilingsInput = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  times: z.number().int().min(1).optional(),
});

export const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

export const filingInput = z.strictObject({
  period,
  grossPayCents: cents,
  taxWithheldCents: cents,
  employerTaxCents: cents,
  lines: z.array(z.strictObject({ externalRef, grossPayCents: cents, taxWithheldCents: cents })).max(10_000),
});

export const idempotencyKey = z.string().trim().min(1).max(200).optional();

export const taxCardsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const filingsQuery = z.object({ period: period.optional() });
