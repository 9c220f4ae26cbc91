import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CLIENT_GRANTED_PERMISSIONS, clientCompanyChanged } from '@advisor/schema';
import {
  DomainError,
  enqueueEvent,
  isUniqueViolation,
  notFound,
  parseInput,
  type Clock,
  type Database,
  type Identity,
} from '@advisor/kit';
import { recordAudit } from '@advisor/rules';
import { ClientCompanyEntity } from '../db/entities/client-company.entity';
import { OnboardingStepEntity } from '../db/entities/onboarding-step.entity';
import type { AssignmentService } from './assignment.service';
import { ClientAdminEntity } from '../db/entities/client-admin.entity';
import { ClientErrorCode } from './errors';
import { normalizeFein } from '@advisor/rules';
import { CLIENTS_PRODUCER, type LinkService } from './link.service';
import { firmMember } from './viewer';
import type { ClientDirectoryService } from './client-directory.service';
import type { ClientCompany } from './model';

/** SPEC C8: what a new Payroll client completes before its first payroll (typically 2–7 business days). */
export const ONBOARDING_STEPS = ['COMPANY_INFORMATION', 'BANK_ACCOUNT', 'TAX_INFORMATION', 'EMPLOYEES', 'PAY_SCHEDULE'] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** The Customer Success contact of a Payroll client while it onboards, until the platform names one. */
export const PAYROLL_ONBOARDING_CONTACT = {
  name: 'Payroll Onboarding Team',
  phone: '+1 844 555 0142',
  email: 'payroll-onboarding@advisor-dashboard.example',
};

export const addPayrollClientInput = z.object({
  businessName: z.string().trim().min(1, 'is required').max(200),
  fein: z.string(),
});

export interface OnboardingProgress {
  step: OnboardingStep;
  completedAt: Date | null;
}

