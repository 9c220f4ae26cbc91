import fc from 'fast-check';
import { amountForMinutes, divideHalfUp, payslipFor, withholdingFrom, DEFAULT_WITHHOLDING_BASIS_POINTS, EMPLOYER_TAX_BASIS_POINTS } from './pay';

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
        fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: undefined }),
        (kind, rateCents, minutes, cardRate) => {
          const withholding = withholdingFrom(cardRate === undefined ? undefined : { withholdingRateBasisPoints: cardRate });
          const slip = payslipFor({ workerId: 'w', kind, rateCents, minutes, withholding });
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
            expect(slip.withheldCents).toBe(0);
            expect(slip.withholding).toBeNull();
          } else {
            expect(slip.employerTaxCents).toBe(divideHalfUp(slip.totalCents * EMPLOYER_TAX_BASIS_POINTS, 10_000));
            expect(slip.withheldCents).toBe(divideHalfUp(slip.totalCents * (cardRate ?? DEFAULT_WITHHOLDING_BASIS_POINTS), 10_000));
            expect(slip.withholding).toEqual({ rateBasisPoints: cardRate ?? DEFAULT_WITHHOLDING_BASIS_POINTS, source: cardRate === undefined ? 'DEFAULT_RATE' : 'TAX_CARD' });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('P5, P6, P7: tax withheld from a W2 payslip: the tax card\'s rate, else 22 %, half up once per payslip', () => {
    const minutes = { REGULAR: 8 * 60 + 1 }; // 481 min × $25.55/h = 20482.58… → 20483 cents
    const byCard = payslipFor({ workerId: 'w', kind: 'W2', rateCents: 2555, minutes, withholding: withholdingFrom({ withholdingRateBasisPoints: 1850 }) });
    expect(byCard.totalCents).toBe(20483);
    expect(byCard.withheldCents).toBe(3789); // 20483 × 18.5 % = 3789.355
    const byDefault = payslipFor({ workerId: 'w', kind: 'W2', rateCents: 2555, minutes, withholding: withholdingFrom(undefined) });
    expect(byDefault.withheldCents).toBe(4506); // 20483 × 22 % = 4506.26
    expect(payslipFor({ workerId: 'w', kind: 'W2', rateCents: 50, minutes: { REGULAR: 60 }, withholding: withholdingFrom({ withholdingRateBasisPoints: 1000 }) }).withheldCents).toBe(5); // 5.0
    expect(payslipFor({ workerId: 'w', kind: 'W2', rateCents: 25, minutes: { REGULAR: 60 }, withholding: withholdingFrom({ withholdingRateBasisPoints: 1000 }) }).withheldCents).toBe(3); // 2.5 → 3
  });

  it('P7: the rounding rule on known values', () => {
    expect(amountForMinutes(1, 3333)).toBe(56); // 55.55 → 56
    expect(amountForMinutes(18, 2550)).toBe(765); // 765.0
    expect(amountForMinutes(1, 30)).toBe(1); // 0.5 → 1 (half up)
    expect(amountForMinutes(1, 29)).toBe(0); // 0.48 → 0
    expect(() => divideHalfUp(-1, 60)).toThrow(RangeError);
  });
});
