import { SecretBox, newSecretBoxKey } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(newSecretBoxKey());

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'member-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'member-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'member-1')).not.toBe(sealed); // a fresh IV each time
  });

  it('refuses another context, another key and an altered value', () => {
    const sealed = box.seal('secret', 'member-1');
    expect(() => box.open(sealed, 'member-2')).toThrow();
    expect(() => new SecretBox(newSecretBoxKey()).open(sealed, 'member-1')).toThrow();
    const altered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(() => box.open(altered, 'member-1')).toThrow();
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new SecretBox('c2hvcnQ=')).toThrow(/32 random bytes/);
  });
});
