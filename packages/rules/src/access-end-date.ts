import { z } from 'zod';
import { DomainError } from '@advisor/kit';

/** SPEC F10: the error code of an end date that is not in the future (the same in every service). */
export const END_DATE_IN_PAST = 'END_DATE_IN_PAST';

/** SPEC F10: an access end date as the API takes it (ISO-8601 with its offset); null or absent: no end date. */
export const accessEndDateInput = z.iso.datetime({ offset: true }).transform((v) => new Date(v)).nullish();

/**
 * SPEC F10: access with an end date (an assignment, a bulk grant, a service account) ends by
 * itself; an end date already past would end the access before anyone saw it.
 */
export function requireFutureEndDate(endsAt: Date | null | undefined, now: Date): void {
  if (endsAt && endsAt.getTime() <= now.getTime()) {
    throw new DomainError(END_DATE_IN_PAST, 'The access end date must be in the future.', { fields: [{ field: 'endsAt', message: 'in the past' }] });
  }
}
