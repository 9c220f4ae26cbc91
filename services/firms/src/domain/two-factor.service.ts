import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import {
  DomainError,
  enqueueEvent,
  hashOpaqueToken,
  notFound,
  type Clock,
  type Database,
  type Identity,
  type RequestOrigin,
  type SecretBox,
} from '@advisor/kit';
import type { SignInThrottle } from '@advisor/rules';
import { memberAccessChanged } from '@advisor/schema';
import { CredentialEntity } from '../db/entities/credential.entity';
import { MemberEntity } from '../db/entities/member.entity';
import { RecoveryCodeEntity, SecondFactorEntity, type SignInChallengeEntity } from '../db/entities/second-factor.entity';
import { FirmErrorCode, MESSAGES } from './errors';
import type { FirmAccess } from './firm-access';
import type { AuditService } from './audit.service';
import { toMember, type Member } from './member';
import { FIRMS_PRODUCER, type FirmSession, type SessionService } from './session.service';
import type { SignInChallenges } from './second-factor-policy';

/** SPEC F9: RFC 6238 with the parameters every authenticator app supports. */
export const TOTP_PARAMETERS = { issuer: 'Advisor Dashboard', algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Codes one step either side of now are accepted (clock drift), each only once. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long a begun enrolment waits for its first code. */
export const PENDING_ENROLMENT_TTL_MS = 15 * 60_000;

export interface TwoFactorEnrolment {
  /** The `otpauth://totp/…` key URI an authenticator app reads (from the QR code). */
  otpauthUri: string;
  /** The same secret in base32, for typing into an app by hand. Shown only until enrolment is confirmed. */
  secret: string;
  /** The URI as a QR code: an SVG image as a `data:` URL. */
  qrCode: string;
  expiresAt: Date;
}

export interface TwoFactorEnabled {
  /** Ten single-use recovery codes, shown this once (only their hashes are kept). */
  recoveryCodes: string[];
  /** A session, when enrolment happened during sign-in (an ENROL challenge). */
  session: FirmSession | null;
}

const totpOf = (secretBase32: string, label: string) =>
  new TOTP({ ...TOTP_PARAMETERS, label, secret: Secret.fromBase32(secretBase32) });

/** Recovery codes: 80 random bits as 16 base32 characters, shown as `abcd-efgh-ijkl-mnop`. */
const newRecoveryCode = () => new Secret({ size: 10 }).base32.toLowerCase().replace(/(.{4})(?!$)/g, '$1-');
const normalizeCode = (code: string) => code.replace(/[\s-]/g, '').toLowerCase();

/**
 * SPEC F9: two-factor sign-in with a TOTP authenticator (RFC 6238, `otpauth`) and recovery codes.
 * Enrolment (by a signed-in member, or during sign-in when the firm requires it), the code step
 * of sign-in (throttled per account and address like passwords, G7; each code accepted once),
 * and an ADMIN's reset of a member's second factor (audited, G4). The one writer of
 * `member_second_factors` and `recovery_codes`.
 */
export class TwoFactorService {
  constructor(
    private readonly db: Database,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottle,
    private readonly challenges: SignInChallenges,
    private readonly sessions: SessionService,
    private readonly access: FirmAccess,
    private readonly audit: AuditService,
  ) {}

  /** Whether each member has a confirmed authenticator, in key order (the Member.twoFactorEnabled loader). */
  async enabledFor(memberIds: readonly string[]): Promise<boolean[]> {
    const rows = memberIds.length
      ? await this.db.manager.find(SecondFactorEntity, { where: { memberId: In([...memberIds]), status: 'ACTIVE' }, select: { memberId: true } })
      : [];
    const enabled = new Set(rows.map((r) => r.memberId));
    return memberIds.map((id) => enabled.has(id));
  }

  /**
   * Starts enrolment: a new secret, kept PENDING (sealed) until a first code confirms it. The
   * signed-in member, or, with `challenge`, a member whose firm requires two-factor sign-in and
   * who was asked to enrol at sign-in. Beginning again replaces a pending secret.
   */
  async begin(viewer: Identity, challengeToken?: string | null): Promise<TwoFactorEnrolment> {
    const member = await this.enrollingMember(viewer, challengeToken);
    const now = this.clock.now();
    const secret = new Secret({ size: 20 }).base32;
    await this.db.transaction(async (em) => {
      const current = await em.findOne(SecondFactorEntity, { where: { memberId: member.id }, lock: this.lock });
      if (current?.status === 'ACTIVE') throw alreadyEnabled();
      const row = { memberId: member.id, secretSealed: this.box.seal(secret, member.id), status: 'PENDING' as const, createdAt: now, confirmedAt: null, lastUsedStep: null };
      if (current) await em.update(SecondFactorEntity, { memberId: member.id }, row);
      else await em.insert(SecondFactorEntity, row);
    });
    const otpauthUri = totpOf(secret, member.workEmail).toString();
    const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      otpauthUri,
      secret,
      qrCode: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
      expiresAt: new Date(now.getTime() + PENDING_ENROLMENT_TTL_MS),
    };
  }

  /**
   * Confirms enrolment with a first code: the authenticator is ACTIVE from now on, and ten fresh
   * recovery codes are returned this once. With an ENROL challenge, the member is signed in too.
   */
  async confirm(viewer: Identity, code: string, challengeToken?: string | null, origin: RequestOrigin = {}): Promise<TwoFactorEnabled> {
    const challenge = challengeToken ? await this.challenges.find(challengeToken, 'ENROL') : null;
    const member = await this.enrollingMember(viewer, challengeToken, challenge);
    const attempt = await this.attemptOf(member, origin);
    await this.refuseWhenThrottled(member, attempt, challenge);
    const now = this.clock.now();
    const outcome = await this.db.transaction(async (em) => {
      const pending = await em.findOne(SecondFactorEntity, { where: { memberId: member.id }, lock: this.lock });
      if (pending?.status === 'ACTIVE') throw alreadyEnabled();
      if (!pending || pending.createdAt.getTime() + PENDING_ENROLMENT_TTL_MS <= now.getTime()) {
        throw new DomainError(FirmErrorCode.TwoFactorEnrolmentNotStarted, 'Start setting up your authenticator app again: this set-up has expired.');
      }
      const step = this.acceptedStep(this.box.open(pending.secretSealed, member.id), code, member.workEmail, now);
      if (step === null) return null;
      await em.update(SecondFactorEntity, { memberId: member.id }, { status: 'ACTIVE', confirmedAt: now, lastUsedStep: step });
      const recoveryCodes = await this.replaceRecoveryCodes(em, member.id, now);
      await this.audit.record(em, {
        firmId: member.firmId, actorMemberId: member.id, action: 'TWO_FACTOR_ENABLED', subjectType: 'MEMBER', subjectId: member.id,
        before: { twoFactorEnabled: false }, after: { twoFactorEnabled: true, recoveryCodes: RECOVERY_CODE_COUNT }, at: now,
      });
      if (!challenge) return { recoveryCodes, session: null };
      await this.challenges.consume(em, challenge);
      return { recoveryCodes, session: await this.sessions.startSession(em, member, { secondFactorVerified: true }) };
    });
    if (!outcome) return this.refuseCode(member, attempt, challenge);
    await this.throttle.succeeded(attempt);
    return outcome;
  }

  /**
   * SPEC F9, the second step of sign-in: a code from the authenticator, or an unused recovery
   * code, for the CODE challenge the password step returned. Each TOTP code is accepted once; each
   * recovery code works once.
   */
  async completeSignIn(challengeToken: string, code: string, origin: RequestOrigin = {}): Promise<FirmSession> {
    const challenge = await this.challenges.find(challengeToken, 'CODE');
    const row = await this.db.manager.findOne(MemberEntity, { where: { id: challenge.memberId } });
    if (!row || !row.active) throw new DomainError(FirmErrorCode.SignInChallengeExpired, MESSAGES.challengeExpired);
    const member = toMember(row);
    const attempt = await this.attemptOf(member, origin);
    await this.refuseWhenThrottled(member, attempt, challenge);
    const now = this.clock.now();
    const session = await this.db.transaction(async (em) => {
      const used = await this.useCode(em, member, code, now);
      if (!used) return null;
      await this.challenges.consume(em, challenge);
      if (used.kind === 'RECOVERY') {
        await this.audit.record(em, {
          firmId: member.firmId, actorMemberId: member.id, action: 'RECOVERY_CODE_USED', subjectType: 'MEMBER', subjectId: member.id,
          before: null, after: { recoveryCodesLeft: used.left }, at: now,
        });
      }
      return this.sessions.startSession(em, member, { secondFactorVerified: true });
    });
    if (!session) return this.refuseCode(member, attempt, challenge);
    await this.throttle.succeeded(attempt);
    return session;
  }

  /**
   * SPEC F9, G4: an ADMIN removes a member's authenticator and recovery codes (a lost phone, a
   * leaver's device): the member's sessions end, and they enrol again at their next sign-in when
   * the firm requires it. Audited; another firm's member is NOT_FOUND.
   */
  async reset(viewer: Identity, memberId: string): Promise<Member> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const admin = await this.access.admin(viewer, em);
      const target = /^[0-9a-f-]{36}$/i.test(memberId) ? await em.findOne(MemberEntity, { where: { id: memberId, firmId: admin.firmId } }) : null;
      if (!target) throw notFound('The member');
      const factor = await em.findOne(SecondFactorEntity, { where: { memberId: target.id }, lock: this.lock });
      if (!factor) return toMember(target);
      await em.delete(RecoveryCodeEntity, { memberId: target.id });
      await em.delete(SecondFactorEntity, { memberId: target.id });
      await this.sessions.endAllSessions(em, target.id, 'TWO_FACTOR_RESET', now);
      await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
        memberId: target.id, firmId: target.firmId, reason: 'TWO_FACTOR_RESET', sessionId: null, changedAt: now.toISOString(),
      }, now);
      await this.audit.record(em, {
        firmId: admin.firmId, actorMemberId: admin.id, action: 'TWO_FACTOR_RESET', subjectType: 'MEMBER', subjectId: target.id,
        before: { twoFactorEnabled: factor.status === 'ACTIVE' }, after: { twoFactorEnabled: false }, at: now,
      });
      return toMember(target);
    });
  }

  /** Row locks on MySQL, so a code is checked and marked used by one request at a time. */
  private get lock() {
    return this.db.kind === 'mysql' ? ({ mode: 'pessimistic_write' } as const) : undefined;
  }

  /** The member enrolling: from a usable ENROL challenge, or the signed-in member (never a service account). */
  private async enrollingMember(viewer: Identity, challengeToken?: string | null, found?: SignInChallengeEntity | null): Promise<Member> {
    if (!challengeToken) return this.access.actor(viewer);
    const challenge = found ?? (await this.challenges.find(challengeToken, 'ENROL'));
    const row = await this.db.manager.findOne(MemberEntity, { where: { id: challenge.memberId } });
    if (!row || !row.active) throw new DomainError(FirmErrorCode.SignInChallengeExpired, MESSAGES.challengeExpired);
    return toMember(row);
  }

  /** The time step of a code valid now (±TOTP_WINDOW), or null. */
  private acceptedStep(secretBase32: string, code: string, label: string, now: Date): number | null {
    const token = normalizeCode(code);
    if (!/^\d{6}$/.test(token)) return null;
    const delta = totpOf(secretBase32, label).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
    return delta === null ? null : TOTP.counter({ period: TOTP_PARAMETERS.period, timestamp: now.getTime() }) + delta;
  }

  /**
   * Marks a code used, in the caller's transaction: a TOTP code whose time step is later than the
   * last one accepted (so a code, or an older one, is never accepted twice), or an unused recovery code.
   */
  private async useCode(em: EntityManager, member: Member, code: string, now: Date): Promise<{ kind: 'TOTP' } | { kind: 'RECOVERY'; left: number } | null> {
    const factor = await em.findOne(SecondFactorEntity, { where: { memberId: member.id, status: 'ACTIVE' }, lock: this.lock });
    if (!factor) return null;
    const normalized = normalizeCode(code);
    if (/^\d{6}$/.test(normalized)) {
      const step = this.acceptedStep(this.box.open(factor.secretSealed, member.id), normalized, member.workEmail, now);
      if (step === null || (factor.lastUsedStep !== null && step <= factor.lastUsedStep)) return null;
      await em.update(SecondFactorEntity, { memberId: member.id }, { lastUsedStep: step });
      return { kind: 'TOTP' };
    }
    if (!/^[a-z2-7]{16}$/.test(normalized)) return null;
    const used = await em
      .createQueryBuilder()
      .update(RecoveryCodeEntity)
      .set({ usedAt: now })
      .where('member_id = :memberId AND code_hash = :hash AND used_at IS NULL', { memberId: member.id, hash: hashOpaqueToken(normalized) })
      .execute();
    if (used.affected !== 1) return null;
    return { kind: 'RECOVERY', left: await em.count(RecoveryCodeEntity, { where: { memberId: member.id, usedAt: IsNull() } }) };
  }

  private async replaceRecoveryCodes(em: EntityManager, memberId: string, now: Date): Promise<string[]> {
    await em.delete(RecoveryCodeEntity, { memberId });
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await em.insert(
      RecoveryCodeEntity,
      codes.map((code) => ({ id: randomUUID(), memberId, codeHash: hashOpaqueToken(normalizeCode(code)), createdAt: now, usedAt: null })),
    );
    return codes;
  }

  /** The throttle counts code attempts per username (the member's) and per address, apart from password attempts. */
  private async attemptOf(member: Member, origin: RequestOrigin) {
    const credential = await this.db.manager.findOne(CredentialEntity, { where: { memberId: member.id } });
    return { username: credential?.usernameKey ?? member.id, clientAddress: origin.clientAddress };
  }

  /** SPEC G7 for codes: during a wait or a lock no code is checked, and the attempt counts as a failure. */
  private async refuseWhenThrottled(member: Member, attempt: { username: string; clientAddress?: string }, challenge: SignInChallengeEntity | null) {
    const verdict = await this.throttle.check(attempt);
    if (verdict.allowed) return;
    const { usernameFailures, locked } = await this.throttle.failed(attempt, 'THROTTLED');
    if (challenge) await this.challenges.countFailure(challenge);
    await this.auditFailure(member, locked ? 'TWO_FACTOR_LOCKED' : 'TWO_FACTOR_THROTTLED', attempt, usernameFailures);
    throw new DomainError(FirmErrorCode.InvalidTwoFactorCode, MESSAGES.invalidTwoFactorCode);
  }

  private async refuseCode(member: Member, attempt: { username: string; clientAddress?: string }, challenge: SignInChallengeEntity | null): Promise<never> {
    const { usernameFailures, locked } = await this.throttle.failed(attempt, 'WRONG_CREDENTIALS');
    if (challenge) await this.challenges.countFailure(challenge);
    await this.auditFailure(member, locked ? 'TWO_FACTOR_LOCKED' : 'TWO_FACTOR_CODE_FAILED', attempt, usernameFailures);
    throw new DomainError(FirmErrorCode.InvalidTwoFactorCode, MESSAGES.invalidTwoFactorCode);
  }

  /** SPEC G4: a refused code is on the member's trail (never the code). */
  private async auditFailure(member: Member, action: string, attempt: { clientAddress?: string }, failures: number) {
    const now = this.clock.now();
    await this.db.transaction((em) =>
      this.audit.record(em, {
        firmId: member.firmId, actorMemberId: null, action, subjectType: 'MEMBER', subjectId: member.id,
        before: null, after: { clientAddress: attempt.clientAddress ?? null, failures }, at: now,
      }),
    );
  }
}

const alreadyEnabled = () =>
  new DomainError(FirmErrorCode.TwoFactorAlreadyEnabled, 'Two-factor sign-in is already on for this account. A firm admin can reset it.');
