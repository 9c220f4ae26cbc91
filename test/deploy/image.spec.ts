import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT, readCompose } from './compose-check';

/**
 * The image cannot be built here (no Docker engine), so what it relies on is checked: every
 * process that compose and k8s start is built by `tsc -b` and belongs to a workspace whose
 * production dependencies the image installs, together with every workspace it imports.
 */
describe('the image (Dockerfile)', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const installed = [...dockerfile.matchAll(/-w (\S+)/g)].map((m) => m[1]);
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { workspaces: string[] };
  const workspaces = new Map<string, { dir: string; deps: string[] }>();
  for (const pattern of root.workspaces) {
    const dirs = pattern.endsWith('/*') ? readdirSync(join(ROOT, pattern.slice(0, -2))).map((d) => `${pattern.slice(0, -2)}/${d}`) : [pattern];
    for (const dir of dirs) {
      const file = join(ROOT, dir, 'package.json');
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name: string; dependencies?: Record<string, string> };
      workspaces.set(pkg.name, { dir, deps: Object.keys(pkg.dependencies ?? {}) });
    }
  }
  const dirOf = (name: string) => workspaces.get(name)?.dir;

  const entrypoints = (): string[] => {
    const fromCompose = Object.values(readCompose().services).flatMap((s) => (s.command ? [s.command[1]] : []));
    const fromK8s = readdirSync(join(ROOT, 'k8s/base'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => parseAllDocuments(readFileSync(join(ROOT, 'k8s/base', f), 'utf8')).map((d) => d.toJS()))
      .filter((o) => o?.kind === 'Deployment')
      .map((o) => o.spec.template.spec.containers[0].command[1] as string);
    return [...new Set([...fromCompose, ...fromK8s])];
  };

  it('D1, D2: every entrypoint compose and k8s start is built and in a workspace the image installs for production', () => {
    const list = entrypoints();
    expect(list.length).toBeGreaterThanOrEqual(7);
    for (const entry of list) {
      const dir = entry.replace(/\/dist\/[^/]+$/, '');
      expect({ entry, installed: installed.includes(dir), built: existsSync(join(ROOT, entry)) }).toEqual({ entry, installed: true, built: true });
    }
  });

  it('D1, D2: every workspace those import is installed too (else its production dependencies would be missing)', () => {
    for (const dir of installed) {
      const pkg = [...workspaces.values()].find((w) => w.dir === dir);
      expect({ dir, known: Boolean(pkg) }).toEqual({ dir, known: true });
      for (const dep of pkg!.deps) {
        const depDir = dirOf(dep);
        if (depDir) expect({ from: dir, workspace: depDir, installed: installed.includes(depDir) }).toEqual({ from: dir, workspace: depDir, installed: true });
      }
    }
  });

  it('D1, D2: Node 20 at run time, non-root, production mode; nothing built, installed or secret leaks into the build context', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/NODE_ENV=production/);
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git', '.env', '.data']));
  });
});
