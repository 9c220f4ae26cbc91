import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DomainError, hashOpaqueToken, newOpaqueToken, type Clock, type Database } from '@advisor/kit';
import { FirmEntity } from '../db/entities/firm.entity';
import { SecondFactorEntity, SignInChallengeEntity } from '../db/entities/second-factor.entity';
import { FirmErrorCode, MESSAGES } from './errors';

/**
 * SPEC F9, decided here once: what a member must do after a right password before a session is
 * issued. CODE: they have an authenticator; ENROL: their firm requires two-factor sign-in and
 * they have none yet (they get no token at all until they enrol); SESSION: nothing more.
 */
export type SecondStep = 'SESSION' | 'CODE' | 'ENROL';

export async function secondStepFor(em: EntityManager, member: { id: string; firmId: string }): Promise<SecondStep> {
  if (await em.exists(SecondFactorEntity, { where: { memberId: member.id, status: 'ACTIVE' } })) return 'CODE';
  const firm = await em.findOne(FirmEntity, { where: { id: member.firmId }, select: { id: true, twoFactorRequired: true } });
  return firm?.twoFactorRequired ? 'ENROL' : 'SESSION';
}

/** The refusal for a session asked for without the second step it needs (e.g. logIn, a retried invitation acceptance). */
export function secondStepRefusal(step: Exclude<SecondStep, 'SESSION'>): DomainError {
  return step === 'CODE'
    ? new DomainError(FirmErrorCode.TwoFactorRequired, 'Your account signs in with a code from your authenticator app. Sign in again to enter it.')
    : new DomainError(
        FirmErrorCode.TwoFactorEnrolmentRequired,
        'Your firm requires two-factor sign-in. Sign in again to set up your authenticator app.',
      );
}

/** How long the step after the password may take. */
export const CHALLENGE_TTL_MS = { CODE: 5 * 60_000, ENROL: 15 * 60_000 } as const;
/** Wrong codes one challenge takes before it is void (the per-account throttle counts across challenges). */
export const MAX_CHALLENGE_FAILURES = 5;

export interface OpenChallenge {
  token: string;
  expiresAt: Date;
}

/** SPEC F9: the short-lived, single-use challenges between the password and the session (the one writer of `sign_in_challenges`). */
export class SignInChallenges {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async open(memberId: string, purpose: 'CODE' | 'ENROL'): Promise<OpenChallenge> {
    const now = this.clock.now();
    const { token, hash } = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS[purpose]);
    await this.db.manager.insert(SignInChallengeEntity, {
      id: randomUUID(), tokenHash: hash, memberId, purpose, createdAt: now, expiresAt, usedAt: null, failures: 0,
    });
    return { token, expiresAt };
  }

  /** The usable challenge of this token and purpose, or SIGN_IN_CHALLENGE_EXPIRED (unknown, expired, used, too many wrong codes). */
  async find(token: string, purpose: 'CODE' | 'ENROL', em: EntityManager = this.db.manager): Promise<SignInChallengeEntity> {
    const row = typeof token === 'string' && token.length <= 200
      ? await em.findOne(SignInChallengeEntity, { where: { tokenHash: hashOpaqueToken(token.trim()) } })
      : null;
    const now = this.clock.now();
    if (!row || row.purpose !== purpose || row.usedAt || row.expiresAt.getTime() <= now.getTime() || row.failures >= MAX_CHALLENGE_FAILURES) {
      throw new DomainError(FirmErrorCode.SignInChallengeExpired, MESSAGES.challengeExpired);
    }
    return row;
  }

  /** Single use: of two completions with one challenge, one wins (the other gets SIGN_IN_CHALLENGE_EXPIRED). */
  async consume(em: EntityManager, challenge: SignInChallengeEntity): Promise<void> {
    const used = await em
      .createQueryBuilder()
      .update(SignInChallengeEntity)
      .set({ usedAt: this.clock.now() })
      .where('id = :id AND used_at IS NULL', { id: challenge.id })
      .execute();
    if (used.affected !== 1) throw new DomainError(FirmErrorCode.SignInChallengeExpired, MESSAGES.challengeExpired);
  }

  async countFailure(challenge: SignInChallengeEntity): Promise<void> {
    await this.db.manager.increment(SignInChallengeEntity, { id: challenge.id }, 'failures', 1);
  }
}
