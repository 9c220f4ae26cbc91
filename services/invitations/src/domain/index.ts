import type { Clock, Database, Logger, Mailer } from '@advisor/kit';
import { ClientInvitesFirmService } from './client-invites-firm.service';

export interface InvitationsDomain {
  clientInvitesFirm: ClientInvitesFirmService;
}

export function createInvitationsDomain(deps: {
  db: Database;
  mailer: Mailer;
  clock: Clock;
  appUrl: string;
  logger: Logger;
}): InvitationsDomain {
  return {
    clientInvitesFirm: new ClientInvitesFirmService(deps.db, deps.mailer, deps.clock, deps.appUrl, deps.logger),
  };
}
