import { In } from 'typeorm';
import { z } from 'zod';
import { applyKeyset, pageRequest, parseInput, toConnection, unauthenticated, type Connection, type Database, type Identity, type PageArgs } from '@advisor/kit';
import type { ClientGrantedPermission } from '@advisor/schema';
import { ClientCompanyEntity } from '../db/entities/client-company.entity';
import { FirmLinkEntity } from '../db/entities/firm-link.entity';
import { AssignmentEntity } from '../db/entities/assignment.entity';
import { ClientAdminEntity } from '../db/entities/client-admin.entity';
import { toClientAdmin } from './client-admin-session.service';
import { ClientGroupEntity, ClientGroupMemberEntity } from '../db/entities/client-group.entity';
import { clientAccessOf, seesAllFirmClients } from '@advisor/rules';
import { effectivePermissions, toClientCompany, type Assignment, type ClientAdmin, type ClientCompany, type FirmLink } from './model';

type Viewer = Identity;

/**
 * Told the active links a listing read anyway (they are the viewer's firm's links of the listed
 * clients), so the request's link loader need not read them again (issue 13: links read once).
 */
export type SeenLinks = (links: FirmLink[]) => void;

export interface ClientFilter {
  platform?: 'PEO' | 'PAYROLL';
  status?: 'ENROLLING' | 'ACTIVE';
  groupId?: string;
  /** Issue 16: the pickers' search: part of the business name, or the start of the FEIN. */
  search?: string;
  /** Issue 16: only clients nobody at the firm is assigned to (the home dashboard's attention list). */
  unassigned?: boolean;
}

/** Issue 16: a picker's search, at most 100 characters; blank means no search. */
const searchFilter = z.string().trim().max(100, 'A search is at most 100 characters.');

/** `text` matched literally inside a LIKE pattern (MySQL's default escape is the backslash). */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);


/**
 * Who sees which client (SPEC C6), decided here for every path: root queries, federation
 * references (`__resolveReference`) and nested fields all come through these methods.
 * Each method costs a fixed number of statements, whatever the number of clients.
 */
export class ClientDirectoryService {
  constructor(private readonly db: Database) {}

  /**
   * SPEC C6: assigned clients, or every linked client with VIEW_ALL_CLIENTS; SPEC C7/C10:
   * filtered by platform, status (the Active and Enrolling tabs) and client group.
   */
  async clientsOfFirmMember(viewer: Viewer, filter: ClientFilter = {}, seen?: SeenLinks): Promise<ClientCompany[]> {
    if (viewer.realm === 'anonymous') throw unauthenticated();
    if (viewer.realm !== 'firm') return [];
    const query = this.visibleClientsQuery(viewer, filter).orderBy('c.business_name', 'ASC').addOrderBy('c.id', 'ASC');
    const clients = await query.getMany();
    return this.withViewerPermissions(clients, viewer, seen);
  }

  /**
   * Issue 13: one page of what `clientsOfFirmMember` lists (same rule, same filters, same order:
   * business name, then id), by keyset, with the total; three statements whatever the page or the
   * firm's size, plus the viewer's permissions on the page's clients.
   */
  async pageOfFirmMember(viewer: Viewer, filter: ClientFilter, args: PageArgs, seen?: SeenLinks): Promise<Connection<ClientCompany>> {
    if (viewer.realm === 'anonymous') throw unauthenticated();
    const page = pageRequest(args, 2);
    const search = filter.search === undefined ? undefined : parseInput(z.object({ search: searchFilter }), { search: filter.search }).search;
    filter = { ...filter, search: search || undefined };
    if (viewer.realm !== 'firm') return toConnection([], page, 0, () => []);
    const [rows, totalCount] = await Promise.all([
      applyKeyset(this.visibleClientsQuery(viewer, filter), ['c.business_name', 'c.id'], page).getMany(),
      this.visibleClientsQuery(viewer, filter).getCount(),
    ]);
    const connection = toConnection(rows, page, totalCount, (c) => [c.businessName, c.id]);
    const withPermissions = await this.withViewerPermissions(connection.edges.map((e) => e.node), viewer, seen);
    return { ...connection, edges: connection.edges.map((e, i) => ({ cursor: e.cursor, node: withPermissions[i] })) };
  }

