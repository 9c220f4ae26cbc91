import { centsToDollars, percent } from '../src/exports';

describe('P5 CSV cells', () => {
  it('money: integer cents become exact dollars, however large', () => {
    expect(centsToDollars('0')).toBe('0.00');
    expect(centsToDollars(5)).toBe('0.05');
    expect(centsToDollars('123456')).toBe('1234.56');
    expect(centsToDollars('-1999')).toBe('-19.99');
    expect(centsToDollars('9007199254740993')).toBe('90071992547409.93');
    expect(centsToDollars(null)).toBeNull();
  });

  it('shares: a percentage with one decimal, empty without a value', () => {
    expect(percent(1)).toBe('100.0');
    expect(percent(2 / 3)).toBe('66.7');
    expect(percent(0)).toBe('0.0');
    expect(percent(null)).toBeNull();
  });
});
