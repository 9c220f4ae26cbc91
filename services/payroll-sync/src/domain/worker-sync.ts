import { randomUUID } from 'node:crypto';
import type { WorkerEntity, WorkerSyncedFields } from '../db/entities/worker.entity';
import type { ChangeSide, ChangeWhat } from '../db/entities/sync.entities';
import type { TimeTrackingConnection, TimeTrackingProvider, TimeTrackingWorker, TimeTrackingWorkerPatch } from '../providers';

export interface ChangeRecord {
  workerId: string | null;
  side: ChangeSide;
  what: ChangeWhat;
  detail: string;
}

export const formatRate = (cents: number | null) => (cents === null ? 'no pay rate' : `$${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}/h`);
const nameOf = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`;
const synced = (w: WorkerSyncedFields): WorkerSyncedFields => ({ isManager: w.isManager, isAdmin: w.isAdmin, payRateCents: w.payRateCents });

/** Which change of a synced field it is, and how the log says it. */
function changeOf(field: keyof WorkerSyncedFields, worker: WorkerEntity, from: WorkerSyncedFields, to: WorkerSyncedFields): Omit<ChangeRecord, 'side'> | null {
  if (from[field] === to[field]) return null;
  const who = nameOf(worker);
  if (field === 'payRateCents') return { workerId: worker.id, what: 'PAY_RATE_CHANGED', detail: `${who}: pay rate ${formatRate(from.payRateCents)} → ${formatRate(to.payRateCents)}` };
  if (field === 'isManager') return { workerId: worker.id, what: to.isManager ? 'MADE_MANAGER' : 'MANAGER_REMOVED', detail: `${who}: ${to.isManager ? 'made a manager' : 'no longer a manager'}` };
  return { workerId: worker.id, what: to.isAdmin ? 'MADE_ADMIN' : 'ADMIN_REMOVED', detail: `${who}: ${to.isAdmin ? 'made an admin' : 'no longer an admin'}` };
}
const FIELDS: Array<keyof WorkerSyncedFields> = ['payRateCents', 'isManager', 'isAdmin'];

export interface WorkerSyncResult {
  /** Every payroll member of the client after the sync (new ones included). */
  workers: WorkerEntity[];
  inserted: WorkerEntity[];
  updated: WorkerEntity[];
  changes: ChangeRecord[];
  cursor: number;
}

/**
 * SPEC P1, the two-way member sync. New members appear on the other side (W2 and 1099 alike);
 * making a manager, making an admin and pay-rate changes travel both ways. `ttState` remembers
 * what time tracking last had, so each side's changes since the last sync are told apart; when
 * both sides changed the same field, the payroll side's change wins (it is where pay is decided)
 * and is written to time tracking. Calls to time tracking are idempotent (create by externalRef,
 * patch to values), so a sync that fails half-way and runs again changes nothing twice; nothing
 * is written here: the caller stores the result in one transaction with the new cursor.
 */
export async function syncWorkers(
  provider: TimeTrackingProvider,
  connection: TimeTrackingConnection,
  clientId: string,
  ours: WorkerEntity[],
  cursor: number,
  now: Date,
): Promise<WorkerSyncResult> {
  const changed: TimeTrackingWorker[] = [];
  let next = cursor;
  for (;;) {
    const page = await provider.listWorkers(connection, { since: next, limit: 500 });
    changed.push(...page.items);
    next = page.nextSequence;
    if (!page.hasMore) break;
  }

  const changes: ChangeRecord[] = [];
  const inserted: WorkerEntity[] = [];
  const updated = new Set<WorkerEntity>();
  const needsLink = new Set<WorkerEntity>();
  const byTtId = new Map(ours.filter((w) => w.ttWorkerId).map((w) => [w.ttWorkerId!, w]));
  const byId = new Map(ours.map((w) => [w.id, w]));
  const unlinkedByEmail = new Map(ours.filter((w) => !w.ttWorkerId).map((w) => [w.email.toLowerCase(), w]));

  // 1. What changed in time tracking comes to payroll.
  for (const tt of changed) {
    let mine = byTtId.get(tt.id) ?? (tt.externalRef ? byId.get(tt.externalRef) : undefined) ?? unlinkedByEmail.get(tt.email.toLowerCase());
    if (!mine) {
      if (tt.deletedAt) continue;
      mine = {
        id: randomUUID(), clientId, ttWorkerId: tt.id, firstName: tt.firstName, lastName: tt.lastName, email: tt.email, kind: tt.kind,
        isManager: tt.isManager, isAdmin: tt.isAdmin, payRateCents: tt.payRateCents, removedAt: null, pendingPush: false,
        ttState: synced(tt), createdAt: now, updatedAt: now,
      };
      inserted.push(mine);
      ours.push(mine);
      byTtId.set(tt.id, mine);
      needsLink.add(mine);
      changes.push({ workerId: mine.id, side: 'TIME_TRACKING', what: 'MEMBER_ADDED', detail: `${nameOf(tt)} (${tt.kind === 'W2' ? 'W2 employee' : '1099 contractor'}) added in time tracking` });
      continue;
    }
    if (mine.ttWorkerId !== tt.id) {
      mine.ttWorkerId = tt.id;
      byTtId.set(tt.id, mine);
      updated.add(mine);
    }
    if (tt.externalRef !== mine.id) needsLink.add(mine);
    if (tt.deletedAt) {
      if (!mine.removedAt) {
        mine.removedAt = new Date(tt.deletedAt);
        updated.add(mine);
        changes.push({ workerId: mine.id, side: 'TIME_TRACKING', what: 'MEMBER_REMOVED', detail: `${nameOf(mine)} removed in time tracking` });
      }
      continue;
    }
    const before = mine.ttState ?? synced(mine);
    for (const field of FIELDS) {
      const theirs = tt[field];
      const ttChanged = theirs !== before[field];
      const payrollChanged = mine.pendingPush && mine[field] !== before[field];
      if (ttChanged && !payrollChanged && mine[field] !== theirs) {
        const change = changeOf(field, mine, synced(mine), { ...synced(mine), [field]: theirs });
        (mine as unknown as Record<string, unknown>)[field] = theirs;
        updated.add(mine);
        if (change) changes.push({ ...change, side: 'TIME_TRACKING' });
      }
    }
    if (JSON.stringify(synced(tt)) !== JSON.stringify(mine.ttState)) {
      mine.ttState = synced(tt);
      updated.add(mine);
    }
  }

  // 2. What changed in payroll goes to time tracking: new members, flags, pay rates.
  for (const mine of ours) {
    if (mine.removedAt) continue;
    if (!mine.ttWorkerId) {
      const { worker, created } = await provider.createWorker(connection, {
        externalRef: mine.id, firstName: mine.firstName, lastName: mine.lastName, email: mine.email, kind: mine.kind,
        isManager: mine.isManager, isAdmin: mine.isAdmin, payRateCents: mine.payRateCents,
      });
      mine.ttWorkerId = worker.id;
      mine.ttState = synced(worker);
      updated.add(mine);
      if (created) {
        changes.push({ workerId: mine.id, side: 'PAYROLL', what: 'MEMBER_ADDED', detail: `${nameOf(mine)} (${mine.kind === 'W2' ? 'W2 employee' : '1099 contractor'}) added in payroll` });
      }
    }
    const state = mine.ttState ?? synced(mine);
    const patch: TimeTrackingWorkerPatch = {};
    for (const field of FIELDS) {
      if (mine[field] === state[field]) continue;
      (patch as Record<string, unknown>)[field] = mine[field];
      const change = changeOf(field, mine, state, synced(mine));
      if (change) changes.push({ ...change, side: 'PAYROLL' });
    }
    if (needsLink.has(mine)) patch.externalRef = mine.id;
    if (Object.keys(patch).length > 0) {
      const worker = await provider.updateWorker(connection, mine.ttWorkerId!, patch);
      mine.ttState = synced(worker);
      updated.add(mine);
    }
    if (mine.pendingPush) {
      mine.pendingPush = false;
      updated.add(mine);
    }
  }
  for (const w of updated) w.updatedAt = now;
  const insertedSet = new Set(inserted);
  return { workers: ours, inserted, updated: [...updated].filter((w) => !insertedSet.has(w)), changes, cursor: next };
}
