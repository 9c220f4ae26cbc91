import { DomainError, hashOpaqueToken } from '@advisor/kit';
import {
  INVITATION_TTL_DAYS,
  InvitationLifecycleCode,
  checkInvitationUsable,
  invitationStatusAt,
  invitationTokenHash,
  isInvitationExpired,
  isRetriedAcceptance,
  issueInvitation,
} from './invitation-lifecycle';

const code = (fn: () => void) => {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
};

describe('the invitation lifecycle (SPEC I6, F5)', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('I6: a token is random, 256 bits, stored only as its hash, and expires 7 days after sending', () => {
    const a = issueInvitation(now);
    const b = issueInvitation(now);
    expect(a.token).not.toBe(b.token);
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.tokenHash).toBe(hashOpaqueToken(a.token));
    expect(a.tokenHash).not.toContain(a.token);
    expect(invitationTokenHash(`  ${a.token}\n`)).toBe(a.tokenHash);
    expect(INVITATION_TTL_DAYS).toBe(7);
    expect(a.expiresAt.toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it('I6: a pending invitation reads EXPIRED from its expiry on; an answered one keeps its status', () => {
    const pending = { status: 'PENDING', expiresAt: new Date('2026-11-30T12:00:00Z') };
    expect(invitationStatusAt(pending, new Date('2026-11-30T11:59:59Z'))).toBe('PENDING');
    expect(invitationStatusAt(pending, new Date('2026-11-30T12:00:00Z'))).toBe('EXPIRED');
    expect(isInvitationExpired({ ...pending, status: 'ACCEPTED' }, new Date('2027-01-01'))).toBe(false);
  });

  it('I6: unknown, used and expired invitations are refused, each with its own code; a pending one passes', () => {
    const pending = { status: 'PENDING', expiresAt: new Date('2026-11-30T12:00:00Z') };
    expect(code(() => checkInvitationUsable(null, now))).toBe(InvitationLifecycleCode.NotFound);
    expect(code(() => checkInvitationUsable({ ...pending, status: 'ACCEPTED' }, now))).toBe('INVITATION_ALREADY_USED');
    expect(code(() => checkInvitationUsable(pending, new Date('2026-12-01')))).toBe('INVITATION_EXPIRED');
    expect(code(() => checkInvitationUsable(pending, now))).toBe('no error');
  });

  it('F5: a voided team invitation can carry its own refusal', () => {
    const voided = { status: 'VOIDED', expiresAt: new Date('2026-11-30T12:00:00Z') };
    const closed = (i: { status: string }) => (i.status === 'VOIDED' ? new DomainError('INVITATION_VOIDED', 'replaced') : undefined);
    expect(code(() => checkInvitationUsable(voided, now, { closed }))).toBe('INVITATION_VOIDED');
  });

  it('I6: only the person who accepted is answered with the same success on a retry', () => {
    expect(isRetriedAcceptance({ status: 'ACCEPTED', acceptedById: 'm1' }, 'm1')).toBe(true);
    expect(isRetriedAcceptance({ status: 'ACCEPTED', acceptedById: 'm1' }, 'm2')).toBe(false);
    expect(isRetriedAcceptance({ status: 'PENDING', acceptedById: null }, 'm1')).toBe(false);
    expect(isRetriedAcceptance({ status: 'REJECTED', acceptedById: null }, 'm1')).toBe(false);
  });
});
