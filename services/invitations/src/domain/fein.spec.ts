import { businessNamesMatch } from './fein';

describe('business name as a firm types it (SPEC I3)', () => {
  it('I3: a name matches whatever its case, punctuation, accents or trailing legal form', () => {
    expect(businessNamesMatch('harbor coffee', 'Harbor Coffee LLC')).toBe(true);
    expect(businessNamesMatch('Harbor Coffee, Inc.', 'HARBOR COFFEE')).toBe(true);
    expect(businessNamesMatch('Café Olé', 'Cafe Ole')).toBe(true);
    expect(businessNamesMatch('Smith & Sons', 'Smith and Sons Co')).toBe(true);
  });

  it('I3: a different name does not match, nor does a legal form on its own', () => {
    expect(businessNamesMatch('Red Fox Deli', 'Blue Heron Bakery')).toBe(false);
    expect(businessNamesMatch('Harbor', 'Harbor Coffee')).toBe(false);
    expect(businessNamesMatch('LLC', 'Inc')).toBe(false);
  });
});
