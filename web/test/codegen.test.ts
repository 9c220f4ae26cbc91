// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen';

/**
 * The typed documents in src/gql are generated from the committed supergraph and the app's
 * `graphql(...)` calls, and committed. This fails when either changed without regenerating.
 */
describe('generated GraphQL types', () => {
  it('are up to date with schema/supergraph.graphql and the app’s documents (fix: npm run codegen -w web)', async () => {
    const files = await generate(config, false);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect({ file: file.filename, content: readFileSync(file.filename, 'utf8') }).toEqual({ file: file.filename, content: file.content });
    }
  }, 60_000);
});
