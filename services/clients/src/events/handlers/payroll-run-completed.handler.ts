import { handleEvent } from '@advisor/kit';
import { payrollRunCompleted } from '@advisor/schema';
import type { ClientsDomain } from '../../domain';

/** SPEC C5: the member who ran the latest payroll becomes the client's responsible member. */
export const payrollRunCompletedHandler = (domain: ClientsDomain) =>
  handleEvent(payrollRunCompleted, (em, payload) => domain.assignments.applyPayrollRun(em, payload));
