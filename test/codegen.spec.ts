import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';
import config from '../codegen';

const ROOT = join(__dirname, '..');
const SUBGRAPHS = ['firms', 'clients', 'invitations', 'payroll-sync'];

interface FileOutput {
  filename: string;
  content: string;
}
type ConfiguredOutput = Exclude<CodegenConfig['generates'][string], unknown[]>;

/**
 * `generate(config, false)` of @graphql-codegen/cli: the outputs in memory, nothing written. It runs
 * in a child Node process because the CLI package requires an ESM-only dependency (yargs), which
 * Node 20 loads and Jest's module system does not.
 */
const GENERATE = `
  const { generate } = require('@graphql-codegen/cli');
  let input = '';
  process.stdin.on('data', (chunk) => (input += chunk)).on('end', async () => {
    const outputs = await generate(JSON.parse(input), false);
    process.stdout.write(JSON.stringify(outputs.map(({ filename, content }) => ({ filename, content }))));
  });
`;

function regenerate(cfg: CodegenConfig = config): FileOutput[] {
  const stdout = execFileSync(process.execPath, ['-e', GENERATE], {
    cwd: ROOT,
    input: JSON.stringify({ ...cfg, silent: true }),
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return JSON.parse(stdout) as FileOutput[];
}

function staleFiles(outputs: FileOutput[]): string[] {
  return outputs
    .filter((o) => !existsSync(o.filename) || readFileSync(o.filename, 'utf8') !== o.content)
    .map((o) => relative(ROOT, o.filename));
}

describe('resolver types generated from each subgraph SDL (codegen.ts)', () => {
  let outputs: FileOutput[];
  beforeAll(() => {
    outputs = regenerate();
  });

  it('generates one resolvers-types.ts per subgraph, under its src/', () => {
    expect(outputs.map((o) => relative(ROOT, o.filename)).sort()).toEqual(
      SUBGRAPHS.map((s) => `services/${s}/src/__generated__/resolvers-types.ts`).sort(),
    );
    for (const o of outputs) expect(o.content).toContain('export type Resolvers<ContextType');
  });

  it('every committed generated file matches its SDL', () => {
    const stale = staleFiles(outputs);
    if (stale.length > 0) {
      throw new Error(`Stale resolver types: ${stale.join(', ')}. Run \`npm run codegen\` and commit the result.`);
    }
  });

  it('notices an SDL change (a field the generated file does not know yet)', () => {
    const target = join(ROOT, 'services/firms/src/__generated__/resolvers-types.ts');
    const entry = config.generates[target] as ConfiguredOutput;
    const changed: CodegenConfig = {
      ...config,
      generates: { [target]: { ...entry, schema: [entry.schema as string, 'extend type Query { codegenProbe: Int }'] } },
    };
    expect(staleFiles(regenerate(changed))).toEqual(['services/firms/src/__generated__/resolvers-types.ts']);
  });
});
