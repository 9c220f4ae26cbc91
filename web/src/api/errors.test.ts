import { describe, expect, it } from 'vitest';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { formErrors, errorCode } from './errors';

const apiError = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('formErrors: each API error next to what caused it (SPEC G5)', () => {
  it('puts BAD_USER_INPUT fields on the form field of the path’s last segment', () => {
    const error = apiError('founder.workEmail: is not an email; firmName: is required', {
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'founder.workEmail', message: 'is not an email' },
        { field: 'firmName', message: 'is required' },
      ],
    });
    expect(formErrors(error)).toEqual({ fields: { workEmail: 'Is not an email', firmName: 'Is required' }, general: [] });
  });

  it('F2: the shared-domain refusal goes to the work email field with the API’s words', () => {
    const text = 'Your firm members must share the same email domain. This domain is not allowed.';
    const error = apiError(text, { code: 'FIRM_DOMAIN_NOT_ALLOWED' });
    expect(formErrors(error, { FIRM_DOMAIN_NOT_ALLOWED: 'workEmail' }).fields.workEmail).toBe(text);
  });

  it('keeps codes without a field as general messages, once each', () => {
    const error = new CombinedError({
      graphQLErrors: [
        new GraphQLError('You are not allowed to do this.', { extensions: { code: 'FORBIDDEN' } }),
        new GraphQLError('You are not allowed to do this.', { extensions: { code: 'FORBIDDEN' } }),
      ],
    });
    expect(formErrors(error)).toEqual({ fields: {}, general: ['You are not allowed to do this.'] });
    expect(errorCode(error)).toBe('FORBIDDEN');
  });

  it('never shows an internal error’s text, and says so when the server cannot be reached', () => {
    expect(formErrors(apiError('boom at db.ts:42', { code: 'INTERNAL_SERVER_ERROR' })).general).toEqual([
      'Something went wrong on our side. Try again in a moment.',
    ]);
    expect(formErrors(new CombinedError({ networkError: new Error('Failed to fetch') })).general[0]).toMatch(/could not be reached/);
  });

  it('maps a field path through an alias when forms name it differently', () => {
    const error = apiError('memberId: unknown', { code: 'BAD_USER_INPUT', fields: [{ field: 'memberId', message: 'unknown' }] });
    expect(formErrors(error, {}, { memberId: 'target' }).fields).toEqual({ target: 'Unknown' });
  });
});
