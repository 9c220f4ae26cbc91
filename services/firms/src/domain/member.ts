import type { MemberEntity } from '../db/entities/member.entity';
import type { FirmEntity } from '../db/entities/firm.entity';

import { FIRM_PERMISSIONS, type FirmPermission } from '@advisor/rules';

export { FIRM_PERMISSIONS, type FirmPermission };

/** SPEC F6, G3: ADMIN (every permission), MEMBER (what was granted), ANALYST (read-only, sees every client). */
export const FIRM_ROLES = ['ADMIN', 'MEMBER', 'ANALYST'] as const;
export type FirmRole = (typeof FIRM_ROLES)[number];

/** What the domain hands out: plain objects, never ORM entities, never credentials. */
export interface Member {
  id: string;
  firmId: string;
  firstName: string;
  lastName: string;
  workEmail: string;
  jobRole: string;
  firmRole: FirmRole;
  /** Effective permissions (SPEC F6: an ADMIN holds all). */
  permissions: FirmPermission[];
  active: boolean;
}

export interface Firm {
  id: string;
  name: string;
  website: string;
  domain: string;
  createdAt: Date;
  /** SPEC F9: every member must sign in with a second factor. */
  twoFactorRequired: boolean;
}

export function toMember(e: MemberEntity): Member {
  return {
    id: e.id,
    firmId: e.firmId,
    firstName: e.firstName,
    lastName: e.lastName,
    workEmail: e.workEmail,
    jobRole: e.jobRole,
    firmRole: e.firmRole,
    // SPEC G3: an ANALYST sees every client of the firm and holds nothing that changes anything.
    permissions: e.firmRole === 'ADMIN' ? [...FIRM_PERMISSIONS] : e.firmRole === 'ANALYST' ? ['VIEW_ALL_CLIENTS'] : (e.permissions as FirmPermission[]),
    active: e.active,
  };
}

export function toFirm(e: FirmEntity): Firm {
  return { id: e.id, name: e.name, website: e.website, domain: e.domain, createdAt: e.createdAt, twoFactorRequired: Boolean(e.twoFactorRequired) };
}
