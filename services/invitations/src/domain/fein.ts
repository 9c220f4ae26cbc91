const LEGAL_FORMS = new Set(['inc', 'incorporated', 'llc', 'llp', 'lp', 'pllc', 'pc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company']);

/** A business name reduced for comparison: case, accents, punctuation and a trailing legal form do not count. */
export function comparableBusinessName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1])) words.pop();
  return words.join('');
}

export function businessNamesMatch(typed: string, registered: string): boolean {
  return comparableBusinessName(typed) === comparableBusinessName(registered);
}
