import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { FirmEntity } from '../db/entities/firm.entity';
import { MemberEntity } from '../db/entities/member.entity';
import { CredentialEntity } from '../db/entities/credential.entity';
import { DomainError, hashPassword, isUniqueViolation, parseInput, type Clock, type Database } from '@advisor/kit';
import { emailDomain, emailInput, isPublicEmailDomain } from '@advisor/rules';
import { checkPassword, checkUsername } from './credentials-policy';
import { FirmErrorCode, MESSAGES } from './errors';
import { toMember } from './member';
import type { FirmSession, SessionService } from './session.service';
import { publishMemberJoined } from './member-events';
import type { AuditService } from './audit.service';

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
});
export type SignUpFirmInput = z.input<typeof signUpFirmInput>;

/** SPEC F1–F4: a firm signs up; its founder becomes the first ADMIN. */
export class FirmSignUpService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** Creates the firm, its founding ADMIN and their credentials, and signs the founder in: all or nothing. */
  async signUp(raw: SignUpFirmInput): Promise<FirmSession> {
    const input = parseInput(signUpFirmInput, raw);
    const founder = input.founder;
    const workEmail = founder.workEmail;
    const domain = emailDomain(workEmail);
    if (isPublicEmailDomain(domain)) {
      throw new DomainError(FirmErrorCode.DomainNotAllowed, MESSAGES.domainNotAllowed);
    }
    const username = checkUsername(founder.username);
    checkPassword(founder.password, { username, email: workEmail });

    // Cheap refusals before the expensive hash; the unique keys below settle any race.
    if (await this.db.manager.exists(FirmEntity, { where: { domain } })) {
      throw new DomainError(FirmErrorCode.FirmAlreadyExists, MESSAGES.firmAlreadyExists);
    }
    if (await this.db.manager.exists(CredentialEntity, { where: { usernameKey: username.toLowerCase() } })) {
      throw new DomainError(FirmErrorCode.UsernameTaken, 'This username is taken. Choose another one.');
    }
    const passwordHash = await hashPassword(founder.password);
    const now = this.clock.now();
    const firmId = randomUUID();
    const member: MemberEntity = Object.assign(new MemberEntity(), {
      id: randomUUID(),
      firmId,
      firstName: founder.firstName,
      lastName: founder.lastName,
      workEmail,
      jobRole: founder.jobRole,
      firmRole: 'ADMIN' as const,
      permissions: [],
      workPhone: founder.workPhone,
      cellPhone: founder.cellPhone,
      personalEmail: founder.personalEmail,
      active: true,
      createdAt: now,
    });
    try {
      return await this.db.transaction(async (em) => {
        await em.insert(FirmEntity, { id: firmId, name: input.firmName, website: input.website, domain, createdAt: now });
        await em.insert(MemberEntity, member);
        await em.insert(CredentialEntity, {
          memberId: member.id,
          username,
          usernameKey: username.toLowerCase(),
          passwordHash,
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
          after: { name: input.firmName, website: input.website, domain, founder: member.id, founderRole: 'ADMIN' },
          at: now,
        });
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
}
