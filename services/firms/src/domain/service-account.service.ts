import { randomBytes, randomUUID } from 'node:crypto';
import { IsNull } from 'typeorm';
import { z } from 'zod';
import {
  DomainError,
  enqueueEvent,
  hashOpaqueToken,
  notFound,
  parseInput,
  type AccessTokenIssuer,
  type Clock,
  type Database,
  type Identity,
} from '@advisor/kit';
import { accessEndDateInput, requireFutureEndDate } from '@advisor/rules';
import { memberAccessChanged } from '@advisor/schema';
import { ServiceAccountEntity } from '../db/entities/service-account.entity';
import { FirmErrorCode } from './errors';
import type { FirmAccess } from './firm-access';
import type { AuditService } from './audit.service';
import { FIRMS_PRODUCER } from './session.service';

/**
 * SPEC G6 scopes. `read`: the firm's data through queries, as a read-only member who sees every
 * client of the firm (G3); `events:read`: the firm's events through subscriptions (G2). No scope
 * lets a service account change anything.
 */
export const SERVICE_ACCOUNT_SCOPES = ['read', 'events:read'] as const;
export type ServiceAccountScope = (typeof SERVICE_ACCOUNT_SCOPES)[number];

/** How many service accounts that are not revoked a firm may hold (every list stays bounded). */
export const MAX_ACTIVE_SERVICE_ACCOUNTS = 25;
/** How many a list returns at most, newest first (revoked ones included). */
export const SERVICE_ACCOUNT_LIST_LIMIT = 100;
/** Secrets start with this, so secret scanners and people can tell them apart. */
export const SERVICE_ACCOUNT_SECRET_PREFIX = 'adsa_';

export const createServiceAccountInput = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z
    .array(z.enum(SERVICE_ACCOUNT_SCOPES))
    .min(1, 'needs at least one scope')
    .transform((s) => [...new Set(s)].sort()),
  /** SPEC F10: when the account stops working by itself; absent or null: until revoked. */
  endsAt: accessEndDateInput,
});

export interface ServiceAccount {
  id: string;
  firmId: string;
  name: string;
  scopes: ServiceAccountScope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** SPEC F10: when it stops working by itself; null: until revoked. */
  endsAt: Date | null;
  /** SPEC F10: when the expiry sweep ended it; null while it works (or when it was revoked first). */
  endedAt: Date | null;
}

export interface ServiceAccountToken {
  accessToken: string;
  expiresAt: Date;
  serviceAccount: ServiceAccount;
}

export const toServiceAccount = (e: ServiceAccountEntity): ServiceAccount => ({
  id: e.id,
  firmId: e.firmId,
  name: e.name,
  scopes: e.scopes as ServiceAccountScope[],
  createdBy: e.createdBy,
  createdAt: e.createdAt,
  lastUsedAt: e.lastUsedAt,
  revokedAt: e.revokedAt,
  endsAt: e.endsAt,
  endedAt: e.endedAt,
});

const snapshot = (e: ServiceAccountEntity) => ({
  name: e.name,
  scopes: e.scopes,
  revoked: e.revokedAt !== null,
  ...(e.endsAt ? { endsAt: e.endsAt.toISOString(), ended: e.endedAt !== null } : {}),
});

/** SPEC F10: an account past its end date works no more, whether or not the sweep has ended it yet. */
const usable = (e: ServiceAccountEntity, now: Date) => !e.revokedAt && !e.endedAt && !(e.endsAt && e.endsAt.getTime() <= now.getTime());

/**
 * SPEC G6: a firm ADMIN creates, lists and revokes the firm's service accounts; a service
 * exchanges its secret for a short-lived access token of the `service` realm. Every change is
 * audited (G4); a revocation also voids the account's tokens at the gateway.
 */
export class ServiceAccountService {
  constructor(
    private readonly db: Database,
    private readonly access: FirmAccess,
    private readonly audit: AuditService,
    private readonly issuer: AccessTokenIssuer,
    private readonly clock: Clock,
  ) {}

  /** Creates an account; the secret is returned this once and only its hash is kept. */
  async create(viewer: Identity, raw: z.input<typeof createServiceAccountInput>): Promise<{ serviceAccount: ServiceAccount; secret: string }> {
    const input = parseInput(createServiceAccountInput, raw);
    const secret = SERVICE_ACCOUNT_SECRET_PREFIX + randomBytes(32).toString('base64url');
    const now = this.clock.now();
    requireFutureEndDate(input.endsAt, now);
    const row = await this.db.transaction(async (em) => {
      const admin = await this.access.admin(viewer, em);
      const active = await em.count(ServiceAccountEntity, { where: { firmId: admin.firmId, revokedAt: IsNull(), endedAt: IsNull() } });
      if (active >= MAX_ACTIVE_SERVICE_ACCOUNTS) {
        throw new DomainError(
          FirmErrorCode.ServiceAccountLimit,
          `A firm can hold at most ${MAX_ACTIVE_SERVICE_ACCOUNTS} service accounts. Revoke one you no longer use first.`,
        );
      }
      const entity = em.create(ServiceAccountEntity, {
        id: randomUUID(),
        firmId: admin.firmId,
        name: input.name,
        scopes: input.scopes,
        secretHash: hashOpaqueToken(secret),
        createdBy: admin.id,
        createdAt: now,
        lastUsedAt: null,
        revokedAt: null,
        revokedBy: null,
        endsAt: input.endsAt ?? null,
        endedAt: null,
      });
      await em.insert(ServiceAccountEntity, entity);
      await this.audit.record(em, {
        firmId: admin.firmId, actorMemberId: admin.id, action: 'SERVICE_ACCOUNT_CREATED',
        subjectType: 'SERVICE_ACCOUNT', subjectId: entity.id, before: null, after: snapshot(entity), at: now,
      });
      return entity;
    });
    return { serviceAccount: toServiceAccount(row), secret };
  }

