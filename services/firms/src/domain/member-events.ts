import type { EntityManager } from 'typeorm';
import { enqueueEvent, type Database } from '@advisor/kit';
import { firmRenamed, memberJoined } from '@advisor/schema';
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

/** The firm's name (SPEC F1), announced in the transaction that set it: at sign-up and on each rename. */
export function publishFirmRenamed(db: Database, em: EntityManager, firm: { id: string; name: string }, at: Date) {
  return enqueueEvent(db, em, FIRMS_PRODUCER, firmRenamed, { firmId: firm.id, name: firm.name, renamedAt: at.toISOString() }, at);
}
