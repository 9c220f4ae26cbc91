import { randomUUID } from 'node:crypto';
import { In, IsNull, LessThan, MoreThan, Not, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { FirmEntity } from '../db/entities/firm.entity';
import { MemberEntity } from '../db/entities/member.entity';
import { CredentialEntity } from '../db/entities/credential.entity';
import { FirmSignUpEntity } from '../db/entities/firm-sign-up.entity';
import { SignUpProofEntity } from '../db/entities/sign-up-proof.entity';
import {
  DomainError,
  hashOpaqueToken,
  hashPassword,
  isUniqueViolation,
  newOpaqueToken,
  parseInput,
  type Clock,
  type Database,
  type Logger,
  type Mailer,
} from '@advisor/kit';
import { emailDomain, emailInput, isPublicEmailDomain, signUpProofOf } from '@advisor/rules';
import { checkPassword, checkUsername } from './credentials-policy';
import { FirmErrorCode, MESSAGES } from './errors';
import { toMember } from './member';
import type { FirmSession, SessionService } from './session.service';
import { publishFirmRenamed, publishMemberJoined } from './member-events';
import type { AuditService } from './audit.service';

/** SPEC F3: how long the confirmation link of a sign-up works. */
export const SIGN_UP_CONFIRMATION_HOURS = 24;
/** At most this many sign-ups waiting for one work email at once: the confirmation mail cannot be used to flood an inbox. */
export const MAX_PENDING_SIGN_UPS_PER_EMAIL = 3;

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{7,25}$/, 'is not a phone number');

