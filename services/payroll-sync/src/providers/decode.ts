import { badResponse } from './http-json';

/**
 * Reads an outside system's JSON into our own types, field by field, so a changed or broken
 * answer fails here as BAD_RESPONSE rather than as undefined somewhere in the sync.
 * (zod would do; payroll-sync does not depend on it, and these few readers are enough.)
 */
export interface Fields {
  string(key: string): string;
  int(key: string): number;
  boolean(key: string): boolean;
  oneOf<T extends string>(key: string, values: readonly T[]): T;
  nullableString(key: string): string | null;
  nullableInt(key: string): number | null;
  object(key: string): Fields;
  nullableObject(key: string): Fields | null;
  list<T>(key: string, item: (f: Fields) => T): T[];
}

export function fields(provider: string, value: unknown, where: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badResponse(provider, `${where} is not an object.`);
  const o = value as Record<string, unknown>;
  const fail = (key: string, what: string): never => {
    throw badResponse(provider, `${where}.${key} is not ${what}.`);
  };
  const read: Fields = {
    string: (key: string): string => (typeof o[key] === 'string' ? (o[key] as string) : fail(key, 'a string')),
    int: (key: string): number => (Number.isSafeInteger(o[key]) ? (o[key] as number) : fail(key, 'an integer')),
    boolean: (key: string): boolean => (typeof o[key] === 'boolean' ? (o[key] as boolean) : fail(key, 'a boolean')),
    oneOf: <T extends string>(key: string, values: readonly T[]): T => (values.includes(o[key] as T) ? (o[key] as T) : fail(key, `one of ${values.join(', ')}`)),
    nullableString: (key: string): string | null => (o[key] === null ? null : read.string(key)),
    nullableInt: (key: string): number | null => (o[key] === null ? null : read.int(key)),
    object: (key: string): Fields => fields(provider, o[key], `${where}.${key}`),
    nullableObject: (key: string): Fields | null => (o[key] === null || o[key] === undefined ? null : fields(provider, o[key], `${where}.${key}`)),
    list: <T>(key: string, item: (f: Fields) => T): T[] => {
      const items = o[key];
      if (!Array.isArray(items)) return fail(key, 'a list');
      return items.map((v, i) => item(fields(provider, v, `${where}.${key}[${i}]`)));
    },
  };
  return read;
}
