import { ApolloArmor } from '@escape.tech/graphql-armor';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  ValidationContext,
  specifiedRules,
  validate,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';


/**
 * SPEC G7: the limits every GraphQL document meets at the gateway, queries, mutations and
 * subscriptions alike. The defaults leave wide room over what the web app, the demo and the
 * tests send (at most depth 4, a few aliases, under 200 tokens, cost under 5,000: the audit screen's 200 entries;
 * `test/e2e/abuse-limits.e2e-spec.ts` checks every document in the repository at half of them).
 */
export interface QueryLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxDirectives: number;
  readonly maxTokens: number;
  readonly maxCost: number;
  readonly maxBodyBytes: number;
}

export const QUERY_LIMITS: QueryLimits = Object.freeze({
  /** Nesting of selections, fragments followed. */
  maxDepth: 12,
  /** Aliased fields in one document. */
  maxAliases: 20,
  /** Directives in one document. */
  maxDirectives: 20,
  /** Lexical tokens in the query text (bounds parsing work before anything else runs). */
  maxTokens: 2_000,
  /**
   * graphql-armor's cost: an object 2, a scalar 1, each level ×1.5, and a list field × its page
   * size (`first`/`last`, from the literal, the variable, or the argument's default).
   */
  maxCost: 20_000,
  /** Bytes of a request body. */
  maxBodyBytes: 256 * 1024,
});

/** The stable `extensions.code` of a refused document, with `extensions.limit` naming which one. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';
const LIMIT_NAMES = ['depth', 'aliases', 'directives', 'tokens', 'cost'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export const isLimitName = (value: unknown): value is LimitName => LIMIT_NAMES.includes(value as LimitName);

export function tooComplex(limit: LimitName, max: number): GraphQLError {
  const what: Record<LimitName, string> = {
    depth: `nests deeper than ${max} levels`,
    aliases: `has more than ${max} aliases`,
    directives: `has more than ${max} directives`,
    tokens: `is longer than ${max} tokens`,
    cost: `would cost more than ${max} to answer`,
  };
  return new GraphQLError(`This query ${what[limit]}. Ask for less in one request.`, {
    extensions: { code: QUERY_TOO_COMPLEX, limit, max, http: { status: 400 } },
  });
}

/** armor's callbacks, so each refusal carries our code and message instead of "Syntax Error: …". */
const reportAs = (limit: LimitName, max: number) => ({
  propagateOnRejection: false,
  onReject: [(ctx: ValidationContext | null) => ctx?.reportError(tooComplex(limit, max))],
});

/** Validation rules for depth, aliases and directives (graphql-armor). */
export function limitValidationRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: false },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: false, ...reportAs('depth', limits.maxDepth) },
    maxAliases: { n: limits.maxAliases, allowList: [], ...reportAs('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...reportAs('directives', limits.maxDirectives) },
  });
  return armor.protect().validationRules as ValidationRule[];
}

/** Throws QUERY_TOO_COMPLEX when the text has more tokens than allowed; cheap, runs before parsing. */
export function checkTokens(source: string, limits: QueryLimits = QUERY_LIMITS): void {
  if (withinTokenLimit.get(limits)?.has(source)) return;
  try {
    new MaxTokensParserWLexer(source, { n: limits.maxTokens }).parseDocument();
  } catch (err) {
    if (err instanceof GraphQLError && /Token limit/i.test(err.message)) throw tooComplex('tokens', limits.maxTokens);
    // Any other syntax error is left to the real parser, which reports it with its location.
    return;
  }
  // Issue 13: the same few query texts come again and again; a text that fit is not lexed again.
  let known = withinTokenLimit.get(limits);
  if (!known) withinTokenLimit.set(limits, (known = new Set()));
  if (known.size >= MAX_KNOWN_TEXTS) known.delete(known.values().next().value!);
  known.add(source);
}
/** Query texts known to fit each set of limits, oldest first. */
const withinTokenLimit = new WeakMap<QueryLimits, Set<string>>();
const MAX_KNOWN_TEXTS = 1_000;

const PAGE_SIZE_ARGS = new Set(['first', 'last']);

