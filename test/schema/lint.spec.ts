import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, printSchema } from 'graphql';
import { buildSubscriptionSchema } from '../../gateway/src/subscriptions/schema';
import { composeServices } from '@apollo/composition';
import { SUBGRAPHS, REPO_ROOT } from '../../gateway/src/compose';
import { schemaTools as tools } from './tools';

/**
 * Issue 14: the schema lint (@graphql-eslint's schema rules; the rules and why they were chosen
 * are beside the config in scripts/schema.cjs) over every subgraph's SDL and the public API schema.
 * Fix a finding where it is reported; `node scripts/schema.cjs lint` prints the same list.
 */
describe('schema lint', () => {
  it.each(tools.subgraphSdlFiles().map((s) => [s.name, s.path] as const))(
    '%s: src/schema.graphql passes the schema lint (descriptions, naming, deprecation reasons)',
    (_name, path) => {
      const findings = tools.formatFindings(relative(tools.ROOT, path), tools.lintSdl(readFileSync(path, 'utf8'), { name: path, subgraph: true }));
      expect(findings).toEqual([]);
    },
  );

  it('the public API schema composed in schema/supergraph.graphql passes the schema lint', () => {
    const findings = tools.formatFindings('API schema', tools.lintSdl(tools.currentApiSdl(), { name: 'api-schema' }));
    expect(findings).toEqual([]);
  });

  it('G2: the API schema with the gateway\'s subscriptions passes the schema lint', () => {
    const schema = buildSubscriptionSchema(tools.apiSchemaOf(readFileSync(tools.SUPERGRAPH_PATH, 'utf8')));
    const findings = tools.formatFindings('API schema with subscriptions', tools.lintSdl(printSchema(schema), { name: 'api-schema' }));
    expect(findings).toEqual([]);
  });

  it('a type shared by several subgraphs has one description: composition reports no inconsistent descriptions', () => {
    const result = composeServices(
      SUBGRAPHS.map((s) => ({
        name: s.name,
        url: `http://127.0.0.1:${s.defaultPort}/graphql`,
        typeDefs: parse(readFileSync(join(REPO_ROOT, s.dir, 'src/schema.graphql'), 'utf8')),
      })),
    );
    expect(result.errors).toBeUndefined();
    const inconsistent = (result.hints ?? []).filter((h) => h.definition.code === 'INCONSISTENT_DESCRIPTION').map((h) => h.toString());
    expect(inconsistent).toEqual([]);
  });

  it('fails a deliberately broken SDL: missing descriptions, a lower-case enum value, an input without `Input`, a half connection', () => {
    const broken = `
      "The root."
      type Query {
        "Clients, paginated."
        clients(first: Int): ClientConnection!
        getClient(id: ID!): Client
      }
      type Client {
        "Its id."
        id: ID!
      }
      "A colour."
      enum Colour {
        "Red."
        red
        "Green."
        GREEN
      }
      "What a new client needs."
      input NewClient {
        "Its name."
        name: String!
      }
      "A page of clients."
      type ClientConnection {
        "The clients."
        items: [Client!]!
      }
      "Changes."
      type Mutation {
        "Adds a client."
        addClient("What to add." input: NewClient!): Client @deprecated
      }
    `;
    const findings = tools.lintSdl(broken).map((m) => `${m.ruleId}: ${m.message}`);
    expect(findings).toEqual(
      expect.arrayContaining([
        '@graphql-eslint/require-description: Description is required for field "getClient" in type "Query"',
        '@graphql-eslint/require-description: Description is required for input value "id" in field "getClient"',
        '@graphql-eslint/require-description: Description is required for input value "first" in field "clients"',
        '@graphql-eslint/require-description: Description is required for type "Client"',
        '@graphql-eslint/naming-convention: Field "getClient" should not have "get" prefix',
        '@graphql-eslint/naming-convention: Enum value "red" should be in UPPER_CASE format',
        '@graphql-eslint/naming-convention: Input "NewClient" should have one of the following suffixes: Input',
        '@graphql-eslint/relay-connection-types: Connection type must contain a field `edges` that return a list type.',
        '@graphql-eslint/require-deprecation-reason: Deprecation reason is required for field "addClient" in type "Mutation".',
      ]),
    );
  });

  it('in a subgraph, an entity stub (@key resolvable: false) needs no description, anything else does', () => {
    const subgraph = `
      extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type Member @key(fields: "id", resolvable: false) {
        id: ID!
      }
      "A group of clients."
      type ClientGroup {
        "Its id."
        id: ID!
        owner: Member
      }
      "The root."
      type Query {
        "The groups."
        groups: [ClientGroup!]!
      }
    `;
    const findings = tools.lintSdl(subgraph, { name: 'stub.graphql', subgraph: true }).map((m) => m.message);
    expect(findings).toEqual(['Description is required for field "owner" in type "ClientGroup"']);
  });
});
