import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Supergraph, printSchema } from '@apollo/federation-internals';
import type { CodegenConfig } from '@graphql-codegen/cli';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The API schema the browser sees: the committed supergraph without its federation machinery
 * (join__*, link__*), exactly as the gateway exposes it.
 */
export function apiSchemaSdl(): string {
  const supergraph = readFileSync(`${here}../schema/supergraph.graphql`, 'utf8');
  return printSchema(Supergraph.build(supergraph).apiSchema());
}

/** Typed documents for every `graphql(...)` call under src/ (graphql-codegen client preset). */
const config: CodegenConfig = {
  schema: apiSchemaSdl(),
  documents: [`${here}src/**/*.{ts,tsx}`, `!${here}src/gql/**`],
  ignoreNoDocuments: false,
  generates: {
    [`${here}src/gql/`]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