/**
 * Makes every page size explicit: `first: $n` becomes the variable's value, and a list field
 * whose `first` was left out gets the argument's default, so armor's cost counts each list by
 * the page it will really return.
 */
function withPageSizes(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): DocumentNode {
  const typeInfo = new TypeInfo(schema);
  return visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const def = typeInfo.getFieldDef();
        if (!def) return undefined;
        const pageArg = def.args.find((a) => PAGE_SIZE_ARGS.has(a.name));
        if (!pageArg) return undefined;
        const given = node.arguments?.find((a) => a.name.value === pageArg.name);
        let size: unknown = pageArg.defaultValue;
        if (given?.value.kind === Kind.INT) size = Number(given.value.value);
        else if (given?.value.kind === Kind.VARIABLE) size = variables[given.value.name.value] ?? pageArg.defaultValue;
        if (typeof size !== 'number' || !Number.isFinite(size)) return undefined;
        const arg: ArgumentNode = {
          kind: Kind.ARGUMENT,
          name: { kind: Kind.NAME, value: pageArg.name },
          value: { kind: Kind.INT, value: String(Math.max(1, Math.trunc(size))) },
        };
        const others = (node.arguments ?? []).filter((a) => a.name.value !== pageArg.name);
        return { ...node, arguments: [arg, ...others] };
      },
    }) as Parameters<typeof visit>[1],
  ) as DocumentNode;
}

/** Returns the cost refusal for a document with its variables, or undefined when it fits. */
export function costError(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  limits: QueryLimits = QUERY_LIMITS,
): GraphQLError | undefined {
  const rule = costLimitRule({ maxCost: limits.maxCost, ignoreIntrospection: true, ...reportAs('cost', limits.maxCost) });
  const [error] = validate(schema, withPageSizes(schema, document, variables), [rule]);
  return error;
}

/**
 * For documents that do not go through the gateway's Apollo Server (the subscription server):
 * every limit above, then GraphQL's own validation. Returns the errors to send back (empty: fine).
 */
export function checkDocumentLimits(
  schema: GraphQLSchema,
  source: string,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
  limits: QueryLimits = QUERY_LIMITS,
): readonly GraphQLError[] {
  try {
    checkTokens(source, limits);
  } catch (err) {
    return [err as GraphQLError];
  }
  const errors = validate(schema, document, [...specifiedRules, ...limitValidationRules(limits)]);
  if (errors.length > 0) return errors;
  const cost = costError(schema, document, variables, limits);
  return cost ? [cost] : [];
}

/**
 * The Apollo Server side of the cost limit, once the operation and its variables are known
 * (tokens are counted before Apollo sees the request, depth, aliases and directives run as
 * validation rules, see `limitValidationRules`).
 */
export function queryCostPlugin(limits: QueryLimits = QUERY_LIMITS): ApolloServerPlugin {
  // Issue 13: the verdict depends only on the document and its variables. Apollo hands the same
  // parsed document object to every request of the same query text (its document store), so the
  // verdict is remembered per document (released with it) and per variables, a few dozen each.
  const verdicts = new WeakMap<DocumentNode, Map<string, GraphQLError | undefined>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx: GraphQLRequestContextDidResolveOperation<any>) {
          const variables = ctx.request.variables ?? {};
          const key = JSON.stringify(variables);
          let known = verdicts.get(ctx.document);
          if (!known) verdicts.set(ctx.document, (known = new Map()));
          let error: GraphQLError | undefined;
          if (known.has(key)) error = known.get(key);
          else {
            error = costError(ctx.schema, ctx.document, variables, limits);
            if (known.size < MAX_VERDICTS_PER_DOCUMENT && key.length <= MAX_VERDICT_KEY_LENGTH) known.set(key, error);
          }
          if (error) throw error;
        },
      };
    },
  };
}
const MAX_VERDICTS_PER_DOCUMENT = 64;
const MAX_VERDICT_KEY_LENGTH = 2_048;

/** True when the document asks for the schema itself (`__schema` or `__type`; `__typename` is fine). */
export function asksForIntrospection(document: ASTNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}
