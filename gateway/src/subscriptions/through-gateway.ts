import {
  GraphQLError,
  Kind,
  defaultFieldResolver,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { ApolloServer } from '@apollo/server';
import type { GatewayContext } from '../gateway';

/** Objects that came back from the federated graph: keyed by response name (aliases), not field name. */
const fetched = new WeakSet<object>();

function markFetched(value: unknown): void {
  if (Array.isArray(value)) value.forEach(markFetched);
  else if (value && typeof value === 'object') {
    fetched.add(value);
    Object.values(value).forEach(markFetched);
  }
}

/**
 * The field resolver of subscription payloads: an object fetched through the gateway answers by
 * response name (the subscriber's aliases are already applied), an event by field name.
 */
export const payloadFieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (source && typeof source === 'object' && fetched.has(source)) return (source as Record<string, unknown>)[info.path.key as string];
  return defaultFieldResolver(source, args, context, info);
};

const ENTITY_ID_VARIABLE = 'subscriptionEntityId';

/**
 * The subscriber's selection below one payload field, as a query over the federated graph:
 * `query($subscriptionEntityId: ID!) { entity: <rootField>(id: $subscriptionEntityId) { …selection } }`,
 * with the fragments and variables the selection uses. `__typename` is asked everywhere, so
 * abstract types resolve.
 */
export function entityQuery(rootField: string, info: GraphQLResolveInfo): DocumentNode {
  const selectionSet: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []),
  };
  const fragments = new Map<string, FragmentDefinitionNode>();
  const variables = new Set<string>();
  const collect = (node: SelectionSetNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        const fragment = info.fragments[name];
        if (fragment && !fragments.has(name)) {
          fragments.set(name, fragment);
          collect(fragment);
        }
      },
      Variable(variable) {
        variables.add(variable.name.value);
      },
    });
  collect(selectionSet);
  const withTypename = <T extends SelectionSetNode | FragmentDefinitionNode>(node: T): T =>
    visit(node, {
      SelectionSet(set) {
        if (set.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)) return undefined;
        const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
        return { ...set, selections: [...set.selections, typename] };
      },
    });
  const variableDefinitions: VariableDefinitionNode[] = [
    {
      kind: Kind.VARIABLE_DEFINITION,
      variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
      type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
    },
    ...(info.operation.variableDefinitions ?? []).filter((d) => variables.has(d.variable.name.value)),
  ];
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: 'query' as never,
        name: { kind: Kind.NAME, value: 'SubscriptionPayload' },
        variableDefinitions,
        selectionSet: {
          kind: Kind.SELECTION_SET,
          selections: [
            {
              kind: Kind.FIELD,
              alias: { kind: Kind.NAME, value: 'entity' },
              name: { kind: Kind.NAME, value: rootField },
              arguments: [
                {
                  kind: Kind.ARGUMENT,
                  name: { kind: Kind.NAME, value: 'id' },
                  value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
                },
              ],
              selectionSet: withTypename(selectionSet),
            },
          ],
        },
      },
      ...[...fragments.values()].map(withTypename),
    ],
  };
}

/** Runs a query through the gateway's executor (Apollo Server over Apollo Gateway) as the subscriber. */
export async function queryThroughGateway(
  apollo: ApolloServer<GatewayContext>,
  context: GatewayContext,
  document: DocumentNode,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown> | null | undefined> {
  const response = await apollo.executeOperation({ query: print(document), variables }, { contextValue: context });
  if (response.body.kind !== 'single') throw new GraphQLError('Incremental delivery is not supported in subscriptions.');
  const { data, errors } = response.body.singleResult;
  if (errors?.length) {
    const [first] = errors;
    throw new GraphQLError(first.message, { extensions: first.extensions });
  }
  return data as Record<string, unknown> | null | undefined;
}

/**
 * Resolves one payload field (e.g. an event's `client`) through the federated graph: the
 * subscriber's selection below it, by `rootField(id:)`, with the subscriber's identity, so every
 * subgraph's fields are there and every subgraph authorizes as for any query.
 */
export async function resolveEntity(
  apollo: ApolloServer<GatewayContext>,
  context: GatewayContext,
  rootField: string,
  id: string,
  info: GraphQLResolveInfo,
): Promise<unknown> {
  const variables = { ...info.variableValues, [ENTITY_ID_VARIABLE]: id };
  const document = entityQuery(rootField, info);
  // Subscribers holding the same token and selection (a service's several connections) share
  // one query per event while it is in flight; nothing is kept once it has answered.
  const key = JSON.stringify([context.identity, print(document), variables]);
  let pending = inFlight.get(key);
  if (!pending) {
    pending = queryThroughGateway(apollo, context, document, variables).then((data) => {
      const entity = data?.entity ?? null;
      markFetched(entity);
      return entity;
    });
    inFlight.set(key, pending);
    void pending.finally(() => inFlight.delete(key)).catch(() => undefined);
  }
  return pending;
}

const inFlight = new Map<string, Promise<unknown>>();
