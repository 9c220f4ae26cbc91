import { SimError } from '@advisor/simulator-kit';
import { TaxAuthorityStore } from './tax-authority.store';

/** The tax-authority simulator's rules, on its store directly (the HTTP side is in test/). */
describe('tax-authority simulator store', () => {
  const fein = '12-3456789';
  let store: TaxAuthorityStore;

  const card = (externalRef: string, year = 2025, withholdingRateBasisPoints = 2200) =>
    store.issueTaxCard(fein, { externalRef, firstName: 'Ann', lastName: 'Lee', ssnLast4: '1234', withholdingRateBasisPoints, year });
  const filing = (lines: Array<[string, number, number]>, totals?: { gross?: number; tax?: number }, period = '2025-03') => ({
    period,
    grossPayCents: totals?.gross ?? lines.reduce((s, [, g]) => s + g, 0),
    taxWithheldCents: totals?.tax ?? lines.reduce((s, [, , t]) => s + t, 0),
    employerTaxCents: 12_345,
    lines: lines.map(([externalRef, grossPayCents, taxWithheldCents]) => ({ externalRef, grossPayCents, taxWithheldCents })),
  });
  const codes = (f: { errors: Array<{ code: string }> }) => f.errors.map((e) => e.code);

  beforeEach(() => {
    store = new TaxAuthorityStore(undefined, undefined, () => new Date('2025-04-02T10:00:00Z'));
    store.createEmployer({ fein, name: 'Acme Inc.' });
    card('e-1');
    card('e-2', 2025, 3000);
  });

  it('P6: tax cards by year; a re-issued card replaces the old one', () => {
    card('e-1', 2024, 1800);
    expect(store.taxCardsOf(fein, 2025).map((c) => [c.externalRef, c.withholdingRateBasisPoints])).toEqual([['e-1', 2200], ['e-2', 3000]]);
    const reissued = card('e-1', 2025, 2500);
    expect(reissued.created).toBe(false);
    expect(store.taxCardsOf('123456789', 2025).map((c) => c.withholdingRateBasisPoints)).toEqual([2500, 3000]);
    expect(store.taxCardsOf(fein, 2024)).toHaveLength(1);
  });

  it('P7: a filing whose totals add up and whose employees have cards is ACCEPTED', () => {
    const { filing: result, replayed } = store.file(fein, filing([['e-1', 400_000, 88_000], ['e-2', 300_000, 90_000]]), 'k-1');
    expect(replayed).toBe(false);
    expect(result).toMatchObject({ status: 'ACCEPTED', errors: [], grossPayCents: 700_000, taxWithheldCents: 178_000, fein });
  });

  it('P7: totals that do not add up are REJECTED with TOTALS_MISMATCH (gross and tax each)', () => {
    const result = store.file(fein, filing([['e-1', 400_000, 88_000]], { gross: 400_001, tax: 87_999 }), undefined).filing;
    expect(result.status).toBe('REJECTED');
    expect(codes(result)).toEqual(['TOTALS_MISMATCH', 'TOTALS_MISMATCH']);
  });

  it('P7: a line without a tax card for the period\'s year is REJECTED with NO_TAX_CARD', () => {
    card('e-3', 2024);
    const result = store.file(fein, filing([['e-1', 100, 22], ['e-3', 100, 22], ['unknown', 100, 22]]), undefined).filing;
    expect(result.status).toBe('REJECTED');
    expect(result.errors).toEqual([
      { code: 'NO_TAX_CARD', message: 'Employee e-3 has no tax card for 2025.' },
      { code: 'NO_TAX_CARD', message: 'Employee unknown has no tax card for 2025.' },
    ]);
  });

  it('P7: the authority rejects the next filings when told to, `times` of them, then accepts again', () => {
    store.rejectNextFilings(fein, { reason: 'Employer account is suspended', times: 2 });
    const good = filing([['e-1', 100, 22]]);
    expect(store.file(fein, good, undefined).filing.errors).toEqual([{ code: 'REJECTED_BY_AUTHORITY', message: 'Employer account is suspended' }]);
    expect(store.file(fein, good, undefined).filing.status).toBe('REJECTED');
    expect(store.file(fein, good, undefined).filing.status).toBe('ACCEPTED');
  });

  it('P7: filing is idempotent by (fein, period, key): the same request gets the same filing; another body is refused', () => {
    const request = filing([['e-1', 100, 22]]);
    const first = store.file(fein, request, 'run-1').filing;
    expect(store.file(fein, request, 'run-1')).toEqual({ filing: first, replayed: true });
    expect(store.filingsOf(fein, '2025-03')).toHaveLength(1);
    let refused: SimError | undefined;
    try {
      store.file(fein, filing([['e-1', 200, 44]]), 'run-1');
    } catch (err) {
      refused = err as SimError;
    }
    expect(refused).toMatchObject({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    const otherPeriod = store.file(fein, { ...request, period: '2025-04' }, 'run-1');
    expect(otherPeriod.replayed).toBe(false);
    expect(store.file(fein, request, undefined).filing.id).not.toBe(first.id);
    expect(store.filingsOf(fein).map((f) => f.period)).toEqual(['2025-03', '2025-04', '2025-03']);
  });

  it('an unknown employer is 404 UNKNOWN_EMPLOYER; a second registration 409', () => {
    expect(() => store.taxCardsOf('98-7654321')).toThrow(expect.objectContaining({ status: 404, code: 'UNKNOWN_EMPLOYER' }));
    expect(() => store.createEmployer({ fein, name: 'Again' })).toThrow(expect.objectContaining({ status: 409, code: 'EMPLOYER_EXISTS' }));
  });

  it('the state survives a round trip (what DATA_FILE persists), API key and rules included', () => {
    const { apiKey } = store.createEmployer({ fein: '98-7654321', name: 'Kept' });
    store.rejectNextFilings('98-7654321', { reason: 'Closed' });
    store.file(fein, filing([['e-1', 100, 22]]), 'k');
    const restored = new TaxAuthorityStore(JSON.parse(JSON.stringify(store.toState())));
    expect(restored.authenticates('987654321', apiKey)).toBe(true);
    expect(restored.snapshot(fein)).toEqual(store.snapshot(fein));
    expect(restored.snapshot('98-7654321').rejectFilings).toEqual({ reason: 'Closed', remaining: null });
    expect(JSON.stringify(store.toState())).not.toContain(apiKey);
  });
});
