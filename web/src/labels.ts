/** Words people read for the API's enums (SPEC C2, F6, C1, I6, C8, C9). */
export const CLIENT_PERMISSIONS = [
  'VIEW_COMPANY',
  'MANAGE_EMPLOYEES',
  'VIEW_PAYROLL',
  'RUN_PAYROLL',
  'APPROVE_TIMECARDS',
  'VIEW_REPORTS',
  'VIEW_TAX_DOCUMENTS',
] as const;
export type ClientPermissionName = (typeof CLIENT_PERMISSIONS)[number];

export const CLIENT_PERMISSION_LABEL: Record<ClientPermissionName, string> = {
  VIEW_COMPANY: 'View company',
  MANAGE_EMPLOYEES: 'Manage employees',
  VIEW_PAYROLL: 'View payroll',
  RUN_PAYROLL: 'Run payroll',
  APPROVE_TIMECARDS: 'Approve timecards',
  VIEW_REPORTS: 'View reports',
  VIEW_TAX_DOCUMENTS: 'View tax documents',
};

export const FIRM_PERMISSIONS = ['MANAGE_FIRM', 'MANAGE_MEMBERS', 'MANAGE_CLIENTS', 'ASSIGN_CLIENTS', 'VIEW_ALL_CLIENTS'] as const;
export type FirmPermissionName = (typeof FIRM_PERMISSIONS)[number];

export const FIRM_PERMISSION_LABEL: Record<FirmPermissionName, string> = {
  MANAGE_FIRM: 'Manage firm info',
  MANAGE_MEMBERS: 'Manage members',
  MANAGE_CLIENTS: 'Manage clients',
  ASSIGN_CLIENTS: 'Assign clients',
  VIEW_ALL_CLIENTS: 'View all clients',
};

export const FIRM_ROLE_LABEL: Record<string, string> = { ADMIN: 'Admin', MEMBER: 'Member', ANALYST: 'Analyst' };
export const CLIENT_ROLE_LABEL: Record<string, string> = { RESPONSIBLE: 'Responsible', COLLABORATOR: 'Collaborator' };
export const PLATFORM_LABEL: Record<string, string> = { PAYROLL: 'Payroll', PEO: 'PEO' };
export const STATUS_LABEL: Record<string, string> = {
  ACTIVE: 'Active',
  ENROLLING: 'Enrolling',
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  REJECTED: 'Rejected',
  SUPERSEDED: 'Another firm was accepted',
  EXPIRED: 'Expired',
  VOIDED: 'Voided',
  SUBMITTED: 'Submitted',
  IN_REVIEW: 'In review',
  ENROLLED: 'Enrolled',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
  NOT_CONNECTED: 'Not connected',
  CONNECTED: 'Connected',
};
export const ONBOARDING_STEP_LABEL: Record<string, string> = {
  COMPANY_INFORMATION: 'Company information',
  BANK_ACCOUNT: 'Bank account',
  TAX_INFORMATION: 'Tax information',
  EMPLOYEES: 'Employees',
  PAY_SCHEDULE: 'Pay schedule',
};

/** Job roles offered at sign-up and in invitations (SPEC F1: from a list, or typed freely). */
export const JOB_ROLES = ['CPA', 'Bookkeeper', 'Controller', 'Fractional CFO', 'Tax advisor', 'Office manager', 'Partner'];

/** "ADMIN_REQUIRED" → "Admin required": a readable fallback for codes and actions without a label. */
export function humanize(code: string): string {
  const words = code.toLowerCase().replace(/[_.]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : words;
}

export function permissionList(perms: readonly string[], labels: Record<string, string> = CLIENT_PERMISSION_LABEL): string {
  return perms.length === 0 ? 'None' : perms.map((p) => labels[p] ?? humanize(p)).join(', ');
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateOnly.format(d);
}

/** The pay period a group's marks are for: this month as YYYY-MM (SPEC C10). */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** FEIN as the API expects it (NN-NNNNNNN), from what a person typed (nine digits with or without the dash). */
export function normalizeFein(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 9 ? `${digits.slice(0, 2)}-${digits.slice(2)}` : raw.trim();
}
