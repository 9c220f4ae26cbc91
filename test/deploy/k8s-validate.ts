import { join } from 'node:path';
import ts from 'typescript';
import type { K8sObject } from './kustomize';

const ROOT = join(__dirname, '../..');

/** The kubernetes-models class for an object: `kubernetes-models/<group>/<version>/<Kind>`. */
function modelFor(o: K8sObject): { module: string; ctor: new (data: unknown) => { validate(): void } } {
  const module = `kubernetes-models/${o.apiVersion}/${o.kind}`;
  let exports: Record<string, unknown>;
  try {
    exports = require(module);
  } catch {
    throw new Error(`${o.kind}/${o.metadata.name}: no Kubernetes schema for ${o.apiVersion} ${o.kind}`);
  }
  return { module, ctor: exports[o.kind] as new (data: unknown) => { validate(): void } };
}

/**
 * Every problem of the rendered objects against the Kubernetes schemas, offline:
 *  1. kubernetes-models' validate() (the OpenAPI schema compiled with ajv: types, required fields,
 *     formats, enums). It accepts unknown fields (its schemas allow additional properties), so
 *  2. each object is type-checked as an object literal of the interface kubernetes-models
 *     generates from the same OpenAPI schema: TypeScript's excess-property check refuses any
 *     field the schema does not define, at every depth (`readinesProbe` for `readinessProbe`).
 */
export function validateObjects(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const imports: string[] = [];
  const declarations: string[] = [];
  objects.forEach((o, i) => {
    const id = `${o.kind}/${o.metadata.name}`;
    let model;
    try {
      model = modelFor(o);
    } catch (err) {
      problems.push((err as Error).message);
      return;
    }
    try {
      new model.ctor(o).validate();
    } catch (err) {
      problems.push(`${id}: ${(err as Error).message}`);
    }
    imports.push(`import type { I${o.kind} as T${i} } from ${JSON.stringify(model.module)};`);
    declarations.push(`// ${id}\nexport const o${i}: T${i} = ${JSON.stringify(o, null, 1)};`);
  });
  if (declarations.length) problems.push(...typeCheck(`${imports.join('\n')}\n${declarations.join('\n')}\n`, objects));
  return problems;
}

function typeCheck(source: string, objects: K8sObject[]): string[] {
  const fileName = join(ROOT, 'test/deploy/__rendered-manifests__.ts');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = ((exists) => (f: string) => f === fileName || exists(f))(host.fileExists.bind(host));
  host.readFile = (f) => (f === fileName ? source : readFile(f));
  host.getSourceFile = (f, language, onError, shouldCreate) =>
    f === fileName ? ts.createSourceFile(f, source, language) : getSourceFile(f, language, onError, shouldCreate);
  const program = ts.createProgram([fileName], options, host);
  const file = program.getSourceFile(fileName)!;
  const starts = objects.map((_, i) => source.indexOf(`export const o${i}:`));
  return ts.getPreEmitDiagnostics(program, file).map((d) => {
    const index = d.start === undefined ? -1 : starts.filter((s) => s >= 0 && s <= d.start!).length - 1;
    const o = objects[index];
    const where = d.start !== undefined ? path(source, starts[index], d.start) : '';
    return `${o ? `${o.kind}/${o.metadata.name}` : 'manifests'}${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/** A readable location of a diagnostic: the JSON keys leading to it (e.g. spec.template.spec.containers). */
function path(source: string, from: number, at: number): string {
  const keys: string[] = [];
  const re = /^( *)"([^"]+)":/gm;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) && m.index <= at) {
    const depth = m[1].length;
    keys.length = Math.min(keys.length, depth);
    keys[depth - 1] = m[2];
  }
  const shown = keys.filter(Boolean);
  return shown.length ? ` (${shown.join('.')})` : '';
}
