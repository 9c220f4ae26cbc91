import type { EntityManager } from 'typeorm';
import type { memberDeactivated, memberJoined, PayloadOf } from '@advisor/schema';
import { FirmMemberEntity } from '../db/entities/firm-member.entity';

/** Keeps this service's copy of each firm's roster (who may be assigned to clients). */
export class RosterService {
  async applyJoined(em: EntityManager, event: PayloadOf<typeof memberJoined>): Promise<void> {
    if (await em.exists(FirmMemberEntity, { where: { memberId: event.memberId } })) return;
    await em.insert(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId, active: true, joinedAt: new Date(event.joinedAt) });
  }

  async applyDeactivated(em: EntityManager, event: PayloadOf<typeof memberDeactivated>): Promise<void> {
    await em.update(FirmMemberEntity, { memberId: event.memberId, firmId: event.firmId }, { active: false });
  }
}
