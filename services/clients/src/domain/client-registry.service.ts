import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DomainError, enqueueEvent, hashPassword, isUniqueViolation, parseInput, type Clock, type Database } from '@advisor/kit';
import { clientCompanyChanged } from '@advisor/schema';
import { CLIENTS_PRODUCER } from './link.service';
import { ClientCompanyEntity } from '../db/entities/client-company.entity';
import { ClientAdminEntity } from '../db/entities/client-admin.entity';
import { ClientErrorCode } from './errors';
import { normalizeFein } from '@advisor/rules';
import { CLIENT_ADMIN_PERMISSIONS, type ClientStatus, type Platform } from './model';

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
  admins: z
    .array(
      z.object({
        firstName: z.string().trim().min(1).max(100),
        lastName: z.string().trim().min(1).max(100),
        email: z.string().trim().toLowerCase().email(),
        password: z.string().min(12).max(128),
        permissions: z.array(z.enum(CLIENT_ADMIN_PERMISSIONS)),
      }),
    )
    .min(1),
});

/**
 * The registry of client companies on the payroll and PEO platforms (SPEC C1). Companies and
 * their admins come from those platforms' own sign-up, which is outside this product; this is
 * how the demo data and the tests put them in place.
 */
export class ClientRegistryService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async registerCompany(raw: z.input<typeof registerClientInput>): Promise<{ clientId: string; adminIds: string[] }> {
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
        throw new DomainError(ClientErrorCode.FeinTaken, 'A client company with this FEIN is already on that platform.');
      }
      throw err;
    }
    return { clientId, adminIds: admins.map((a) => a.id) };
  }
}
