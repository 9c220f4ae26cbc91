import type { Clock, Database, Logger, Mailer } from '@advisor/kit';
import { ClientInvitesFirmService } from './client-invites-firm.service';
import { ClientReplicaService } from './client-replica.service';
import { FirmRequestsAccessService } from './firm-requests-access.service';
import { InvitationAuditService } from './invitation-audit.service';
import { NotificationsService } from './notifications.service';

export interface InvitationsDomain {
  /** SPEC I1, I2, I5, I6: a client admin invites an accountant firm. */
  clientInvitesFirm: ClientInvitesFirmService;
  /** SPEC I2, I3, I4, I6, C7: a firm asks a client for access. */
  firmRequestsAccess: FirmRequestsAccessService;
  /** SPEC I7. */
  notifications: NotificationsService;
  /** SPEC G4. */
  audit: InvitationAuditService;
  /** Copies of the clients service's directory and links, fed by its events. */
  replicas: ClientReplicaService;
}

export function createInvitationsDomain(deps: {
  db: Database;
  mailer: Mailer;
  clock: Clock;
  appUrl: string;
  logger: Logger;
}): InvitationsDomain {
  const replicas = new ClientReplicaService(deps.db);
  const notifications = new NotificationsService(deps.db, deps.clock);
  return {
    clientInvitesFirm: new ClientInvitesFirmService(deps.db, replicas, deps.mailer, deps.clock, deps.appUrl, deps.logger),
    firmRequestsAccess: new FirmRequestsAccessService(
      deps.db,
      replicas,
      notifications,
      deps.mailer,
      deps.clock,
      deps.appUrl,
      deps.logger,
    ),
    notifications,
    audit: new InvitationAuditService(deps.db),
    replicas,
  };
}
