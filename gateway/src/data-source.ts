import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { Fetcher } from '@apollo/utils.fetcher';
import { deduplicateInflightQueries } from './fetcher';
import { ANONYMOUS, CLIENT_ADDRESS_HEADER, GATEWAY_SECRET_HEADER, IDENTITY_HEADER, encodeIdentity, type Identity } from '@advisor/kit';

export interface GatewayContext {
  identity: Identity;
  /** The caller's address (behind `trustProxy`, the one the proxy reports). */
  clientAddress?: string;
}

/**
 * One subgraph as the gateway calls it: the caller's identity with the subgraph's own secret
 * (SPEC G1), a deadline on every call (SPEC G7), and entity representations sent once each.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string,
    timeoutMs: number,
    client?: Fetcher,
  ) {
    super({ url, ...(client ? { fetcher: client } : {}) });
    // No subgraph call holds a request forever (SPEC G7); identical queries in flight go out once (issue 13).
    const fetcher = this.fetcher;
    this.fetcher = deduplicateInflightQueries((input, init) => fetcher(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as typeof init));
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.secret);
    const identity = 'identity' in context && context.identity ? context.identity : ANONYMOUS;
    request.http?.headers.set(IDENTITY_HEADER, encodeIdentity(identity));
    // Only ever the address the gateway saw itself; subgraphs trust it only with the secret above.
    const clientAddress = 'clientAddress' in context ? context.clientAddress : undefined;
    if (clientAddress) request.http?.headers.set(CLIENT_ADDRESS_HEADER, clientAddress);
    else request.http?.headers.delete(CLIENT_ADDRESS_HEADER);
  }

  /**
   * Apollo Gateway sends one representation per entity in the answer so far: the firm of each of
   * 1,000 clients is 1,000 copies of one `{ __typename: "Firm", id }` (issue 13). Send each distinct
   * representation once and give every original position its entity (a copy, since the gateway
   * merges into and rewrites each in place) and its errors.
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const representations = options.request.variables?.representations;
    if (!Array.isArray(representations) || representations.length < 2) return super.process(options);
    const slotOf = new Map<string, number>();
    const distinct: unknown[] = [];
    const slots = representations.map((r) => {
      const key = JSON.stringify(r);
      let slot = slotOf.get(key);
      if (slot === undefined) {
        slot = distinct.push(r) - 1;
        slotOf.set(key, slot);
      }
      return slot;
    });
    if (distinct.length === representations.length) return super.process(options);
    options.request.variables = { ...options.request.variables, representations: distinct };
    const response = await super.process(options);
    const entities: unknown = response.data?._entities;
    if (Array.isArray(entities) && entities.length === distinct.length) {
      const used = new Set<number>();
      response.data!._entities = slots.map((slot) => {
        const entity = entities[slot];
        if (!used.has(slot)) return used.add(slot), entity;
        return entity === null || typeof entity !== 'object' ? entity : structuredClone(entity);
      });
    }
    if (response.errors?.length) {
      response.errors = response.errors.flatMap((error) => {
        const path = error.path;
        if (!path || path[0] !== '_entities' || typeof path[1] !== 'number') return [error];
        const at = path[1];
        return slots.flatMap((slot, index) => (slot === at ? [{ ...error, path: ['_entities', index, ...path.slice(2)] }] : []));
      });
    }
    return response;
  }
}
