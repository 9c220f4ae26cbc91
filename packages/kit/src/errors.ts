import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ApolloServerPlugin } from '@apollo/server';
import { z } from 'zod';
import type { Logger } from './logger';

/**
 * Stable, client-facing error codes shared by every subgraph. Each domain adds its own codes
 * (a string enum in its `domain/errors.ts`); these are the cross-cutting ones.
 */
export enum CommonErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  UntrustedCaller = 'UNTRUSTED_CALLER',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** An expected outcome of a domain rule: reported to the caller with its code, never logged as a failure. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const forbidden = (message = 'You are not allowed to do this.') =>
  new DomainError(CommonErrorCode.Forbidden, message);
export const unauthenticated = (message = 'Sign in first.') =>
  new DomainError(CommonErrorCode.Unauthenticated, message);
export const notFound = (what: string) => new DomainError(CommonErrorCode.NotFound, `${what} was not found.`);

/** Validates input with zod; failures become one BAD_USER_INPUT error listing every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
  }));
  throw new DomainError(
    CommonErrorCode.BadUserInput,
    fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join('; '),
    { fields },
  );
}

/**
 * Maps what a resolver threw to what the caller sees: domain errors keep their code and message;
 * anything else is logged and reported as a generic internal error, so no stack, SQL or secret
 * leaks to the caller.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code, ...(original.details ?? {}) },
      };
    }
    if (original instanceof GraphQLError || formatted.extensions?.code !== CommonErrorCode.Internal) {
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error while resolving');
    return {
      message: 'Something went wrong on our side. It has been logged.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: CommonErrorCode.Internal },
    };
  };
}

/** Logs expected domain outcomes at debug level only, so 4xx-like results are not failures. */
export function domainErrorLoggingPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors(ctx) {
          for (const err of ctx.errors) {
            const original = unwrapResolverError(err);
            if (original instanceof DomainError) {
              logger.debug({ code: original.code, operation: ctx.operationName }, original.message);
            }
          }
        },
      };
    },
  };
}
