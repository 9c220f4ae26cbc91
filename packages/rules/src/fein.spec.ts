import { normalizeFein } from './fein';

describe('FEIN (C1)', () => {
  it.each([
    ['12-3456789', '12-3456789'],
    ['123456789', '12-3456789'],
    [' 98-7654321 ', '98-7654321'],
    ['01-0000001', '01-0000001'],
  ])('C1: accepts %s as %s', (input, expected) => expect(normalizeFein(input)).toBe(expected));

  it.each(['00-1234567', '07-1234567', '17-1234567', '28-1234567', '49-1234567', '69-1234567', '70-1234567', '78-1234567', '89-1234567', '96-1234567', '97-1234567'])(
    'C1: refuses %s (prefix never assigned by the IRS)',
    (input) => expect(normalizeFein(input)).toBeNull(),
  );

  it.each(['12-345678', '1-23456789', '12_3456789', 'AB-CDEFGHI', ''])('C1: refuses the malformed %p', (input) =>
    expect(normalizeFein(input)).toBeNull(),
  );
});
