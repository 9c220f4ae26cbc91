#!/usr/bin/env node
/**
 * Each workspace's package.json declares exactly the packages its source imports (issue 7: keep
 * each service's package.json honest). `node scripts/workspace-deps.cjs` prints the differences;
 * `--write` fixes them, taking versions from the root package.json (workspace packages at their
 * own version). `test/workspace-deps.spec.ts` fails when they drift.
 */
const { builtinModules } = require('node:module');
const { existsSync, readFileSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
const BACKEND = [
  'packages/kit', 'packages/rules', 'schema', 'services/firms', 'services/clients', 'services/invitations', 'services/payroll-sync', 'gateway', 'system',
  'simulators/kit', 'simulators/time-tracking', 'simulators/tax-authority',
];
const SOURCE_DIR = { schema: 'events' };
/** Loaded by a library at run time, never imported: TypeORM's drivers. */
const RUNTIME_ONLY = { 'packages/kit': ['mysql2', 'sql.js'] };

function sources(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sources(full));
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

const builtins = new Set(builtinModules);
function importsOf(workspace) {
  const dir = join(ROOT, workspace, SOURCE_DIR[workspace] ?? 'src');
  const found = new Set();
  for (const file of sources(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"./][^'"]*)['"]/g)) {
      const spec = m[1];
      if (spec.startsWith('node:') || builtins.has(spec.split('/')[0])) continue;
      found.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
    }
  }
  return [...found].sort();
}

function versionOf(pkg, root) {
  if (pkg.startsWith('@advisor/')) {
    for (const ws of BACKEND) {
      const p = JSON.parse(readFileSync(join(ROOT, ws, 'package.json'), 'utf8'));
      if (p.name === pkg) return p.version;
    }
  }
  return root.dependencies?.[pkg] ?? root.devDependencies?.[pkg];
}

function check(write = false) {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const problems = [];
  for (const ws of BACKEND) {
    const file = join(ROOT, ws, 'package.json');
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    const wanted = [...importsOf(ws).filter((d) => d !== pkg.name), ...(RUNTIME_ONLY[ws] ?? [])].sort();
    const declared = Object.keys(pkg.dependencies ?? {}).sort();
    const missing = wanted.filter((d) => !declared.includes(d));
    const unused = declared.filter((d) => !wanted.includes(d));
    if (missing.length || unused.length) problems.push({ workspace: ws, missing, unused });
    if (write && (missing.length || unused.length)) {
      pkg.dependencies = Object.fromEntries(wanted.map((d) => [d, pkg.dependencies?.[d] ?? versionOf(d, root) ?? '*']));
      writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
    }
  }
  return problems;
}

module.exports = { check, importsOf };

if (require.main === module) {
  const problems = check(process.argv.includes('--write'));
  console.log(problems.length ? JSON.stringify(problems, null, 2) : 'every workspace declares what it imports');
}
