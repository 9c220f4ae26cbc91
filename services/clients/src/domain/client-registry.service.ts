import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  DomainError,
  enqueueEvent,
  forbidden,
  hashPassword,
  isUniqueViolation,
  notFound,
  parseInput,
  unauthenticated,
  type Clock,
  type Database,
  type Identity,
} from '@advisor/kit';
import { clientAdminAccessChanged, clientCompanyChanged } from '@advisor/schema';
import { CLIENTS_PRODUCER } from './link.service';
import { ClientCompanyEntity } from '../db/entities/client-company.entity';
import { ClientAdminEntity } from '../db/entities/client-admin.entity';
import { ClientErrorCode } from './errors';
import { normalizeFein, recordAudit } from '@advisor/rules';
import { CLIENT_ADMIN_PERMISSIONS, type ClientAdminPermission, type ClientStatus, type Platform } from './model';

/** SPEC C1: how many admins one company may have (every list stays bounded). */
export const MAX_CLIENT_ADMINS = 50;

const adminPermissions = z.array(z.enum(CLIENT_ADMIN_PERMISSIONS)).transform((ps) => [...new Set(ps)]);

/** SPEC C1: one client admin of a company, with the password they sign in with. */
export const clientAdminInput = z.object({
  firstName: z.string().trim().min(1).max(100),
  lastName: z.string().trim().min(1).max(100),
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(12).max(128),
  permissions: adminPermissions,
});

export const registerClientInput = z.object({
  businessName: z.string().trim().min(1).max(200),
  fein: z.string(),
  platform: z.enum(['PEO', 'PAYROLL']),
  status: z.enum(['ENROLLING', 'ACTIVE']).default('ACTIVE'),
  /** SPEC F8: the client's named Customer Success point of contact. */
  customerSuccess: z.object({
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().min(7).max(40),
    email: z.string().trim().toLowerCase().email(),
  }),
  admins: z.array(clientAdminInput).min(1).max(MAX_CLIENT_ADMINS),
});

/** SPEC C1 as the platform account sees a company: its registration and its admins (never a password). */
export interface PlatformClientCompany {
  id: string;
  businessName: string;
  fein: string;
  platform: Platform;
  status: ClientStatus;
  admins: Array<{ id: string; firstName: string; lastName: string; email: string; permissions: ClientAdminPermission[] }>;
}

/** SPEC G6, C1: only the operator's platform account registers companies and manages their admins. */
function requirePlatform(viewer: Identity): void {
  if (viewer.realm === 'anonymous') throw unauthenticated();
  if (viewer.realm !== 'platform') throw forbidden('Only the platform account can do this.');
}

const adminSnapshot = (a: ClientAdminEntity) => ({ id: a.id, firstName: a.firstName, lastName: a.lastName, email: a.email, permissions: a.permissions });

/**
 * The registry of client companies on the payroll and PEO platforms (SPEC C1). Companies and
 * their admins come from those platforms' own sign-up, outside this product: the platform
 * registers them through the gateway with the operator's platform account (SPEC G6), and so do
 * the demo data and the tests. Every change is audited (G4) and published as
 * `client-company.changed`.
 */
