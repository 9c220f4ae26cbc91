import { z } from 'zod';
import publicDomains from 'email-providers/all.json';

/** The maintained list of public (free webmail) email domains, from the `email-providers` package. */
const PUBLIC_DOMAINS: ReadonlySet<string> = new Set((publicDomains as string[]).map((d) => d.toLowerCase()));

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
  return PUBLIC_DOMAINS.has(domain.toLowerCase().replace(/\.+$/, ''));
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
