import { z } from 'zod';

/** SPEC C2: what a client company may grant its linked accountant firm. */
export const CLIENT_GRANTED_PERMISSIONS = [
  'VIEW_COMPANY',
  'MANAGE_EMPLOYEES',
  'VIEW_PAYROLL',
  'RUN_PAYROLL',
  'APPROVE_TIMECARDS',
  'VIEW_REPORTS',
  'VIEW_TAX_DOCUMENTS',
] as const;
export const clientGrantedPermissionSchema = z.enum(CLIENT_GRANTED_PERMISSIONS);
export type ClientGrantedPermission = z.infer<typeof clientGrantedPermissionSchema>;