export class ClientRegistryService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** SPEC C1, G6: the platform account registers a company with its admins (audited, G4). */
  async register(viewer: Identity, raw: z.input<typeof registerClientInput>): Promise<PlatformClientCompany> {
    requirePlatform(viewer);
    const { clientId } = await this.registerCompany(raw, { realm: 'platform' });
    return this.company(viewer, clientId);
  }

  /** SPEC C1 for the platform account: one company and its admins; NOT_FOUND if there is none. */
  async company(viewer: Identity, clientId: string): Promise<PlatformClientCompany> {
    requirePlatform(viewer);
    return this.db.transaction((em) => this.snapshotOf(em, clientId));
  }

  /** SPEC C1: the platform adds an admin to a company. Errors: CLIENT_ADMIN_EMAIL_TAKEN, NOT_FOUND. */
  async addAdmin(viewer: Identity, clientId: string, raw: z.input<typeof clientAdminInput>): Promise<PlatformClientCompany> {
    requirePlatform(viewer);
    const input = parseInput(clientAdminInput, raw);
    const passwordHash = await hashPassword(input.password);
    return this.change(clientId, async (em, company, admins, now) => {
      if (admins.length >= MAX_CLIENT_ADMINS) throw new DomainError('BAD_USER_INPUT', `A company has at most ${MAX_CLIENT_ADMINS} admins.`);
      const admin = em.create(ClientAdminEntity, {
        id: randomUUID(), clientId: company.id, firstName: input.firstName, lastName: input.lastName,
        email: input.email, passwordHash, permissions: input.permissions, createdAt: now,
      });
      await em.insert(ClientAdminEntity, admin);
      return { action: 'CLIENT_ADMIN_ADDED', subjectType: 'CLIENT_ADMIN', subjectId: admin.id, before: null, after: adminSnapshot(admin) };
    });
  }

  /** SPEC C1: the platform changes what an admin may do in the company's own account. */
  async updateAdminPermissions(viewer: Identity, clientId: string, adminId: string, raw: ClientAdminPermission[]): Promise<PlatformClientCompany> {
    requirePlatform(viewer);
    const permissions = parseInput(adminPermissions, raw);
    return this.change(clientId, async (em, _company, admins) => {
      const admin = admins.find((a) => a.id === adminId);
      if (!admin) throw notFound('This client admin');
      const before = adminSnapshot(admin);
      admin.permissions = permissions;
      await em.update(ClientAdminEntity, { id: admin.id }, { permissions });
      await this.endTokens(em, admin, 'PERMISSIONS_CHANGED');
      return { action: 'CLIENT_ADMIN_PERMISSIONS_CHANGED', subjectType: 'CLIENT_ADMIN', subjectId: admin.id, before, after: adminSnapshot(admin) };
    });
  }

  /** SPEC C1: the platform removes an admin; a company keeps at least one (LAST_CLIENT_ADMIN). */
  async removeAdmin(viewer: Identity, clientId: string, adminId: string): Promise<PlatformClientCompany> {
    requirePlatform(viewer);
    return this.change(clientId, async (em, _company, admins) => {
      const admin = admins.find((a) => a.id === adminId);
      if (!admin) throw notFound('This client admin');
      if (admins.length === 1) throw new DomainError(ClientErrorCode.LastClientAdmin, 'A client company keeps at least one admin.');
      await em.delete(ClientAdminEntity, { id: admin.id });
      await this.endTokens(em, admin, 'REMOVED');
      return { action: 'CLIENT_ADMIN_REMOVED', subjectType: 'CLIENT_ADMIN', subjectId: admin.id, before: adminSnapshot(admin), after: null };
    });
  }

  /** SPEC C1: the platform moves a company between ENROLLING and ACTIVE. */
  async setStatus(viewer: Identity, clientId: string, rawStatus: ClientStatus): Promise<PlatformClientCompany> {
    requirePlatform(viewer);
    const status = parseInput(z.enum(['ENROLLING', 'ACTIVE']), rawStatus);
    return this.change(clientId, async (em, company) => {
      const before = { status: company.status };
      if (company.status === status) return null;
      company.status = status;
      await em.update(ClientCompanyEntity, { id: company.id }, { status });
      return { action: 'CLIENT_STATUS_CHANGED', subjectType: 'CLIENT_COMPANY', subjectId: company.id, before, after: { status } };
    });
  }

  /**
   * A client admin's access token carries their permissions: when the platform removes the admin or
   * changes what they may do, the tokens issued before now stop at the gateway
   * (`client-admin.access-changed`, in the change's transaction).
   */
  private async endTokens(em: EntityManager, admin: ClientAdminEntity, reason: 'REMOVED' | 'PERMISSIONS_CHANGED'): Promise<void> {
    const now = this.clock.now();
    await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientAdminAccessChanged, {
      clientAdminId: admin.id, clientId: admin.clientId, reason, changedAt: now.toISOString(),
    }, now);
  }

  /**
   * One platform change of a company: the company locked, the change, its audit entry (G4) and
   * `client-company.changed` with the admins as they now are, in one transaction.
   */
  private async change(
    clientId: string,
    apply: (
      em: EntityManager,
      company: ClientCompanyEntity,
      admins: ClientAdminEntity[],
      now: Date,
    ) => Promise<{ action: string; subjectType: string; subjectId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null } | null>,
  ): Promise<PlatformClientCompany> {
    if (!z.string().uuid().safeParse(clientId).success) throw notFound('The client company');
    try {
      return await this.db.transaction(async (em) => {
        const company = await em.findOne(ClientCompanyEntity, { where: { id: clientId }, lock: { mode: 'pessimistic_write' } });
        if (!company) throw notFound('The client company');
        const admins = await em.find(ClientAdminEntity, { where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' } });
        const now = this.clock.now();
        const audit = await apply(em, company, admins, now);
        if (audit) {
          await recordAudit(em, { scopeType: 'CLIENT', scopeId: clientId, actorRealm: 'platform', actorId: null, ...audit, at: now });
          const snapshot = await this.snapshotOf(em, clientId);
          await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientCompanyChanged, {
            clientId, businessName: snapshot.businessName, fein: snapshot.fein, platform: snapshot.platform, status: snapshot.status,
            admins: snapshot.admins, changedAt: now.toISOString(),
          }, now);
          return snapshot;
        }
        return this.snapshotOf(em, clientId);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(ClientErrorCode.AdminEmailTaken, 'A client admin with this email already exists.');
      throw err;
    }
  }

  private async snapshotOf(em: EntityManager, clientId: string): Promise<PlatformClientCompany> {
    const company = z.string().uuid().safeParse(clientId).success ? await em.findOne(ClientCompanyEntity, { where: { id: clientId } }) : null;
    if (!company) throw notFound('The client company');
    const admins = await em.find(ClientAdminEntity, { where: { clientId }, order: { createdAt: 'ASC', id: 'ASC' }, take: MAX_CLIENT_ADMINS });
    return {
      id: company.id,
      businessName: company.businessName,
      fein: company.fein,
      platform: company.platform,
      status: company.status,
      admins: admins.map((a) => ({ ...adminSnapshot(a), permissions: a.permissions as ClientAdminPermission[] })),
    };
  }

  /** Registers a company and its admins (`by`: who, for the audit trail; none for the code that seeds benchmarks). */
  async registerCompany(raw: z.input<typeof registerClientInput>, by?: { realm: 'platform' }): Promise<{ clientId: string; adminIds: string[] }> {
    const input = parseInput(registerClientInput, raw);
    const fein = normalizeFein(input.fein);
    if (!fein) {
      throw new DomainError(ClientErrorCode.InvalidFein, 'Enter the FEIN as NN-NNNNNNN with a valid IRS prefix.');
    }
    const now = this.clock.now();
    const clientId = randomUUID();
    const admins = await Promise.all(
      input.admins.map(async (a) => ({
        id: randomUUID(),
        clientId,
        firstName: a.firstName,
        lastName: a.lastName,
        email: a.email,
        passwordHash: await hashPassword(a.password),
        permissions: a.permissions,
        createdAt: now,
      })),
    );
    try {
      await this.db.transaction(async (em) => {
        await em.insert(ClientCompanyEntity, {
          id: clientId,
          businessName: input.businessName,
          fein,
          platform: input.platform as Platform,
          status: input.status as ClientStatus,
          csName: input.customerSuccess.name,
          csPhone: input.customerSuccess.phone,
          csEmail: input.customerSuccess.email,
          createdAt: now,
        });
        for (const admin of admins) await em.insert(ClientAdminEntity, admin);
        await recordAudit(em, {
          scopeType: 'CLIENT', scopeId: clientId, actorRealm: by?.realm ?? 'system', actorId: null, action: 'CLIENT_COMPANY_REGISTERED',
          subjectType: 'CLIENT_COMPANY', subjectId: clientId, before: null,
          after: { businessName: input.businessName, fein, platform: input.platform, status: input.status, admins: admins.map(adminSnapshot) },
          at: now,
        });
        await enqueueEvent(this.db, em, CLIENTS_PRODUCER, clientCompanyChanged, {
          clientId,
          businessName: input.businessName,
          fein,
          platform: input.platform,
          status: input.status,
          admins: admins.map((a) => ({ id: a.id, firstName: a.firstName, lastName: a.lastName, email: a.email, permissions: a.permissions })),
          changedAt: now.toISOString(),
        }, now);
      });
    } catch (err) {
      if (isUniqueViolation(err)) {
        // Two unique keys: the FEIN on its platform, and each admin's email (they sign in with it).
        const known = await this.db.manager.findOne(ClientAdminEntity, { where: admins.map((a) => ({ email: a.email })) });
        if (known) throw new DomainError(ClientErrorCode.AdminEmailTaken, 'A client admin with this email already exists.');
        throw new DomainError(ClientErrorCode.FeinTaken, 'A client company with this FEIN is already on that platform.');
      }
      throw err;
    }
    return { clientId, adminIds: admins.map((a) => a.id) };
  }
}
