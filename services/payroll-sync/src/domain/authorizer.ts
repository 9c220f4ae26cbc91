import type { EntityManager } from 'typeorm';
import { forbidden, notFound, unauthenticated, type Database, type Identity } from '@advisor/kit';
import { clientAccessFromCopy, visibleClientIdsFromCopy, type ClientAccess } from '@advisor/rules';
import { mayActOnPayroll, permissionNeededFor, type PayrollAction } from './payroll-access';

/** `firm:<memberId>` or `client:<clientAdminId>`: who did something, as stored beside it. */
export type ActorRef = string;
export function actorRef(identity: Identity): ActorRef {
  if (identity.realm === 'firm') return `firm:${identity.memberId}`;
  if (identity.realm === 'client') return `client:${identity.clientAdminId}`;
  throw unauthenticated();
}
export function parseActorRef(ref: string | null): { realm: 'firm' | 'client'; id: string } | null {
  if (!ref) return null;
  const [realm, id] = ref.split(':');
  return realm === 'firm' || realm === 'client' ? { realm, id } : null;
}

/**
 * Applies SPEC P "who may act" (mayActOnPayroll) with the caller's access from the shared copy of
 * links and assignments (SPEC C3, C6). Every domain read and write of payroll-sync asks here.
 */
export class PayrollAuthorizer {
  constructor(private readonly db: Database) {}

  /** Firm members' access per client from the copy (two statements); nothing for other realms. */
  async accessOf(identity: Identity, clientIds: readonly string[], em: EntityManager = this.db.manager): Promise<Map<string, ClientAccess>> {
    if (identity.realm !== 'firm' || clientIds.length === 0) return new Map();
    return clientAccessFromCopy(em, identity, clientIds);
  }

  /** The clients among `clientIds` on which the caller may do `action`. */
  async allowed(identity: Identity, clientIds: readonly string[], action: PayrollAction): Promise<Set<string>> {
    const access = await this.accessOf(identity, clientIds);
    return new Set(clientIds.filter((id) => mayActOnPayroll(identity, id, action, access.get(id))));
  }

  /**
   * Refuses unless the caller may do `action` on the client: UNAUTHENTICATED when nobody signed
   * in, NOT_FOUND for a client the caller cannot see at all (no tenant learns another's ids),
   * FORBIDDEN naming the permission that is missing.
   */
  async require(identity: Identity, clientId: string, action: PayrollAction, em?: EntityManager): Promise<void> {
    if (identity.realm === 'anonymous') throw unauthenticated();
    const access = (await this.accessOf(identity, [clientId], em)).get(clientId);
    if (mayActOnPayroll(identity, clientId, action, access)) return;
    const sees = identity.realm === 'client' ? identity.clientId === clientId : !!access?.visible;
    if (!sees) throw notFound('The client');
    throw forbidden(`You need the ${permissionNeededFor(identity, action)} permission on this client to do this.`);
  }

  /**
   * All-or-nothing over several clients (SPEC P6 fetches, G5): the first client the caller may not
   * do `action` on refuses the whole request, NOT_FOUND before FORBIDDEN (two statements).
   */
  async requireAll(identity: Identity, clientIds: readonly string[], action: PayrollAction, em?: EntityManager): Promise<void> {
    if (identity.realm === 'anonymous') throw unauthenticated();
    const access = await this.accessOf(identity, clientIds, em);
    const sees = (id: string) => (identity.realm === 'client' ? identity.clientId === id : !!access.get(id)?.visible);
    if (clientIds.some((id) => !sees(id))) throw notFound('A client');
    if (clientIds.some((id) => !mayActOnPayroll(identity, id, action, access.get(id)))) {
      throw forbidden(`You need the ${permissionNeededFor(identity, action)} permission on every client to do this.`);
    }
  }

  /** Every client the caller may do `action` on: SPEC C6 for firm members (three statements), their own company for client admins. */
  async clientsFor(identity: Identity, action: PayrollAction): Promise<string[]> {
    if (identity.realm === 'anonymous') throw unauthenticated();
    if (identity.realm === 'client') return mayActOnPayroll(identity, identity.clientId, action, undefined) ? [identity.clientId] : [];
    if (identity.realm !== 'firm') return [];
    const visible = await visibleClientIdsFromCopy(this.db.manager, identity);
    return [...(await this.allowed(identity, visible, action))];
  }
}
