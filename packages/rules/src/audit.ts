import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { Database } from '@advisor/kit';

/**
 * SPEC G4: an append-only trail of changes (permissions, links, assignments, invitations,
 * approvals): who, when, what before and after. Each service keeps its own, in its own database,
 * written in the same transaction as the change. `scope` is the tenant whose trail it belongs to
 * (a firm, or a client company), so each can query its own.
 */
@Entity('audit_trail')
export class AuditEntryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'scope_type', type: 'varchar', length: 16 })
  scopeType: 'FIRM' | 'CLIENT';

  @Column({ name: 'scope_id', type: 'varchar', length: 36 })
  scopeId: string;

  /** `firm` member, `client` admin, or `system` (an event handler acting on another's behalf). */
  @Column({ name: 'actor_realm', type: 'varchar', length: 16 })
  actorRealm: 'firm' | 'client' | 'system' | 'platform';

  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'simple-json', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'simple-json', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}

export interface AuditEntry {
  id: string;
  scopeType: 'FIRM' | 'CLIENT';
  scopeId: string;
  actorRealm: 'firm' | 'client' | 'system' | 'platform';
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  at: Date;
}


/** Records a change inside the caller's transaction: the change and its record commit together. */
export async function recordAudit(em: EntityManager, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  // `simple-json` columns hold any object; TypeORM's deep-partial type cannot express that.
  await em.insert(
    AuditEntryEntity,
    Object.assign(new AuditEntryEntity(), {
      id: randomUUID(),
      scopeType: entry.scopeType,
      scopeId: entry.scopeId,
      actorRealm: entry.actorRealm,
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      before: entry.before,
      after: entry.after,
      createdAt: entry.at,
    }) as unknown as QueryDeepPartialEntity<AuditEntryEntity>,
  );
}

/** A scope's trail, newest first. The caller decides who may read it. */
export async function listAudit(
  db: Database,
  scope: { scopeType: 'FIRM' | 'CLIENT'; scopeId: string },
  opts: { first: number; subjectId?: string },
): Promise<AuditEntry[]> {
  const rows = await db.manager.find(AuditEntryEntity, {
    where: { scopeType: scope.scopeType, scopeId: scope.scopeId, ...(opts.subjectId ? { subjectId: opts.subjectId } : {}) },
    order: { createdAt: 'DESC', id: 'ASC' },
    take: Math.min(Math.max(opts.first, 1), 500),
  });
  return rows.map((r) => ({
    id: r.id,
    scopeType: r.scopeType,
    scopeId: r.scopeId,
    actorRealm: r.actorRealm,
    actorId: r.actorId,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    before: r.before,
    after: r.after,
    at: r.createdAt,
  }));
}
