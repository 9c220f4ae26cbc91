import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Database, Identity } from '@advisor/kit';
import type { clientLinked, clientUnlinked, PayloadOf } from '@advisor/schema';
import { ClientAccessEntity } from '../db/entities/client-access.entity';
import { TimeTrackingIntegrationEntity } from '../db/entities/time-tracking-integration.entity';

export interface TimeTrackingIntegration {
  clientId: string;
  status: 'NOT_CONNECTED' | 'CONNECTED';
  lastSyncedAt: Date | null;
}

export class TimeTrackingService {
  constructor(private readonly db: Database) {}

  /** A newly linked client gets its (not yet connected) integration and this service's access copy. */
  async applyClientLinked(em: EntityManager, event: PayloadOf<typeof clientLinked>): Promise<void> {
    const linkedAt = new Date(event.linkedAt);
    await em.delete(ClientAccessEntity, { clientId: event.clientId });
    await em.insert(ClientAccessEntity, { clientId: event.clientId, firmId: event.firmId, linkedAt });
    if (!(await em.exists(TimeTrackingIntegrationEntity, { where: { clientId: event.clientId } }))) {
      await em.insert(TimeTrackingIntegrationEntity, {
        clientId: event.clientId,
        status: 'NOT_CONNECTED',
        lastSyncedAt: null,
        createdAt: linkedAt,
      });
    }
  }

  /** The firm no longer serves the client: its members lose access here too. */
  async applyClientUnlinked(em: EntityManager, event: PayloadOf<typeof clientUnlinked>): Promise<void> {
    await em.delete(ClientAccessEntity, { clientId: event.clientId, firmId: event.firmId });
  }

  /**
   * Integrations of the given clients, for members of each client's linked firm only; null
   * for everything else. Two statements, whatever the number of clients.
   */
  async integrationsFor(clientIds: readonly string[], viewer: Identity): Promise<Array<TimeTrackingIntegration | null>> {
    if (viewer.realm !== 'firm' || clientIds.length === 0) return clientIds.map(() => null);
    const access = await this.db.manager.find(ClientAccessEntity, {
      where: { clientId: In([...clientIds]), firmId: viewer.firmId },
    });
    const allowed = access.map((a) => a.clientId);
    const rows = allowed.length
      ? await this.db.manager.find(TimeTrackingIntegrationEntity, { where: { clientId: In(allowed) } })
      : [];
    const byClient = new Map(rows.map((r) => [r.clientId, r]));
    return clientIds.map((id) => {
      const r = byClient.get(id);
      return r ? { clientId: r.clientId, status: r.status, lastSyncedAt: r.lastSyncedAt } : null;
    });
  }
}
