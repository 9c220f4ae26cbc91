/**
 * SPEC C1: an FEIN is `NN-NNNNNNN` and its two-digit prefix is one the IRS assigns to a campus
 * (IRS "How EINs are assigned and valid EIN prefixes"). 00, 07–09, 17–19, 28, 29, 49, 69, 70,
 * 78, 79, 89, 96 and 97 are never assigned.
 */
const VALID_PREFIXES: ReadonlySet<number> = new Set([
  ...range(1, 6),
  ...range(10, 16),
  ...range(20, 27),
  ...range(30, 48),
  ...range(50, 68),
  ...range(71, 77),
  ...range(80, 88),
  ...range(90, 95),
  98,
  99,
]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Accepts `NN-NNNNNNN` or nine digits; returns the canonical `NN-NNNNNNN`, or null when invalid. */
export function normalizeFein(input: string): string | null {
  const trimmed = input.trim();
  const match = /^(\d{2})-?(\d{7})$/.exec(trimmed);
  if (!match) return null;
  if (!VALID_PREFIXES.has(Number(match[1]))) return null;
  return `${match[1]}-${match[2]}`;
}
