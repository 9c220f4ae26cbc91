import type { EntityManager } from 'typeorm';
import type { memberDeactivated, memberJoined, PayloadOf } from '@advisor/schema';
import { FirmMemberEntity } from '../db/entities/firm-member.entity';

/** Keeps this service's copy of each firm's roster (who may be assigned to clients). */
export class RosterService {
  /** Joins and deactivations travel on different topics: a join never reactivates a member. */
  async applyJoined(em: EntityManager, event: PayloadOf<typeof memberJoined>): Promise<void> {
    if (await em.exists(FirmMemberEntity, { where: { memberId: event.memberId } })) return;
    await em.insert(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId, active: true, joinedAt: new Date(event.joinedAt) });
  }

  /** A deactivation that arrives before the join still leaves the member inactive. */
  async applyDeactivated(em: EntityManager, event: PayloadOf<typeof memberDeactivated>): Promise<void> {
    const updated = await em.update(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId }, { active: false });
    if (!updated.affected) {
      await em.insert(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId, active: false, joinedAt: new Date(event.deactivatedAt) });
    }
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
}
