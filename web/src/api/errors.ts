import type { CombinedError } from 'urql';

/** What the form shows: messages next to the fields they concern, the rest beside the action. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

const capitalize = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** Words for the codes a person can act on, where the API's own message is too technical. */
const MESSAGE_BY_CODE: Record<string, string> = {
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
};

/**
 * Maps an API error to where it belongs, by `extensions.code` (SPEC G5):
 *  - `BAD_USER_INPUT` lists `extensions.fields` (`founder.workEmail`): each goes to the form field
 *    of that path's last segment (or `aliases[path]`);
 *  - a domain code listed in `fieldsByCode` (e.g. `FIRM_DOMAIN_NOT_ALLOWED` → `workEmail`) goes
 *    to that field, with the API's message (SPEC F2/F3 texts are the API's);
 *  - everything else is a general message shown beside the button that caused it.
 */
export function formErrors(
  error: CombinedError | undefined | null,
  fieldsByCode: Record<string, string> = {},
  aliases: Record<string, string> = {},
): FormErrors {
  if (!error) return NO_ERRORS;
  const out: FormErrors = { fields: {}, general: [] };
  const addGeneral = (m: string) => {
    if (!out.general.includes(m)) out.general.push(m);
  };
  for (const e of error.graphQLErrors) {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : undefined;
    const fields = e.extensions?.fields;
    if (code === 'BAD_USER_INPUT' && Array.isArray(fields) && fields.length > 0) {
      for (const f of fields as Array<{ field?: string; message?: string }>) {
        const path = f.field ?? '';
        const key = aliases[path] ?? path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? '';
        const message = capitalize(f.message ?? e.message);
        if (key && !out.fields[key]) out.fields[key] = message;
        else if (!key) addGeneral(e.message);
      }
      continue;
    }
    const field = code ? fieldsByCode[code] : undefined;
    if (field) {
      out.fields[field] = e.message;
      continue;
    }
    addGeneral((code && MESSAGE_BY_CODE[code]) || e.message || 'Something went wrong.');
  }
  if (error.networkError && error.graphQLErrors.length === 0) {
    addGeneral('The server could not be reached. Check your connection and try again.');
  }
  return out;
}

/** The first error code of a result, to branch on (e.g. INVITATION_EXPIRED). */
export function errorCode(error: CombinedError | undefined | null): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
