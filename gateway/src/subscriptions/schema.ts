import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GraphQLObjectType, extendSchema, parse, type GraphQLSchema } from 'graphql';
import type { SubscriberContext } from './server';
import type { SubscriptionField } from './feed';

/** The Subscription type and its event types (SPEC G2); read from src in dist too (the Dockerfile copies src/**\/*.graphql). */
export const SUBSCRIPTIONS_SDL_PATH = join(__dirname, '../../src/subscriptions/subscriptions.graphql');

/** Payload fields that are entities of the federated graph, and the query field that fetches one by id. */
const ENTITY_FIELDS: Record<string, { rootField: string; idOf: (event: Record<string, unknown>) => string }> = {
  client: { rootField: 'clientCompany', idOf: (event) => String(event.clientId) },
};

/**
 * The gateway's API schema plus the subscriptions: `extend schema { subscription: Subscription }`
 * makes Subscription the root type, so graphql-js validates subscription documents against it
 * (without the root, graphql 16 accepts invalid ones). Each Subscription field streams its
 * events from the feed; each entity field of an event resolves through the gateway.
 */
export function buildSubscriptionSchema(apiSchema: GraphQLSchema, sdl = readFileSync(SUBSCRIPTIONS_SDL_PATH, 'utf8')): GraphQLSchema {
  const schema = extendSchema(apiSchema, parse(sdl));
  const subscription = schema.getSubscriptionType();
  if (!subscription) throw new Error('The subscriptions SDL defines no Subscription root');
  for (const field of Object.values(subscription.getFields())) {
    field.subscribe = (_root, _args, context: SubscriberContext) => context.events(field.name as SubscriptionField);
    field.resolve = (payload) => payload;
    const eventType = schema.getType(field.type.toString().replace(/!$/, ''));
    if (!(eventType instanceof GraphQLObjectType)) continue;
    for (const [name, entity] of Object.entries(ENTITY_FIELDS)) {
      const payloadField = eventType.getFields()[name];
      if (!payloadField) continue;
      payloadField.resolve = (event: Record<string, unknown>, _args, context: SubscriberContext, info) =>
        context.resolveEntity(entity.rootField, entity.idOf(event), info);
    }
  }
  return schema;
}
