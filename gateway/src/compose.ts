import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

/** The four subgraphs, each with its one SDL file, and the URL each has by default. */
export const SUBGRAPHS = [
  { name: 'firms', dir: 'services/firms', defaultPort: 4001 },
  { name: 'clients', dir: 'services/clients', defaultPort: 4002 },
  { name: 'invitations', dir: 'services/invitations', defaultPort: 4003 },
  { name: 'payroll-sync', dir: 'services/payroll-sync', defaultPort: 4004 },
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const REPO_ROOT = resolve(__dirname, '../..');
export const SUPERGRAPH_PATH = join(REPO_ROOT, 'schema/supergraph.graphql');

/** Composes the subgraphs' SDL files into a supergraph; throws listing every composition error. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({
      name: s.name,
      url: `http://127.0.0.1:${s.defaultPort}/graphql`,
      typeDefs: parse(readFileSync(join(REPO_ROOT, s.dir, 'src/schema.graphql'), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new Error(`Supergraph composition failed:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}

/** `npm run compose`: writes schema/supergraph.graphql, which is committed. */
if (require.main === module) {
  try {
    writeFileSync(SUPERGRAPH_PATH, composeSupergraph());
    console.log(`composed ${SUBGRAPHS.length} subgraphs into ${SUPERGRAPH_PATH}`);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