  /** The firm's service accounts, newest first (at most SERVICE_ACCOUNT_LIST_LIMIT); ADMINs only. */
  async list(viewer: Identity): Promise<ServiceAccount[]> {
    const admin = await this.access.admin(viewer);
    const rows = await this.db.manager.find(ServiceAccountEntity, {
      where: { firmId: admin.firmId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: SERVICE_ACCOUNT_LIST_LIMIT,
    });
    return rows.map(toServiceAccount);
  }

  /**
   * Revokes an account: its secret stops working at once, and the gateway refuses the tokens it
   * already holds (`member.access-changed`, reason SERVICE_ACCOUNT_REVOKED). Revoking twice
   * answers the same and records nothing more. Another firm's account is NOT_FOUND.
   */
  async revoke(viewer: Identity, id: string): Promise<ServiceAccount> {
    const now = this.clock.now();
    const row = await this.db.transaction(async (em) => {
      const admin = await this.access.admin(viewer, em);
      const found = z.string().uuid().safeParse(id).success
        ? await em.findOne(ServiceAccountEntity, { where: { id, firmId: admin.firmId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!found) throw notFound('This service account');
      if (found.revokedAt || found.endedAt) return found;
      const before = snapshot(found);
      found.revokedAt = now;
      found.revokedBy = admin.id;
      await em.update(ServiceAccountEntity, { id: found.id }, { revokedAt: now, revokedBy: admin.id });
      await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
        memberId: found.id,
        firmId: found.firmId,
        reason: 'SERVICE_ACCOUNT_REVOKED',
        sessionId: null,
        changedAt: now.toISOString(),
      }, now);
      await this.audit.record(em, {
        firmId: admin.firmId, actorMemberId: admin.id, action: 'SERVICE_ACCOUNT_REVOKED',
        subjectType: 'SERVICE_ACCOUNT', subjectId: found.id, before, after: snapshot(found), at: now,
      });
      return found;
    });
    return toServiceAccount(row);
  }

  /**
   * SPEC F10: ends the accounts past their end date, a batch at a time (the expiry sweep's
   * `LeasedWorkLoop` calls it on every replica): due rows are claimed `FOR UPDATE SKIP LOCKED` and
   * ended in the same transaction, so each ends once. Like a revocation, the gateway then refuses
   * the tokens already issued (`member.access-changed`, SERVICE_ACCOUNT_EXPIRED). Audited.
   */
  async endExpired(limit = 100): Promise<number> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const due: Array<{ id: string }> = await em.query(
        `SELECT id FROM service_accounts WHERE ends_at IS NOT NULL AND ends_at <= ? AND revoked_at IS NULL AND ended_at IS NULL ORDER BY ends_at, id LIMIT ${Math.max(1, Math.floor(limit))}${this.db.skipLocked}`,
        [this.db.timeParam(now)],
      );
      for (const { id } of due) {
        const row = await em.findOneByOrFail(ServiceAccountEntity, { id });
        const before = snapshot(row);
        row.endedAt = now;
        await em.update(ServiceAccountEntity, { id }, { endedAt: now });
        await enqueueEvent(this.db, em, FIRMS_PRODUCER, memberAccessChanged, {
          memberId: id, firmId: row.firmId, reason: 'SERVICE_ACCOUNT_EXPIRED', sessionId: null, changedAt: now.toISOString(),
        }, now);
        await this.audit.record(em, {
          firmId: row.firmId, actorMemberId: null, action: 'SERVICE_ACCOUNT_ENDED_BY_END_DATE',
          subjectType: 'SERVICE_ACCOUNT', subjectId: id, before, after: snapshot(row), at: now,
        });
      }
      return due.length;
    });
  }

  /**
   * SPEC G6: the secret for an access token of the `service` realm (15 minutes, the same keys as
   * members' tokens). An unknown or revoked secret, or one past its end date (SPEC F10), gets
   * INVALID_SERVICE_ACCOUNT_SECRET, the same answer either way.
   */
  async issueToken(secret: string): Promise<ServiceAccountToken> {
    const refused = () => new DomainError(FirmErrorCode.InvalidServiceAccountSecret, 'This service account secret is not valid.');
    if (typeof secret !== 'string' || !secret.startsWith(SERVICE_ACCOUNT_SECRET_PREFIX) || secret.length > 200) throw refused();
    const row = await this.db.manager.findOne(ServiceAccountEntity, { where: { secretHash: hashOpaqueToken(secret) } });
    const now = this.clock.now();
    if (!row || !usable(row, now)) throw refused();
    await this.db.transaction((em) => em.update(ServiceAccountEntity, { id: row.id }, { lastUsedAt: now }));
    row.lastUsedAt = now;
    const { token, expiresAt } = await this.issuer.issue(
      { realm: 'service', serviceAccountId: row.id, firmId: row.firmId, name: row.name, scopes: row.scopes },
      randomUUID(),
      now,
    );
    return { accessToken: token, expiresAt, serviceAccount: toServiceAccount(row) };
  }
}
