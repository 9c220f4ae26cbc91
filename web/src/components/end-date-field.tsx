import { TextField } from '@mui/material';
import type { FormErrors } from '../api/errors';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * SPEC F10: a date picked in the form ("2026-12-31") as the instant the access ends: the end of
 * that day in the person's own time zone, as ISO-8601 (the API wants an offset).
 */
export function endOfDayIso(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59).toISOString();
}

/** An end date from the API as the date input's value (the local day it falls on). */
export function dateInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * What an edit sends for the end date: omitted when unchanged, null to remove it, else the new
 * end (SPEC F10: `updateAssignment` leaves an omitted end date as it was).
 */
export function endsAtChange(initial: string | null | undefined, picked: string): { endsAt?: string | null } {
  if (picked === dateInputValue(initial)) return {};
  return { endsAt: picked ? (endOfDayIso(picked) ?? null) : null };
}

/** Where END_DATE_IN_PAST is shown: at this field. */
export const END_DATE_ERROR_FIELDS = { END_DATE_IN_PAST: 'endsAt' } as const;

/** SPEC F10: the optional end date of an access (assignments, bulk grants); its refusal shown beneath it. */
export function EndDateField({ value, onChange, errors, id = 'endsAt' }: { value: string; onChange: (date: string) => void; errors: FormErrors; id?: string }) {
  return (
    <TextField
      id={id}
      label="Access ends on (optional)"
      type="date"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={Boolean(errors.fields.endsAt)}
      helperText={errors.fields.endsAt ?? 'The access ends by itself at the end of this day. Leave empty for no end.'}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}
