import { randomUUID } from 'node:crypto';
import { In, IsNull, type EntityManager } from 'typeorm';
import { notFound, type Clock, type Database, type Identity } from '@advisor/kit';
import { InvitationEntity } from '../db/entities/invitation.entity';
import { NotificationEntity } from '../db/entities/notification.entity';
import { requireClientAdmin } from './access';
import { toInvitation, toNotification, type Notification } from './model';

const CLIENT_ADMINS_ONLY = 'Notifications are for client admins.';

/** SPEC I7: in-product notifications for client admins, beside the emails. */
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Writes a notification inside the caller's transaction, with the change it reports. */
  async notifyClientAdmin(
    em: EntityManager,
    n: { clientAdminId: string; clientId: string; kind: NotificationEntity['kind']; invitationId: string | null; title: string; body: string; at: Date },
  ): Promise<void> {
    await em.insert(NotificationEntity, {
      id: randomUUID(),
      recipientRealm: 'client',
      recipientId: n.clientAdminId,
      clientId: n.clientId,
      kind: n.kind,
      invitationId: n.invitationId,
      title: n.title.slice(0, 200),
      body: n.body,
      createdAt: n.at,
      readAt: null,
    });
  }

  /** The signed-in client admin's own notifications, newest first. */
  async mine(viewer: Identity, opts: { unreadOnly: boolean }): Promise<Notification[]> {
    const admin = requireClientAdmin(viewer, CLIENT_ADMINS_ONLY);
    const rows = await this.db.manager.find(NotificationEntity, {
      where: { recipientRealm: 'client', recipientId: admin.clientAdminId, ...(opts.unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    return this.withInvitations(rows, admin.clientId);
  }

  /** Marks one of the caller's notifications read (once: a second call keeps the first time). */
  async markRead(viewer: Identity, id: string): Promise<Notification> {
    const admin = requireClientAdmin(viewer, CLIENT_ADMINS_ONLY);
    const mine = { id, recipientRealm: 'client' as const, recipientId: admin.clientAdminId };
    const row = await this.db.manager.findOne(NotificationEntity, { where: mine });
    // Someone else's notification is answered exactly like one that does not exist.
    if (!row) throw notFound('This notification');
    if (!row.readAt) {
      // Through a transaction: the embedded store shares one connection with whatever else runs.
      await this.db.transaction((em) => em.update(NotificationEntity, { ...mine, readAt: IsNull() }, { readAt: this.clock.now() }));
    }
    const updated = await this.db.manager.findOneOrFail(NotificationEntity, { where: mine });
    const [notification] = await this.withInvitations([updated], admin.clientId);
    return notification;
  }

  /** Attaches each notification's invitation, when it belongs to the reader's company: one query. */
  private async withInvitations(rows: NotificationEntity[], clientId: string): Promise<Notification[]> {
    const ids = [...new Set(rows.map((r) => r.invitationId).filter((id): id is string => id !== null))];
    const invitations = ids.length
      ? await this.db.manager.find(InvitationEntity, { where: { id: In(ids), clientId } })
      : [];
    const now = this.clock.now();
    const byId = new Map(invitations.map((i) => [i.id, toInvitation(i, now)]));
    return rows.map((r) => toNotification(r, r.invitationId ? (byId.get(r.invitationId) ?? null) : null));
  }
}
