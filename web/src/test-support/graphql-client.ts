import { CombinedError, type Client } from 'urql';
import { concat, fromValue, never, pipe, take, toPromise } from 'wonka';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';

type Result = { data?: unknown; error?: CombinedError };
/** An operation's answer: fixed, or computed from its variables and how often it was asked (polling). */
export type Answer = Result | ((variables: Record<string, unknown>, call: number) => Result);

const operationName = (query: DocumentNode) => {
  const op = query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return op && 'name' in op ? op.name?.value : undefined;
};

/**
 * For component tests: a GraphQL client answering each operation by its name (an operation with
 * no answer stays loading), recording the mutations and queries sent.
 */
export function clientAnswering(answers: Record<string, Answer>) {
  const sent: Array<{ name?: string; variables: unknown }> = [];
  const queries: Array<{ name?: string; variables: unknown }> = [];
  const calls = new Map<string, number>();
  const answer = (op: { query: DocumentNode; variables: unknown }) => {
    const name = operationName(op.query);
    const given = name ? answers[name] : undefined;
    if (!given || !name) return never;
    const call = calls.get(name) ?? 0;
    calls.set(name, call + 1);
    const result = typeof given === 'function' ? given((op.variables ?? {}) as Record<string, unknown>, call) : given;
    // A query's source stays open after its result, as urql's own does (an ended source clears
    // the result's error in useQuery).
    return concat([fromValue({ ...result, operation: op, stale: false, hasNext: false }), never]);
  };
  const client = {
    executeQuery: (op: { query: DocumentNode; variables: unknown }) => {
      queries.push({ name: operationName(op.query), variables: op.variables });
      return answer(op);
    },
    executeMutation: (op: { query: DocumentNode; variables: unknown }) => {
      sent.push({ name: operationName(op.query), variables: op.variables });
      return answer(op);
    },
    /** `client.query(…).toPromise()`, for code that asks outside a hook. */
    query: (query: DocumentNode, variables: unknown = {}) => ({
      toPromise: () => {
        queries.push({ name: operationName(query), variables });
        return pipe(answer({ query, variables }), take(1), toPromise);
      },
    }),
  } as unknown as Client;
  return { client, sent, queries };
}

/** An API refusal with its extensions (code, fields …), as the gateway sends it. */
export const refusal = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
