import type { Resolvers } from '../__generated__/resolvers-types';
import { ClientCompany } from './client-company';
import { payrollMutation, payrollQuery } from './operations';
import { payrollTypes } from './payroll-types';

/** Typed by the SDL (`npm run codegen`); parents are the domain's objects (codegen.ts mappers). */
export const resolvers: Resolvers = {
  Query: payrollQuery,
  Mutation: payrollMutation,
  ClientCompany,
  ...payrollTypes,
};
