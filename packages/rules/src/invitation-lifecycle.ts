import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { createHash } from 'node:crypto';
import { DAY_MS, DomainError, hashOpaqueToken, newOpaqueToken } from '@advisor/kit';

/**
 * The invitation lifecycle, one home for every kind of invitation: team invitations (SPEC F5,
 * in firms) and client ↔ firm invitations (SPEC I1–I6, in invitations). `grep -rn "I6"` lands
 * here and on each place that applies it.
 *
 * SPEC I6: every invitation expires 7 days after it is sent; an expired or used one cannot be
 * accepted; tokens are random (256 bits), single-use, and stored only as hashes.
 */
export const INVITATION_TTL_DAYS = 7;

/** SPEC I6, F5: the stable error codes of an invitation that cannot be accepted. */
export enum InvitationLifecycleCode {
  NotFound = 'INVITATION_NOT_FOUND',
  Expired = 'INVITATION_EXPIRED',
  AlreadyUsed = 'INVITATION_ALREADY_USED',
}

export interface IssuedInvitation {
  /** Sent by email, never stored. */
  token: string;
  /** Stored instead of the token. */
  tokenHash: string;
  sentAt: Date;
  expiresAt: Date;
}

/** SPEC I6, F5: a fresh token and its expiry, 7 days after `now`. */
export function issueInvitation(now: Date): IssuedInvitation {
  const { token, hash } = newOpaqueToken();
  return { token, tokenHash: hash, sentAt: now, expiresAt: invitationExpiry(now) };
}

export const invitationExpiry = (sentAt: Date): Date => new Date(sentAt.getTime() + INVITATION_TTL_DAYS * DAY_MS);

/** The stored form of a token as a person pasted or clicked it (SPEC I6). */
export const invitationTokenHash = (token: string): string => hashOpaqueToken(token.trim());

/**
 * SPEC I5, F3: what proves that whoever holds a client's invitation link read mail at the invited
 * address, without being able to accept the invitation: a hash of the token under its own label.
 * Invitations publishes it (`accountant.invited`); firms counts a sign-up by that address that
 * presents the token as verified.
 */
export const signUpProofOf = (token: string): string =>
  createHash('sha256').update(`advisor-dashboard:firm-sign-up-proof:${token.trim()}`, 'utf8').digest('hex');

interface LifecycleState {
  status: string;
  expiresAt: Date;
}

/** SPEC I6: a pending invitation past its expiry is expired, whatever its row says. */
export function isInvitationExpired(invitation: LifecycleState, now: Date): boolean {
  return invitation.status === 'PENDING' && invitation.expiresAt.getTime() <= now.getTime();
}

/** The status a person sees: `EXPIRED` once a pending invitation's 7 days have passed (SPEC I6). */
export function invitationStatusAt<S extends string>(invitation: { status: S; expiresAt: Date }, now: Date): S | 'EXPIRED' {
  return isInvitationExpired(invitation, now) ? 'EXPIRED' : invitation.status;
}

export const invitationNotFound = (message = 'This invitation link is not valid.') =>
  new DomainError(InvitationLifecycleCode.NotFound, message);
export const invitationAlreadyUsed = (message = 'This invitation has already been used.') =>
  new DomainError(InvitationLifecycleCode.AlreadyUsed, message);
export const invitationExpired = (message = 'This invitation has expired.') =>
  new DomainError(InvitationLifecycleCode.Expired, message);

/**
 * SPEC I6: refuses an invitation that cannot be accepted now — unknown, no longer pending, or
 * expired — each with its own code. `closed` words a non-pending status for the reader (e.g. a
 * voided team invitation, SPEC F5); by default it is "already used".
 */
export function checkInvitationUsable<T extends LifecycleState>(
  invitation: T | null | undefined,
  now: Date,
  words: { notFound?: string; expired?: string; closed?: (invitation: T) => DomainError | undefined } = {},
): asserts invitation is T {
  if (!invitation) throw invitationNotFound(words.notFound);
  if (invitation.status !== 'PENDING') throw words.closed?.(invitation) ?? invitationAlreadyUsed();
  if (isInvitationExpired(invitation, now)) throw invitationExpired(words.expired);
}

/**
 * SPEC I6 single use: moves a pending invitation on with a conditional update, inside the
 * caller's transaction. Of two simultaneous accepts exactly one consumes it; the others get the
 * invitation as it stands now (read past their snapshot, with a locking read on MySQL), so a
 * retry by the person who won can be answered with the same success (`isRetriedAcceptance`).
 */
export async function consumeInvitation<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  changes: QueryDeepPartialEntity<E>,
): Promise<{ consumed: true } | { consumed: false; current: E | null }> {
  const result = await em.update(entity, { id, status: 'PENDING' } as never, changes);
  if (result.affected === 1) return { consumed: true };
  const mysql = em.connection.options.type === 'mysql';
  const current = await em.findOne(entity, { where: { id } as never, ...(mysql ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  return { consumed: false, current };
}

/**
 * A lost response must not turn into a refusal: the person who accepted an invitation, retrying
 * the same acceptance, gets the same success back; anyone else is still refused (SPEC I6).
 */
export function isRetriedAcceptance(invitation: { status: string; acceptedById?: string | null }, acceptorId: string): boolean {
  return invitation.status === 'ACCEPTED' && !!invitation.acceptedById && invitation.acceptedById === acceptorId;
}
