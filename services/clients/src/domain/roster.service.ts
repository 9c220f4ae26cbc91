import { In, type EntityManager } from 'typeorm';
import type { Database } from '@advisor/kit';
import type { firmRenamed, memberDeactivated, memberJoined, PayloadOf } from '@advisor/schema';
import { FirmMemberEntity, FirmNameEntity } from '../db/entities/firm-member.entity';

/** A member as this service's roster copy knows them (issue 13: names shown without asking firms). */
export interface RosterMember {
  memberId: string;
  firmId: string;
  firstName: string;
  lastName: string;
}

/**
 * Keeps this service's copy of each firm's roster (who may be assigned to clients) and of the
 * names firms announced (members' from `member.joined`, firms' from `firm.renamed`).
 */
export class RosterService {
  constructor(private readonly db: Database) {}

  /**
   * Joins and deactivations travel on different topics: a join never reactivates a member. A join
   * heard after the deactivation (or announced again) still brings the member's name.
   */
  async applyJoined(em: EntityManager, event: PayloadOf<typeof memberJoined>): Promise<void> {
    const names = { firstName: event.firstName, lastName: event.lastName };
    if (await em.exists(FirmMemberEntity, { where: { memberId: event.memberId } })) {
      await em.update(FirmMemberEntity, { memberId: event.memberId }, names);
      return;
    }
    await em.insert(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId, active: true, joinedAt: new Date(event.joinedAt), ...names });
  }

  /** A deactivation that arrives before the join still leaves the member inactive. */
  async applyDeactivated(em: EntityManager, event: PayloadOf<typeof memberDeactivated>): Promise<void> {
    const updated = await em.update(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId }, { active: false });
    if (!updated.affected) {
      await em.insert(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId, active: false, joinedAt: new Date(event.deactivatedAt), firstName: null, lastName: null });
    }
  }

  /** The latest name wins, whatever order renames arrive in (an older one changes nothing). */
  async applyFirmRenamed(em: EntityManager, event: PayloadOf<typeof firmRenamed>): Promise<void> {
    const renamedAt = new Date(event.renamedAt);
    const current = await em.findOne(FirmNameEntity, { where: { firmId: event.firmId } });
    if (!current) await em.insert(FirmNameEntity, { firmId: event.firmId, name: event.name, renamedAt });
    else if (current.renamedAt.getTime() <= renamedAt.getTime()) await em.update(FirmNameEntity, { firmId: event.firmId }, { name: event.name, renamedAt });
  }

  /**
   * May this member be assigned? A deactivated member never; a member this service has not heard
   * of yet (their `member.joined` is still on its way) yes, when the caller vouches for them, as an
   * acceptance event does: the member was signed in when they accepted.
   */
  async mayAssign(em: EntityManager, firmId: string, memberId: string): Promise<boolean> {
    const row = await em.findOne(FirmMemberEntity, { where: { memberId } });
    return row ? row.active && row.firmId === firmId : true;
  }

  /** The named members among `ids`, in key order (null: not heard of, or no name yet). One statement. */
  async membersByIds(ids: readonly string[]): Promise<Array<RosterMember | null>> {
    const rows = ids.length ? await this.db.manager.find(FirmMemberEntity, { where: { memberId: In([...ids]) } }) : [];
    const byId = new Map(rows.map((r) => [r.memberId, r]));
    return ids.map((id) => {
      const r = byId.get(id);
      return r && r.firstName !== null && r.lastName !== null ? { memberId: r.memberId, firmId: r.firmId, firstName: r.firstName, lastName: r.lastName } : null;
    });
  }

  /** The firms' names, in key order (null: not announced yet). One statement. */
  async firmNamesByIds(ids: readonly string[]): Promise<Array<string | null>> {
    const rows = ids.length ? await this.db.manager.find(FirmNameEntity, { where: { firmId: In([...ids]) } }) : [];
    const byId = new Map(rows.map((r) => [r.firmId, r.name]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

/** A member as this service hands one to the gateway: a reference, with the name where it provides it (issue 13). */
export interface MemberReference {
  __typename?: 'Member';
  id: string;
  firstName?: string;
  lastName?: string;
}

/** A firm as this service hands one to the gateway: a reference, with the name where it provides it. */
export interface FirmReference {
  __typename?: 'Firm';
  id: string;
  name?: string;
}
