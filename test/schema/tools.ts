import type { GraphQLSchema } from 'graphql';

/** A change as GraphQL Inspector reports it (`@graphql-inspector/core`). */
export interface SchemaChange {
  message: string;
  path?: string;
  type: string;
  criticality: { level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING'; reason?: string };
}

export interface BreakingCheck {
  changes: SchemaChange[];
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  unaccepted: SchemaChange[];
  stale: string[];
}

export interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
  column: number;
}

/** The typed face of `scripts/schema.cjs` (plain CommonJS, so `npm run schema:release` runs it with node). */
export interface SchemaTools {
  ROOT: string;
  SUPERGRAPH_PATH: string;
  BASELINE_PATH: string;
  CHANGELOG_PATH: string;
  subgraphSdlFiles(): Array<{ name: string; path: string }>;
  apiSchemaOf(supergraphSdl: string): GraphQLSchema;
  currentApiSdl(): string;
  lintSdl(sdl: string, options?: { name?: string; subgraph?: boolean }): LintMessage[];
  formatFindings(name: string, messages: LintMessage[]): string[];
  describedElements(schema: GraphQLSchema): { total: number; all: string[]; undocumented: string[] };
  unreleasedEntries(changelog: string): { lines: string[]; accepted: string[] };
  checkBreaking(baselineSdl: string, currentSdl: string, changelog: string): Promise<BreakingCheck>;
  describeCheck(result: BreakingCheck): string;
  describeDangerous(result: BreakingCheck): string;
  release(options?: { date?: string; baselinePath?: string; changelogPath?: string; currentSdl?: string }): Promise<{ released: boolean; message: string }>;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const schemaTools = require('../../scripts/schema.cjs') as SchemaTools;