  /** SPEC C7: the home dashboard counts active linked clients only (of those the viewer sees). */
  async activeClientCount(viewer: Viewer, groupId?: string): Promise<number> {
    if (viewer.realm === 'anonymous') throw unauthenticated();
    if (viewer.realm !== 'firm') return 0;
    return this.visibleClientsQuery(viewer, { status: 'ACTIVE', groupId }).getCount();
  }

  private visibleClientsQuery(viewer: Extract<Viewer, { realm: 'firm' }>, filter: ClientFilter) {
    const query = this.db.manager
      .createQueryBuilder(ClientCompanyEntity, 'c')
      .innerJoin(FirmLinkEntity, 'l', 'l.active_client_id = c.id AND l.firm_id = :firmId', { firmId: viewer.firmId });
    if (!seesAllFirmClients(viewer)) {
      query.innerJoin(AssignmentEntity, 'a', 'a.client_id = c.id AND a.member_id = :memberId', {
        memberId: viewer.memberId,
      });
    }
    if (filter.platform) query.andWhere('c.platform = :platform', { platform: filter.platform });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.search) {
      query.andWhere('(c.business_name LIKE :nameLike OR c.fein LIKE :feinLike)', { nameLike: `%${likeLiteral(filter.search)}%`, feinLike: `${likeLiteral(filter.search)}%` });
    }
    if (filter.unassigned) {
      query.andWhere(`NOT EXISTS (SELECT 1 FROM assignments ua WHERE ua.client_id = c.id AND ua.firm_id = :firmId)`);
    }
    if (filter.groupId) {
      // Groups are the firm's own: another firm's group id matches nothing.
      query
        .innerJoin(ClientGroupMemberEntity, 'gm', 'gm.client_id = c.id AND gm.group_id = :groupId', { groupId: filter.groupId })
        .innerJoin(ClientGroupEntity, 'g', 'g.id = gm.group_id AND g.firm_id = :firmId');
    }
    return query;
  }

  /** For federation references: each id resolves only if the viewer may see that client. */
  async clientsByIds(ids: readonly string[], viewer: Viewer): Promise<Array<ClientCompany | null>> {
    if (ids.length === 0 || viewer.realm === 'anonymous') return ids.map(() => null);
    let visible: ClientCompanyEntity[];
    if (viewer.realm === 'client') {
      visible = ids.includes(viewer.clientId)
        ? await this.db.manager.find(ClientCompanyEntity, { where: { id: viewer.clientId } })
        : [];
    } else if (viewer.realm === 'firm') {
      const query = this.db.manager
        .createQueryBuilder(ClientCompanyEntity, 'c')
        .innerJoin(FirmLinkEntity, 'l', 'l.active_client_id = c.id AND l.firm_id = :firmId', { firmId: viewer.firmId })
        .where('c.id IN (:...ids)', { ids: [...ids] });
      if (!seesAllFirmClients(viewer)) {
        query.innerJoin(AssignmentEntity, 'a', 'a.client_id = c.id AND a.member_id = :memberId', {
          memberId: viewer.memberId,
        });
      }
      visible = await query.getMany();
    } else {
      return ids.map(() => null); // the platform account reads no firm's view of a client
    }
    const mapped = new Map((await this.withViewerPermissions(visible, viewer)).map((c) => [c.id, c]));
    return ids.map((id) => mapped.get(id) ?? null);
  }

  /** The companies of client admins the viewer was already allowed to see (e.g. their own session). */
  async companiesOfVisibleAdmins(clientIds: readonly string[]): Promise<Array<ClientCompany | null>> {
    const rows = clientIds.length ? await this.db.manager.find(ClientCompanyEntity, { where: { id: In([...clientIds]) } }) : [];
    const byId = new Map(rows.map((c) => [c.id, c]));
    return clientIds.map((id) => {
      const c = byId.get(id);
      return c ? toClientCompany(c, []) : null;
    });
  }

  /**
   * SPEC C1: a company's client admins and their permissions, shown to that company's own admins
   * only (nobody at the firm needs the client's staff list).
   */
  async adminsOfClients(clientIds: readonly string[], viewer: Viewer): Promise<ClientAdmin[][]> {
    if (viewer.realm !== 'client') return clientIds.map(() => []);
    const mine = clientIds.filter((id) => id === viewer.clientId);
    const rows = mine.length ? await this.db.manager.find(ClientAdminEntity, { where: { clientId: In(mine) }, order: { lastName: 'ASC', firstName: 'ASC' } }) : [];
    return clientIds.map((id) => rows.filter((r) => r.clientId === id).map(toClientAdmin));
  }

  /** The active links of already-visible clients, in key order. */
  async linksByClientIds(clientIds: readonly string[]): Promise<Array<FirmLink | null>> {
    const rows = clientIds.length
      ? await this.db.manager.find(FirmLinkEntity, { where: { activeClientId: In([...clientIds]) } })
      : [];
    const byClient = new Map(rows.map((r) => [r.clientId, toLink(r)]));
    return clientIds.map((id) => byClient.get(id) ?? null);
  }

  /**
   * The assignments of already-visible clients, in key order. A firm member sees their own
   * firm's assignments; a client admin sees those of the firm linked to their company.
   */
  async assignmentsByClientIds(clientIds: readonly string[], viewer: Viewer, linksOf: (ids: readonly string[]) => Promise<Array<FirmLink | null>> = (ids) => this.linksByClientIds(ids)): Promise<Assignment[][]> {
    if (clientIds.length === 0 || viewer.realm === 'anonymous') return clientIds.map(() => []);
    const [links, rows] = await Promise.all([
      linksOf(clientIds).then((found) => found.filter((l): l is FirmLink => l !== null)),
      this.db.manager.find(AssignmentEntity, {
        where: { clientId: In([...clientIds]), ...(viewer.realm === 'firm' ? { firmId: viewer.firmId } : {}) },
        order: { assignedAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const linkByClient = new Map(links.map((l) => [l.clientId, l]));
    const grouped = new Map<string, Assignment[]>();
    for (const row of rows) {
      const link = linkByClient.get(row.clientId);
      if (!link || link.firmId !== row.firmId) continue; // only the current link's people count
      const list = grouped.get(row.clientId) ?? [];
      list.push(toAssignment(row, link.permissions));
      grouped.set(row.clientId, list);
    }
    return clientIds.map((id) => grouped.get(id) ?? []);
  }

  private async withViewerPermissions(clients: ClientCompanyEntity[], viewer: Viewer, seen?: SeenLinks): Promise<ClientCompany[]> {
    if (clients.length === 0) return [];
    let permissionsOf: (clientId: string) => ClientGrantedPermission[] = () => [];
    if (viewer.realm === 'firm') {
      const ids = clients.map((c) => c.id);
      const [links, mine] = await Promise.all([
        this.db.manager.find(FirmLinkEntity, { where: { activeClientId: In(ids), firmId: viewer.firmId } }),
        this.db.manager.find(AssignmentEntity, { where: { clientId: In(ids), memberId: viewer.memberId } }),
      ]);
      seen?.(links.map(toLink));
      const linkByClient = new Map(links.map((l) => [l.clientId, l]));
      const mineByClient = new Map(mine.map((a) => [a.clientId, a]));
      // SPEC C3, C6 (and G3: an analyst's are the link's read-only ones), the shared rule.
      permissionsOf = (id) => clientAccessOf(viewer, linkByClient.get(id), mineByClient.get(id)).permissions;
    }
    return clients.map((c) => toClientCompany(c, permissionsOf(c.id)));
  }
}

export function toLink(r: FirmLinkEntity): FirmLink {
  return {
    id: r.id,
    clientId: r.clientId,
    firmId: r.firmId,
    permissions: r.permissions as ClientGrantedPermission[],
    linkedAt: r.linkedAt,
  };
}

export function toAssignment(r: AssignmentEntity, linkPermissions: readonly string[]): Assignment {
  return {
    clientId: r.clientId,
    memberId: r.memberId,
    role: r.role,
    permissions: r.permissions as ClientGrantedPermission[],
    effectivePermissions: effectivePermissions(r.permissions, linkPermissions),
    assignedAt: r.assignedAt,
    endsAt: r.endsAt ?? null,
  };
}
