import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { notFound, DomainError, parseInput, type Clock, type Database, type Identity } from '@advisor/kit';
import { emailInput, recordAudit } from '@advisor/rules';
import { PeoReferralEntity } from '../db/entities/peo-referral.entity';
import { firmMember } from './viewer';

export const referralInput = z.object({
  businessName: z.string().trim().min(1, 'is required').max(200),
  contactName: z.string().trim().min(1, 'is required').max(200),
  contactEmail: emailInput(),
  contactPhone: z.string().trim().min(7).max(40).nullish(),
  employeeCount: z.number().int().min(1).max(100000).nullish(),
  expedited: z.boolean().default(false),
});

export type ReferralStatus = PeoReferralEntity['status'];

export interface PeoReferral {
  id: string;
  businessName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  employeeCount: number | null;
  expedited: boolean;
  status: ReferralStatus;
  referredBy: string;
  createdAt: Date;
  statusUpdatedAt: Date;
  /** SPEC C9: 2–3 weeks expedited, 3–6 weeks normally. */
  expectedWeeks: { min: number; max: number };
}

/** Where a referral may go next; the PEO's partnerships team moves it, the firm may withdraw it. */
const NEXT: Record<ReferralStatus, ReferralStatus[]> = {
  SUBMITTED: ['IN_REVIEW', 'DECLINED', 'WITHDRAWN'],
  IN_REVIEW: ['ENROLLING', 'DECLINED', 'WITHDRAWN'],
  ENROLLING: ['ENROLLED', 'WITHDRAWN'],
  ENROLLED: [],
  DECLINED: [],
  WITHDRAWN: [],
};

/** SPEC C9: refer a client to the PEO and track the referral's status. */
export class ReferralService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async refer(viewer: Identity, raw: z.input<typeof referralInput>): Promise<PeoReferral> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    const input = parseInput(referralInput, raw);
    const now = this.clock.now();
    const row = Object.assign(new PeoReferralEntity(), {
      id: randomUUID(), firmId: actor.firmId, referredBy: actor.memberId, businessName: input.businessName,
      contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone ?? null,
      employeeCount: input.employeeCount ?? null, expedited: input.expedited, status: 'SUBMITTED' as const,
      createdAt: now, statusUpdatedAt: now,
    });
    await this.db.transaction(async (em) => {
      await em.insert(PeoReferralEntity, row);
      await recordAudit(em, {
        scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
        action: 'PEO_REFERRAL_SUBMITTED', subjectType: 'PEO_REFERRAL', subjectId: row.id, before: null,
        after: { businessName: row.businessName, status: row.status }, at: now,
      });
    });
    return toReferral(row);
  }

  async list(viewer: Identity): Promise<PeoReferral[]> {
    const actor = firmMember(viewer);
    const rows = await this.db.manager.find(PeoReferralEntity, { where: { firmId: actor.firmId }, order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toReferral);
  }

  async withdraw(viewer: Identity, referralId: string): Promise<PeoReferral> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    return this.move(referralId, 'WITHDRAWN', { firmId: actor.firmId, actor: { realm: 'firm', id: actor.memberId } });
  }

  /** The PEO partnerships team's side (an internal integration): moves a referral along. */
  async move(referralId: string, status: ReferralStatus, by: { firmId?: string; actor: { realm: 'firm' | 'system'; id: string | null } }): Promise<PeoReferral> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const row = await em.findOne(PeoReferralEntity, { where: { id: referralId, ...(by.firmId ? { firmId: by.firmId } : {}) } });
      if (!row) throw notFound('The referral');
      if (!NEXT[row.status].includes(status)) {
        throw new DomainError('REFERRAL_STATUS_NOT_ALLOWED', `A ${row.status.toLowerCase()} referral cannot become ${status.toLowerCase()}.`);
      }
      const before = row.status;
      await em.update(PeoReferralEntity, { id: row.id, status: before }, { status, statusUpdatedAt: now });
      await recordAudit(em, {
        scopeType: 'FIRM', scopeId: row.firmId, actorRealm: by.actor.realm, actorId: by.actor.id,
        action: 'PEO_REFERRAL_STATUS_CHANGED', subjectType: 'PEO_REFERRAL', subjectId: row.id,
        before: { status: before }, after: { status }, at: now,
      });
      return toReferral(Object.assign(row, { status, statusUpdatedAt: now }));
    });
  }
}

function toReferral(r: PeoReferralEntity): PeoReferral {
  return {
    id: r.id, businessName: r.businessName, contactName: r.contactName, contactEmail: r.contactEmail,
    contactPhone: r.contactPhone, employeeCount: r.employeeCount, expedited: r.expedited, status: r.status,
    referredBy: r.referredBy, createdAt: r.createdAt, statusUpdatedAt: r.statusUpdatedAt,
    expectedWeeks: r.expedited ? { min: 2, max: 3 } : { min: 3, max: 6 },
  };
}
