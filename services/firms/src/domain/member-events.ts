import type { EntityManager } from 'typeorm';
import { enqueueEvent, type Database } from '@advisor/kit';
import { memberJoined } from '@advisor/schema';
import { FIRMS_PRODUCER } from './session.service';
import type { MemberEntity } from '../db/entities/member.entity';

/** A new member of a firm (founder or invitee), announced in the transaction that created them. */
export function publishMemberJoined(db: Database, em: EntityManager, member: MemberEntity, at: Date) {
  return enqueueEvent(db, em, FIRMS_PRODUCER, memberJoined, {
    memberId: member.id,
    firmId: member.firmId,
    firstName: member.firstName,
    lastName: member.lastName,
    workEmail: member.workEmail,
    joinedAt: at.toISOString(),
  }, at);
}