export const signUpFirmInput = z.object({
  firmName: text(200),
  website: z
    .string()
    .trim()
    .max(255)
    .transform((v) => (/^https?:\/\//i.test(v) ? v : `https://${v}`))
    .pipe(z.string().url('is not a web address')),
  founder: z.object({
    firstName: text(100),
    lastName: text(100),
    workEmail: emailInput(),
    jobRole: text(100),
    workPhone: phone,
    cellPhone: phone,
    personalEmail: emailInput(),
    username: z.string().trim(),
    password: z.string(),
  }),
  /** SPEC I5: the token of the client's invitation the founder is signing up from, if any. */
  invitationToken: z.string().trim().max(200).nullish(),
});
export type SignUpFirmInput = z.input<typeof signUpFirmInput>;

/** What a sign-up gives back: a session at once when the address was already proven, else a confirmation email. */
export type SignUpOutcome =
  | { status: 'CONFIRMATION_SENT'; workEmail: string; confirmBy: Date; session: null }
  | { status: 'ACTIVE'; workEmail: string; confirmBy: null; session: FirmSession };

const signUpLinkNotFound = () =>
  new DomainError(FirmErrorCode.SignUpNotFound, 'This confirmation link is not valid. Sign up again to get a new one.');

/**
 * SPEC F1–F4: a firm signs up; its founder becomes the first ADMIN. SPEC F3 (G7): the firm and
 * its domain are claimed only once the founder confirms their work email with the emailed link
 * (single use, 24 hours), or at once when they sign up from a client's invitation sent to that
 * address (SPEC I5): anyone can type any work email, only its owner reads its mail.
 */
export class FirmSignUpService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly appUrl: string,
    private readonly logger: Logger,
  ) {}

  /**
   * Checks everything a firm needs (F2 domain, F3 not yet on Advisor Dashboard, F4 credentials),
   * then either creates the firm at once (the address is proven by a client's invitation, I5) or
   * keeps the sign-up and emails the confirmation link. A pending sign-up claims nothing.
   */
  async signUp(raw: SignUpFirmInput): Promise<SignUpOutcome> {
    const input = parseInput(signUpFirmInput, raw);
    const founder = input.founder;
    const workEmail = founder.workEmail;
    const domain = emailDomain(workEmail);
    if (isPublicEmailDomain(domain)) {
      throw new DomainError(FirmErrorCode.DomainNotAllowed, MESSAGES.domainNotAllowed);
    }
    const username = checkUsername(founder.username);
    checkPassword(founder.password, { username, email: workEmail });

    const now = this.clock.now();
    // Cheap refusals before the expensive hash; the unique keys settle any race at confirmation.
    if (await this.db.manager.exists(FirmEntity, { where: { domain } })) {
      throw new DomainError(FirmErrorCode.FirmAlreadyExists, MESSAGES.firmAlreadyExists);
    }
    await this.refuseTakenUsername(this.db.manager, username, workEmail, now);
    if (await this.db.manager.exists(MemberEntity, { where: { workEmail } })) {
      throw new DomainError(FirmErrorCode.EmailTaken, 'A member with this work email already exists.');
    }
    const passwordHash = await hashPassword(founder.password);
    const pending: Omit<FirmSignUpEntity, 'id' | 'tokenHash' | 'expiresAt'> = {
      workEmail,
      domain,
      username,
      usernameKey: username.toLowerCase(),
      passwordHash,
      firmName: input.firmName,
      website: input.website,
      founder: {
        firstName: founder.firstName,
        lastName: founder.lastName,
        jobRole: founder.jobRole,
        workPhone: founder.workPhone,
        cellPhone: founder.cellPhone,
        personalEmail: founder.personalEmail,
      },
      createdAt: now,
      confirmedAt: null,
      firmId: null,
    };

    // SPEC I5: signing up from a client's invitation to this very address proves the address.
    if (input.invitationToken) {
      const session = await this.createIfProven(pending, signUpProofOf(input.invitationToken), now);
      if (session) return { status: 'ACTIVE', workEmail, confirmBy: null, session };
    }

    await this.purgeExpired(now);
    const { token, hash } = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + SIGN_UP_CONFIRMATION_HOURS * 3600_000);
    await this.db.transaction(async (em) => {
      const waiting = await em.count(FirmSignUpEntity, { where: { workEmail, confirmedAt: IsNull(), expiresAt: MoreThan(now) } });
      if (waiting >= MAX_PENDING_SIGN_UPS_PER_EMAIL) {
        throw new DomainError(
          FirmErrorCode.SignUpPending,
          'We already sent confirmation emails to this address. Use the link in one of them, or try again tomorrow.',
        );
      }
      await em.insert(FirmSignUpEntity, { ...pending, id: randomUUID(), tokenHash: hash, expiresAt });
    });
    await this.sendConfirmation(workEmail, founder.firstName, input.firmName, token, expiresAt);
    return { status: 'CONFIRMATION_SENT', workEmail, confirmBy: expiresAt, session: null };
  }

  /**
   * SPEC F3: the founder opens the link from the confirmation email: the firm, its founding ADMIN
   * and their credentials are created and the founder is signed in, all or nothing. The link
   * works once and for 24 hours; if another sign-up for the domain was confirmed first, this one
   * is refused with F3's message.
   */
  async confirm(rawToken: string): Promise<FirmSession> {
    const now = this.clock.now();
    const signUp = await this.db.manager.findOne(FirmSignUpEntity, { where: { tokenHash: hashOpaqueToken(rawToken.trim()) } });
    if (!signUp) throw signUpLinkNotFound();
    if (signUp.confirmedAt) {
      throw new DomainError(FirmErrorCode.SignUpAlreadyConfirmed, 'This sign-up is already confirmed. Sign in with your username and password.');
    }
    if (signUp.expiresAt.getTime() <= now.getTime()) {
      throw new DomainError(FirmErrorCode.SignUpExpired, 'This confirmation link has expired (links work for 24 hours). Sign up again.');
    }
    return this.createFirm(signUp, now, async (em, firmId) => {
      // Single use, even when the link is opened twice at once.
      // The password hash now lives in the credentials only.
      const claimed = await em.update(FirmSignUpEntity, { id: signUp.id, confirmedAt: IsNull() }, { confirmedAt: now, firmId, passwordHash: '' });
      if (claimed.affected !== 1) {
        throw new DomainError(FirmErrorCode.SignUpAlreadyConfirmed, 'This sign-up is already confirmed. Sign in with your username and password.');
      }
    });
  }

  /** The operator's own sign-ups (the demo data): verified by whoever runs the system. */
  async signUpVerifiedByOperator(raw: SignUpFirmInput): Promise<FirmSession> {
    const outcome = await this.signUp(raw);
    if (outcome.session) return outcome.session;
    const signUp = await this.db.manager.findOneOrFail(FirmSignUpEntity, {
      where: { workEmail: outcome.workEmail, confirmedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return this.createFirm(signUp, this.clock.now(), async (em, firmId) => {
      await em.update(FirmSignUpEntity, { id: signUp.id }, { confirmedAt: this.clock.now(), firmId, passwordHash: '' });
    });
  }

  /** SPEC I5: creates the firm when an unused, unexpired proof for exactly this address exists; null otherwise. */
  private async createIfProven(
    pending: Omit<FirmSignUpEntity, 'id' | 'tokenHash' | 'expiresAt'>,
    proofHash: string,
    now: Date,
  ): Promise<FirmSession | null> {
    const proof = await this.db.manager.findOne(SignUpProofEntity, { where: { proofHash } });
    if (!proof || proof.usedAt || proof.expiresAt.getTime() <= now.getTime()) return null;
    if (proof.email !== pending.workEmail.toLowerCase()) return null;
    return this.createFirm(pending, now, async (em) => {
      const used = await em.update(SignUpProofEntity, { proofHash, usedAt: IsNull() }, { usedAt: now });
      if (used.affected !== 1) throw signUpLinkNotFound();
    });
  }

  /** SPEC F1: the firm, its founding ADMIN and their credentials, and the founder's session, in one transaction. */
  private async createFirm(
    signUp: Omit<FirmSignUpEntity, 'id' | 'tokenHash' | 'expiresAt'>,
    now: Date,
    claim: (em: EntityManager, firmId: string) => Promise<void>,
  ): Promise<FirmSession> {
    const { domain, workEmail, username, firmName, website } = signUp;
    const firmId = randomUUID();
    const member: MemberEntity = Object.assign(new MemberEntity(), {
      id: randomUUID(),
      firmId,
      firstName: signUp.founder.firstName,
      lastName: signUp.founder.lastName,
      workEmail,
      jobRole: signUp.founder.jobRole,
      firmRole: 'ADMIN' as const,
      permissions: [],
      workPhone: signUp.founder.workPhone,
      cellPhone: signUp.founder.cellPhone,
      personalEmail: signUp.founder.personalEmail,
      active: true,
      createdAt: now,
    });
    try {
      return await this.db.transaction(async (em) => {
        await claim(em, firmId);
        await em.insert(FirmEntity, { id: firmId, name: firmName, website, domain, createdAt: now });
        await em.insert(MemberEntity, member);
        await em.insert(CredentialEntity, {
          memberId: member.id,
          username,
          usernameKey: username.toLowerCase(),
          passwordHash: signUp.passwordHash,
          createdAt: now,
          updatedAt: now,
        });
        await this.audit.record(em, {
          firmId,
          actorMemberId: member.id,
          action: 'FIRM_CREATED',
          subjectType: 'FIRM',
          subjectId: firmId,
          before: null,
          after: { name: firmName, website, domain, founder: member.id, founderRole: 'ADMIN', emailVerifiedAt: now.toISOString() },
          at: now,
        });
        await publishFirmRenamed(this.db, em, { id: firmId, name: firmName }, now);
        await publishMemberJoined(this.db, em, member, now);
        return this.sessions.startSession(em, toMember(member));
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (await this.db.manager.exists(FirmEntity, { where: { domain } })) {
        throw new DomainError(FirmErrorCode.FirmAlreadyExists, MESSAGES.firmAlreadyExists);
      }
      if (await this.db.manager.exists(MemberEntity, { where: { workEmail } })) {
        throw new DomainError(FirmErrorCode.EmailTaken, 'A member with this work email already exists.');
      }
      throw new DomainError(FirmErrorCode.UsernameTaken, 'This username is taken. Choose another one.');
    }
  }

  /**
   * SPEC F3: an unconfirmed sign-up past its 24 hours is gone (its founder's phones, personal email
   * and password hash with it). Swept a bounded batch at a time by each new sign-up.
   */
  private async purgeExpired(now: Date): Promise<void> {
    const stale = await this.db.manager.find(FirmSignUpEntity, {
      select: { id: true },
      where: { confirmedAt: IsNull(), expiresAt: LessThan(now) },
      take: 100,
    });
    if (stale.length > 0) await this.db.manager.delete(FirmSignUpEntity, { id: In(stale.map((s) => s.id)), confirmedAt: IsNull() });
  }

  /** SPEC F4: a username belongs to a member, or is held for 24 hours by someone else's sign-up waiting for confirmation. */
  private async refuseTakenUsername(em: EntityManager, username: string, workEmail: string, now: Date): Promise<void> {
    const usernameKey = username.toLowerCase();
    const taken =
      (await em.exists(CredentialEntity, { where: { usernameKey } })) ||
      (await em.exists(FirmSignUpEntity, { where: { usernameKey, confirmedAt: IsNull(), expiresAt: MoreThan(now), workEmail: Not(workEmail) } }));
    if (taken) throw new DomainError(FirmErrorCode.UsernameTaken, 'This username is taken. Choose another one.');
  }

  private async sendConfirmation(to: string, firstName: string, firmName: string, token: string, expiresAt: Date): Promise<void> {
    const link = `${this.appUrl.replace(/\/$/, '')}/signup/confirm?token=${encodeURIComponent(token)}`;
    try {
      await this.mailer.send({
        to,
        template: 'firm-sign-up-confirmation',
        subject: `Confirm your email to create ${firmName} on Advisor Dashboard`,
        text: [
          `Hello ${firstName},`,
          '',
          `Confirm your work email to create ${firmName} on Advisor Dashboard: ${link}`,
          '',
          `The link works once, until ${expiresAt.toUTCString()}. If you did not sign up, ignore this email: nothing is created without it.`,
        ].join('\n'),
      });
    } catch (err) {
      // The sign-up waits; signing up again sends a new link.
      this.logger.error({ err }, 'could not send the sign-up confirmation email');
    }
  }
}
