import { setTimeout as sleep } from 'node:timers/promises';
import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import type { Clock, Database, Logger } from '@advisor/kit';

/**
 * SPEC G7, F4: sign-in throttling, the one rule both realms use (firm members in `firms`, client
 * admins in `clients`). Every failed or refused attempt counts against the username and against
 * the caller's address, in the service's own `sign_in_throttle` table, so every replica sees it:
 *
 * - a username may fail 3 times freely; after that each attempt must wait 2, 4, 8 … up to 60
 *   seconds after the last one, and at 20 failures it is locked for 15 minutes;
 * - an address may fail 10 times freely, then waits likewise (up to 60 s) and is locked for
 *   15 minutes at 100 failures, so one address cannot walk through many usernames;
 * - an attempt during a wait or a lock is refused without checking the password (no hash work
 *   for a flood) and counts as a failure; a success clears the username's counter only;
 * - counters start again after 15 minutes without a failure.
 *
 * Callers answer every refusal exactly like a wrong password, after about the time a password
 * check takes (`answerLikeAWrongPassword`), so the answer tells nothing about the account.
 */
export const SIGN_IN_THROTTLE = Object.freeze({
  username: { freeFailures: 3, lockAt: 20 },
  address: { freeFailures: 10, lockAt: 100 },
  maxDelayMs: 60_000,
  lockMs: 15 * 60_000,
  forgetAfterMs: 15 * 60_000,
});

/** One counter; each service that signs people in creates the table in a migration of its own. */
@Entity('sign_in_throttle')
export class SignInThrottleEntity {
  /** `user:<lower-case username or email>` or `addr:<address>`. */
  @PrimaryColumn({ name: 'throttle_key', type: 'varchar', length: 400 })
  key: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'datetime', precision: 3 })
  lastFailureAt: Date;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;
}

type Kind = 'username' | 'address';
export type ThrottleVerdict = { allowed: true } | { allowed: false; reason: 'LOCKED' | 'WAIT'; until: Date; by: Kind };

/** After `failures` failures, how long the next attempt must wait (0: at once). */
export function throttleDelayMs(kind: Kind, failures: number): number {
  const free = SIGN_IN_THROTTLE[kind].freeFailures;
  if (failures < free) return 0;
  return Math.min(SIGN_IN_THROTTLE.maxDelayMs, 2_000 * 2 ** (failures - free));
}

/** Whether an attempt may go ahead now, given a counter row (pure: the rule itself). */
export function verdictFor(kind: Kind, row: Pick<SignInThrottleEntity, 'failures' | 'lastFailureAt' | 'lockedUntil'> | null, now: Date): ThrottleVerdict {
  if (!row) return { allowed: true };
  if (row.lockedUntil && row.lockedUntil.getTime() > now.getTime()) return { allowed: false, reason: 'LOCKED', until: row.lockedUntil, by: kind };
  if (now.getTime() - row.lastFailureAt.getTime() >= SIGN_IN_THROTTLE.forgetAfterMs) return { allowed: true };
  const until = new Date(row.lastFailureAt.getTime() + throttleDelayMs(kind, row.failures));
  return until.getTime() > now.getTime() ? { allowed: false, reason: 'WAIT', until, by: kind } : { allowed: true };
}

/**
 * Which step of a sign-in a throttle counts: the password, or (SPEC F9) the second factor. Each
 * step has counters of its own, so a right password (which clears the password step's username
 * counter) never clears the failures of codes guessed after it.
 */
export type SignInStep = 'password' | 'second-factor';

const keyOf = (step: SignInStep, kind: Kind, value: string) =>
  `${step === 'second-factor' ? '2fa:' : ''}${kind === 'username' ? 'user' : 'addr'}:${value.trim().toLowerCase()}`.slice(0, 400);

export interface SignInAttempt {
  /** The username (firm members) or email (client admins) as typed; never the password. */
  username: string;
  clientAddress?: string;
}

/**
 * The throttle over one service's table. `check` before the password is verified; `failed`
 * after a wrong password or a refusal; `succeeded` after a sign-in.
 */
