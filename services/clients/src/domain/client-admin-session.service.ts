import { randomUUID } from 'node:crypto';
import {
  DomainError,
  verifyAgainstDummy,
  verifyPassword,
  type AccessTokenIssuer,
  type Clock,
  type Database,
} from '@advisor/kit';
import { ClientAdminEntity } from '../db/entities/client-admin.entity';
import { ClientErrorCode } from './errors';
import type { ClientAdmin, ClientAdminPermission } from './model';

export interface ClientAdminSession {
  accessToken: string;
  expiresAt: Date;
  clientAdmin: ClientAdmin;
}

export function toClientAdmin(e: ClientAdminEntity): ClientAdmin {
  return {
    id: e.id,
    clientId: e.clientId,
    firstName: e.firstName,
    lastName: e.lastName,
    email: e.email,
    permissions: e.permissions as ClientAdminPermission[],
  };
}

/** Client admins sign in to their company's own account: the second realm of people. */
export class ClientAdminSessionService {
  constructor(
    private readonly db: Database,
    private readonly issuer: AccessTokenIssuer,
    private readonly clock: Clock,
  ) {}

  async logIn(email: string, password: string): Promise<ClientAdminSession> {
    const admin = await this.db.manager.findOne(ClientAdminEntity, { where: { email: email.trim().toLowerCase() } });
    const ok = admin ? await verifyPassword(admin.passwordHash, password) : await verifyAgainstDummy(password);
    if (!admin || !ok) {
      throw new DomainError(ClientErrorCode.InvalidCredentials, 'The email or password is not correct.');
    }
    const clientAdmin = toClientAdmin(admin);
    const { token, expiresAt } = await this.issuer.issue(
      {
        realm: 'client',
        clientAdminId: clientAdmin.id,
        clientId: clientAdmin.clientId,
        email: clientAdmin.email,
        permissions: clientAdmin.permissions,
      },
      randomUUID(),
      this.clock.now(),
    );
    return { accessToken: token, expiresAt, clientAdmin };
  }
}
