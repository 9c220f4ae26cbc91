import fc from 'fast-check';
import { amountForMinutes, divideHalfUp, payslipFor, EMPLOYER_TAX_BASIS_POINTS } from './pay';

describe('pay arithmetic (SPEC P7): integer cents, one rounding rule', () => {
  it('P7: for random timecards a payslip\'s total equals the sum of its lines, each line rounded half up once', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'W2' | 'CONTRACTOR'>('W2', 'CONTRACTOR'),
        fc.integer({ min: 0, max: 500_00 }),
        fc.record({
          REGULAR: fc.integer({ min: 0, max: 14 * 24 * 60 }),
          ADJUSTMENT: fc.integer({ min: 0, max: 7 * 24 * 60 }),
          PTO: fc.integer({ min: 0, max: 14 * 8 * 60 }),
          HOLIDAY: fc.integer({ min: 0, max: 3 * 8 * 60 }),
        }),
        (kind, rateCents, minutes) => {
          const slip = payslipFor({ workerId: 'w', kind, rateCents, minutes });
          expect(slip.totalCents).toBe(slip.lines.reduce((sum, l) => sum + l.amountCents, 0));
          for (const line of slip.lines) {
            expect(Number.isSafeInteger(line.amountCents)).toBe(true);
            // Half up: within half a cent of the exact amount, and .5 goes up.
            const exact2 = (2 * line.minutes * line.rateCents) / 60;
            expect(Math.abs(2 * line.amountCents - exact2)).toBeLessThanOrEqual(1);
            expect(line.amountCents).toBe(Math.floor((2 * line.minutes * line.rateCents + 60) / 120));
          }
          if (kind === 'CONTRACTOR') {
            expect(slip.lines.every((l) => l.kind === 'REGULAR' || l.kind === 'ADJUSTMENT')).toBe(true);
            expect(slip.employerTaxCents).toBe(0);
          } else {
            expect(slip.employerTaxCents).toBe(divideHalfUp(slip.totalCents * EMPLOYER_TAX_BASIS_POINTS, 10_000));
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('P7: the rounding rule on known values', () => {
    expect(amountForMinutes(1, 3333)).toBe(56); // 55.55 → 56
    expect(amountForMinutes(18, 2550)).toBe(765); // 765.0
    expect(amountForMinutes(1, 30)).toBe(1); // 0.5 → 1 (half up)
    expect(amountForMinutes(1, 29)).toBe(0); // 0.48 → 0
    expect(() => divideHalfUp(-1, 60)).toThrow(RangeError);
  });
});
