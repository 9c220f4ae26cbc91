import { z } from 'zod';
import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { CommonErrorCode, DomainError, parseInput } from './errors';

/**
 * Cursor pagination (https://relay.dev/graphql/connections.htm) by keyset: a page is the rows
 * after (or before) the cursor's sort key, so page 200 of a 10,000-client firm costs what page 1
 * does, and a row added meanwhile neither repeats nor skips one. The cursor is the sort key of a
 * row, opaque to callers (base64url JSON).
 */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageRequest {
  /** Forward (first/after) or backward (last/before). */
  backward: boolean;
  size: number;
  /** The sort key the page starts after (forward) or ends before (backward). */
  key: string[] | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

const pageArgs = z
  .object({
    first: z.number().int().min(1).max(MAX_PAGE_SIZE).nullish(),
    after: z.string().max(1_000).nullish(),
    last: z.number().int().min(1).max(MAX_PAGE_SIZE).nullish(),
    before: z.string().max(1_000).nullish(),
  })
  .refine((a) => !(a.first != null && a.last != null), { message: 'Give first or last, not both.' })
  .refine((a) => !(a.after != null && a.before != null), { message: 'Give after or before, not both.' });

export const encodeCursor = (key: readonly string[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

function decodeCursor(cursor: string, length: number): string[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === 'string')) return key as string[];
  } catch {
    // reported below
  }
  throw new DomainError(CommonErrorCode.BadUserInput, 'The cursor is not one this list gave out.', { fields: [{ field: 'cursor', message: 'unknown cursor' }] });
}

/** Checks page arguments (BAD_USER_INPUT: a size outside 1–100, both directions, a foreign cursor). */
export function pageRequest(raw: PageArgs, keyLength: number): PageRequest {
  const args = parseInput(pageArgs, raw);
  const backward = args.last != null || args.before != null;
  const cursor = backward ? args.before : args.after;
  return {
    backward,
    size: (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE,
    key: cursor ? decodeCursor(cursor, keyLength) : null,
  };
}

/**
 * Adds the keyset condition and order to a query over `columns` (ascending, the last one unique)
 * and asks for one row more than the page, which tells whether another page follows.
 */
export function applyKeyset<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, columns: readonly string[], page: PageRequest): SelectQueryBuilder<T> {
  if (page.key) {
    // (a, b) > (x, y)  ⇔  a > x OR (a = x AND b > y), spelled out for every database.
    const op = page.backward ? '<' : '>';
    const params: Record<string, string> = {};
    const clauses = columns.map((col, i) => {
      const equal = columns.slice(0, i).map((c, j) => `${c} = :keyset${j}`);
      params[`keyset${i}`] = page.key![i];
      return `(${[...equal, `${col} ${op} :keyset${i}`].join(' AND ')})`;
    });
    query.andWhere(`(${clauses.join(' OR ')})`, params);
  }
  columns.forEach((col, i) => (i === 0 ? query.orderBy(col, page.backward ? 'DESC' : 'ASC') : query.addOrderBy(col, page.backward ? 'DESC' : 'ASC')));
  return query.take(page.size + 1);
}

/** The page from the rows `applyKeyset` fetched (in the list's order), with its cursors. */
export function toConnection<T>(rows: T[], page: PageRequest, totalCount: number, keyOf: (row: T) => string[]): Connection<T> {
  const more = rows.length > page.size;
  const nodes = rows.slice(0, page.size);
  if (page.backward) nodes.reverse();
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.backward ? page.key !== null : more,
      hasPreviousPage: page.backward ? more : page.key !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
