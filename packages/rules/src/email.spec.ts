import { emailDomain, emailInput, isPublicEmailDomain } from './email';

describe('email domains (F2)', () => {
  it('F2: the domain is lower-case without a trailing dot', () => {
    expect(emailDomain('Jo@Acme-CPA.COM.')).toBe('acme-cpa.com');
    expect(emailInput().parse('  Jo@Acme-CPA.com. ')).toBe('jo@acme-cpa.com');
    expect(emailInput().safeParse('not-an-email').success).toBe(false);
  });

  it.each(['gmail.com', 'GMAIL.COM', 'gmail.com.', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com'])(
    'F2: %s is a public domain from the maintained list',
    (domain) => expect(isPublicEmailDomain(domain)).toBe(true),
  );

  it.each([
    'fastmail.com', 'tutanota.com', 'tuta.io', 'proton.me', 'protonmail.com', 'hey.com', 'zoho.com', 'mail.com',
    'gmx.de', 'gmx.net', 'gmx.co.uk', 'gmx.ch', 'yandex.ru', 'yandex.kz', 'icloud.com', 'me.com', 'posteo.de',
  ])('F2: %s, a well-known public provider, is refused (maintained list or the reviewed supplement)', (domain) =>
    expect(isPublicEmailDomain(domain)).toBe(true),
  );

  it.each(['acme-cpa.com', 'ledgerco.example', 'justworks.com', 'gmx-consulting.com', 'yandex-tax.example', 'hey-cpa.com'])('F2: %s is a firm domain', (domain) =>
    expect(isPublicEmailDomain(domain)).toBe(false),
  );
});