export class SignInThrottle {
  private typicalCheckMs = 60;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly realm: 'firm' | 'client',
    private readonly step: SignInStep = 'password',
  ) {}

  async check(attempt: SignInAttempt): Promise<ThrottleVerdict> {
    const now = this.clock.now();
    const rows = await this.db.manager.find(SignInThrottleEntity, { where: this.keys(attempt).map((key) => ({ key })) });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const [kind, key] of this.keyed(attempt)) {
      const verdict = verdictFor(kind, byKey.get(key) ?? null, now);
      if (!verdict.allowed) return verdict;
    }
    return { allowed: true };
  }

  /** Counts a failure against the username and the address; returns the username's count and whether this attempt locked it. */
  async failed(attempt: SignInAttempt, outcome: 'WRONG_CREDENTIALS' | 'THROTTLED'): Promise<{ usernameFailures: number; locked: boolean }> {
    const now = this.clock.now();
    let usernameFailures = 0;
    let locked = false;
    await this.db.transaction(async (em) => {
      for (const [kind, key] of this.keyed(attempt)) {
        const failures = await this.bump(em, kind, key, now);
        if (kind === 'username') {
          usernameFailures = failures.failures;
          locked = failures.locked;
        }
      }
    });
    // Never the password; the username as typed is what an operator needs to see an attack.
    this.logger.warn(
      { realm: this.realm, step: this.step, username: attempt.username, clientAddress: attempt.clientAddress, outcome, usernameFailures, locked },
      outcome === 'THROTTLED' ? 'sign-in refused: throttled' : 'sign-in failed',
    );
    return { usernameFailures, locked };
  }

  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.db.manager.delete(SignInThrottleEntity, { key: keyOf(this.step, 'username', attempt.username) });
  }

  /** Runs a password check and remembers how long such checks take. */
  async timed<T>(check: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await check();
    } finally {
      this.typicalCheckMs = this.typicalCheckMs * 0.8 + (performance.now() - started) * 0.2;
    }
  }

  /** A refused attempt answers after about the time a password check takes, without doing one. */
  async answerLikeAWrongPassword(): Promise<void> {
    await sleep(Math.round(this.typicalCheckMs * (0.9 + Math.random() * 0.2)));
  }

  private keyed(attempt: SignInAttempt): Array<[Kind, string]> {
    const keys: Array<[Kind, string]> = [['username', keyOf(this.step, 'username', attempt.username)]];
    if (attempt.clientAddress) keys.push(['address', keyOf(this.step, 'address', attempt.clientAddress)]);
    return keys;
  }

  private keys(attempt: SignInAttempt): string[] {
    return this.keyed(attempt).map(([, key]) => key);
  }

  private async bump(em: EntityManager, kind: Kind, key: string, now: Date): Promise<{ failures: number; locked: boolean }> {
    const lock = em.createQueryBuilder(SignInThrottleEntity, 't').where('t.throttle_key = :key', { key });
    if (this.db.kind === 'mysql') lock.setLock('pessimistic_write');
    const row = await lock.getOne();
    const stale = !row || (now.getTime() - row.lastFailureAt.getTime() >= SIGN_IN_THROTTLE.forgetAfterMs && !(row.lockedUntil && row.lockedUntil > now));
    const failures = stale ? 1 : row.failures + 1;
    const lockedNow = failures >= SIGN_IN_THROTTLE[kind].lockAt;
    const lockedUntil = lockedNow ? new Date(now.getTime() + SIGN_IN_THROTTLE.lockMs) : stale ? null : (row?.lockedUntil ?? null);
    // An upsert: two first failures at once both land (the second one sees the first's row).
    await em
      .createQueryBuilder()
      .insert()
      .into(SignInThrottleEntity)
      .values({ key, failures, lastFailureAt: now, lockedUntil: row?.lockedUntil && row.lockedUntil > (lockedUntil ?? now) ? row.lockedUntil : lockedUntil })
      .orUpdate(['failures', 'last_failure_at', 'locked_until'], ['throttle_key'])
      .execute();
    // `locked`: this very attempt locked the key (later ones find it locked already).
    return { failures, locked: lockedNow && !(row?.lockedUntil && row.lockedUntil > now) };
  }
}
