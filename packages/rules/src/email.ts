import { z } from 'zod';
import publicDomains from 'email-providers/all.json';

/** The maintained list of public (free webmail) email domains, from the `email-providers` package. */
const PUBLIC_DOMAINS: ReadonlySet<string> = new Set((publicDomains as string[]).map((d) => d.toLowerCase()));

/**
 * A reviewed supplement: well-known providers anyone can open an address at that the maintained
 * list misses (checked against email-providers 2.26; the test lists the whole F2 set). Add here,
 * with the provider's own sign-up page as the evidence.
 */
const SUPPLEMENT: ReadonlySet<string> = new Set([
  'fastmail.com', 'fastmail.us', 'messagingengine.com',
  'tutanota.com', 'tutanota.de', 'tutamail.com', 'tuta.io', 'tuta.com', 'keemail.me',
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me',
  'hey.com', 'zoho.com', 'zohomail.com', 'mail.com',
  'icloud.com', 'me.com', 'mac.com',
  'posteo.de', 'posteo.net', 'mailbox.org', 'mailfence.com', 'startmail.com', 'duck.com',
  'skiff.com', 'ctemplar.com', 'disroot.org', 'riseup.net',
]);

/**
 * Providers that hand out addresses under many country domains (`gmx.de`, `gmx.co.uk`,
 * `yandex.kz`, …): `<name>.<tld>` and `<name>.<co|com>.<tld>` are public for these names.
 */
const PROVIDER_FAMILIES: ReadonlySet<string> = new Set(['gmx', 'yandex', 'fastmail', 'tutanota', 'protonmail']);

function isProviderFamilyDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length === 2) return PROVIDER_FAMILIES.has(labels[0]!);
  return labels.length === 3 && ['co', 'com'].includes(labels[1]!) && PROVIDER_FAMILIES.has(labels[0]!);
}

/** Lower-case domain of an email address, without a trailing dot (`Jo@Acme.COM.` → `acme.com`). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.+$/, '');
}

/** Lower-cased address with the domain normalized as in `emailDomain`. */
export function normalizeEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at).trim()}@${emailDomain(email)}`.toLowerCase();
}

/** SPEC F2: firms cannot be founded on a public email domain such as gmail.com. */
export function isPublicEmailDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.+$/, '');
  return PUBLIC_DOMAINS.has(d) || SUPPLEMENT.has(d) || isProviderFamilyDomain(d);
}

/**
 * Email input as people type it: trimmed, a trailing dot on the domain dropped
 * (`jo@acme.com.` is `jo@acme.com`), the domain lower-cased, then validated.
 */
export const emailInput = () =>
  z
    .string()
    .trim()
    .max(320)
    .transform((v) => (v.includes('@') ? normalizeEmail(v) : v))
    .pipe(z.string().email('is not an email address'));