/** SPEC C8: a firm adds a new Payroll client, which enrolls, completes onboarding and becomes active. */
export class OnboardingService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly links: LinkService,
    private readonly directory: ClientDirectoryService,
    private readonly assignments: AssignmentService,
  ) {}

  /**
   * The company appears under Payroll › Enrolling, linked to the firm (which is onboarding it,
   * so with every permission), and the member who added it is assigned as responsible.
   */
  async addPayrollClient(viewer: Identity, raw: z.input<typeof addPayrollClientInput>): Promise<ClientCompany> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    const input = parseInput(addPayrollClientInput, raw);
    const fein = normalizeFein(input.fein);
    if (!fein) throw new DomainError(ClientErrorCode.InvalidFein, 'Enter the FEIN as NN-NNNNNNN with a valid IRS prefix.');
    const now = this.clock.now();
    const clientId = randomUUID();
    try {
      await this.db.transaction(async (em) => {
        await em.insert(ClientCompanyEntity, {
          id: clientId, businessName: input.businessName, fein, platform: 'PAYROLL', status: 'ENROLLING',
          // SPEC F8: every client has a named contact; new Payroll clients start with the onboarding team's.
          csName: PAYROLL_ONBOARDING_CONTACT.name, csPhone: PAYROLL_ONBOARDING_CONTACT.phone, csEmail: PAYROLL_ONBOARDING_CONTACT.email,
          createdAt: now,
        });
        for (const step of ONBOARDING_STEPS) await em.insert(OnboardingStepEntity, { clientId, step, completedAt: null, completedBy: null });
        await this.links.createLink(em, {
          clientId, firmId: actor.firmId, permissions: [...CLIENT_GRANTED_PERMISSIONS], invitationId: null,
          actor: { realm: 'firm', id: actor.memberId }, at: now,
        });
        await this.assignments.assignOnboardingMember(em, {
          clientId, firmId: actor.firmId, memberId: actor.memberId, permissions: [...CLIENT_GRANTED_PERMISSIONS], at: now,
        });
        await recordAudit(em, {
          scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
          action: 'PAYROLL_CLIENT_ADDED', subjectType: 'CLIENT', subjectId: clientId, before: null,
          after: { businessName: input.businessName, fein, status: 'ENROLLING' }, at: now,
        });
        await this.publishCompany(em, clientId, now);
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        throw new DomainError(ClientErrorCode.FeinTaken, 'A client company with this FEIN is already on Payroll. Send it a firm invitation instead.');
      }
      throw err;
    }
    const [client] = await this.directory.clientsByIds([clientId], viewer);
    return client!;
  }

  /** Marks one step done; when every step is done the client moves from Enrolling to Active. */
  async completeStep(viewer: Identity, clientId: string, step: OnboardingStep): Promise<ClientCompany> {
    const actor = firmMember(viewer, 'MANAGE_CLIENTS');
    const [visible] = await this.directory.clientsByIds([clientId], viewer);
    if (!visible) throw notFound('The client');
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      // The company row is locked: two last steps completed at once cannot both miss the other.
      const query = em.createQueryBuilder(ClientCompanyEntity, 'c').where('c.id = :clientId', { clientId });
      if (this.db.kind === 'mysql') query.setLock('pessimistic_write');
      const company = await query.getOneOrFail();
      if (company.status !== 'ENROLLING') throw new DomainError(ClientErrorCode.NotEnrolling, 'This client has finished onboarding.');
      const updated = await em.update(OnboardingStepEntity, { clientId, step }, { completedAt: now, completedBy: actor.memberId });
      if (updated.affected !== 1) throw notFound('The onboarding step');
      const steps = await em.find(OnboardingStepEntity, { where: { clientId } });
      const done = steps.every((s) => s.completedAt !== null || s.step === step);
      await recordAudit(em, {
        scopeType: 'CLIENT', scopeId: clientId, actorRealm: 'firm', actorId: actor.memberId,
        action: 'ONBOARDING_STEP_COMPLETED', subjectType: 'CLIENT', subjectId: clientId, before: null, after: { step }, at: now,
      });
      if (done) {
        await em.update(ClientCompanyEntity, { id: clientId }, { status: 'ACTIVE' });
        await recordAudit(em, {
          scopeType: 'FIRM', scopeId: actor.firmId, actorRealm: 'firm', actorId: actor.memberId,
          action: 'CLIENT_ACTIVATED', subjectType: 'CLIENT', subjectId: clientId, before: { status: 'ENROLLING' }, after: { status: 'ACTIVE' }, at: now,
        });
        await this.publishCompany(em, clientId, now);
      }
    });
    const [client] = await this.directory.clientsByIds([clientId], viewer);
    return client!;
  }

  async progressOf(clientIds: readonly string[]): Promise<OnboardingProgress[][]> {
    if (clientIds.length === 0) return [];
    const rows = await this.db.manager
      .createQueryBuilder(OnboardingStepEntity, 's')
      .where('s.client_id IN (:...ids)', { ids: [...clientIds] })
      .getMany();
    return clientIds.map((id) =>
      ONBOARDING_STEPS.filter((step) => rows.some((r) => r.clientId === id && r.step === step)).map((step) => ({
        step,
        completedAt: rows.find((r) => r.clientId === id && r.step === step)!.completedAt,
      })),
    );
  }

  private async publishCompany(em: import('typeorm').EntityManager, clientId: string, now: Date) {
    const company = await em.findOneOrFail(ClientCompanyEntity, { where: { id: clientId } });
    const admins = await em.find(ClientAdminEntity, { where: { clientId } });
    await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientCompanyChanged, {
      clientId, businessName: company.businessName, fein: company.fein, platform: company.platform, status: company.status,
      admins: admins.map((a) => ({ id: a.id, firstName: a.firstName, lastName: a.lastName, email: a.email, permissions: a.permissions })),
      changedAt: now.toISOString(),
    }, now);
  }
}
