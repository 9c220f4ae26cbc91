import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SHUTDOWN_DEADLINE_MS } from '@advisor/kit';
import { ENTRYPOINT_SCHEMAS, ROOT, requiredVariables } from './compose-check';
import { renderKustomization, type K8sObject } from './kustomize';
import { validateObjects } from './k8s-validate';

type Container = {
  name: string;
  image: string;
  command: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } } }>;
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  volumeMounts?: Array<{ mountPath: string }>;
};
type PodSpec = { containers: Container[]; terminationGracePeriodSeconds?: number; securityContext?: { runAsNonRoot?: boolean; runAsUser?: number } };
type Deployment = K8sObject & { spec: { replicas: number; template: { metadata: { labels: Record<string, string> }; spec: PodSpec } } };

const SUBGRAPHS = ['firms', 'clients', 'invitations', 'payroll-sync'];
const PRODUCTION = join(ROOT, 'k8s/overlays/production');

const find = <T extends K8sObject>(objects: K8sObject[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name) as T | undefined;
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);

describe('k8s manifests, rendered and validated offline (SPEC D2)', () => {
  const rendered = renderKustomization(PRODUCTION);
  const deployments = rendered.filter((o): o is Deployment => o.kind === 'Deployment');
  const secretsExample = parseAllDocuments(readFileSync(join(ROOT, 'k8s/secrets.example.yaml'), 'utf8')).map((d) => d.toJS() as K8sObject & { stringData: Record<string, string> });

  it('D2: the production overlay renders, and every object (and the example Secrets) passes the Kubernetes schemas with unknown fields refused', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...SUBGRAPHS, 'gateway'].sort());
    expect(validateObjects([...rendered, ...secretsExample])).toEqual([]);
    // The overlay's transformations took effect.
    for (const o of rendered) if (o.kind !== 'Namespace') expect(o.metadata.namespace).toBe('advisor-dashboard');
    for (const d of deployments) {
      expect(d.spec.template.spec.containers[0].image).toBe('registry.example.com/advisor-dashboard:0.1.0');
      expect(d.spec.template.metadata.labels['app.kubernetes.io/environment']).toBe('production');
    }
  });

  it('D2: a typo such as readinesProbe, an unknown field deep inside, or a wrong type fails the check', () => {
    const typo = structuredClone(rendered);
    const container = (find<Deployment>(typo, 'Deployment', 'clients')!.spec.template.spec.containers[0] as unknown) as Record<string, unknown>;
    container.readinesProbe = container.readinessProbe;
    delete container.readinessProbe;
    const problems = validateObjects(typo);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Deployment\/clients.*'"?readinesProbe"?' does not exist in type/);

    const deep = structuredClone(rendered);
    const policy = find(deep, 'NetworkPolicy', 'subgraphs-from-gateway-only') as unknown as { spec: { ingress: Array<Record<string, unknown>> } };
    policy.spec.ingress[0].form = policy.spec.ingress[0].from;
    expect(validateObjects(deep).join('\n')).toMatch(/NetworkPolicy\/subgraphs-from-gateway-only.*'"?form"?' does not exist/);

    const wrongType = structuredClone(rendered);
    (find<Deployment>(wrongType, 'Deployment', 'gateway')!.spec as unknown as Record<string, unknown>).replicas = 'two';
    expect(validateObjects(wrongType).join('\n')).toMatch(/Deployment\/gateway/);
  });

  it('D2: each service and the gateway: 2 replicas, /health liveness, /ready readiness, resources, non-root, read-only root, a stop that fits the grace period', () => {
    for (const d of deployments) {
      const pod = d.spec.template.spec;
      const c = pod.containers[0];
      const name = d.metadata.name;
      expect({ name, replicas: d.spec.replicas }).toEqual({ name, replicas: 2 });
      expect(c.livenessProbe?.httpGet?.path).toBe('/health');
      expect(c.readinessProbe?.httpGet?.path).toBe('/ready');
      expect(c.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(c.resources?.limits?.memory).toEqual(expect.any(String));
      expect(pod.securityContext).toEqual(expect.objectContaining({ runAsNonRoot: true, runAsUser: 1000 }));
      expect(c.securityContext).toEqual(expect.objectContaining({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false }));
      expect(c.volumeMounts?.map((m) => m.mountPath)).toContain('/tmp');
      // preStop sleep, then SIGTERM; the process exits by SHUTDOWN_DEADLINE_MS at the latest.
      const preStop = c.lifecycle?.preStop?.exec?.command;
      expect(preStop?.[0]).toBe('sleep');
      const worstStopS = Number(preStop![1]) + SHUTDOWN_DEADLINE_MS / 1000;
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(worstStopS);
      expect(pod.terminationGracePeriodSeconds).toBeLessThanOrEqual(30);
    }
  });

  it('D2: each has a Service, a PodDisruptionBudget keeping one pod, and an autoscaling/v2 HorizontalPodAutoscaler from 2 replicas', () => {
    for (const d of deployments) {
      const name = d.metadata.name;
      const labels = d.spec.template.metadata.labels;
      const service = find<K8sObject & { spec: { selector: Record<string, string> } }>(rendered, 'Service', name);
      expect(service && matches(service.spec.selector, labels)).toBe(true);
      const pdb = find<K8sObject & { spec: { minAvailable: number; selector: { matchLabels: Record<string, string> } } }>(rendered, 'PodDisruptionBudget', name);
      expect(pdb?.apiVersion).toBe('policy/v1');
      expect(pdb && matches(pdb.spec.selector.matchLabels, labels) && pdb.spec.minAvailable).toBe(1);
      const hpa = find<K8sObject & { spec: { minReplicas: number; maxReplicas: number; scaleTargetRef: { kind: string; name: string } } }>(rendered, 'HorizontalPodAutoscaler', name);
      expect(hpa?.apiVersion).toBe('autoscaling/v2');
      expect(hpa?.spec).toEqual(expect.objectContaining({ minReplicas: 2, scaleTargetRef: expect.objectContaining({ kind: 'Deployment', name }) }));
      expect(hpa!.spec.maxReplicas).toBeGreaterThan(2);
    }
  });

  it('D2: subgraphs accept traffic only from the gateway pods (network policies), the gateway from anywhere', () => {
    type Policy = K8sObject & { spec: { podSelector: { matchLabels?: Record<string, string> }; policyTypes: string[]; ingress?: Array<{ from?: Array<Record<string, unknown>> }> } };
    const policies = rendered.filter((o): o is Policy => o.kind === 'NetworkPolicy');
    const gatewayLabels = find<Deployment>(rendered, 'Deployment', 'gateway')!.spec.template.metadata.labels;
    const allowedSources = (labels: Record<string, string>) => {
      const selecting = policies.filter((p) => p.spec.policyTypes.includes('Ingress') && matches(p.spec.podSelector.matchLabels, labels));
      expect(selecting.length).toBeGreaterThan(0); // isolated: something selects the pod
      return selecting.flatMap((p) => (p.spec.ingress ?? []).map((rule) => rule.from));
    };
    for (const name of SUBGRAPHS) {
      const sources = allowedSources(find<Deployment>(rendered, 'Deployment', name)!.spec.template.metadata.labels);
      expect(sources.length).toBeGreaterThan(0);
      for (const from of sources) {
        // `from` missing would mean "from anywhere"; every peer must be a pod selector matching the gateway only.
        expect(from).toBeDefined();
        for (const peer of from!) {
          expect(Object.keys(peer)).toEqual(['podSelector']);
          const selector = (peer.podSelector as { matchLabels?: Record<string, string> }).matchLabels;
          expect(matches(selector, gatewayLabels)).toBe(true);
          for (const other of SUBGRAPHS) expect(matches(selector, find<Deployment>(rendered, 'Deployment', other)!.spec.template.metadata.labels)).toBe(false);
        }
      }
    }
    expect(allowedSources(gatewayLabels)).toContainEqual(undefined);
  });

  it('D2: each container gets exactly the variables its entrypoint requires and reads, secrets by reference to the example Secrets, the gateway wired to the Services', () => {
    const configMaps = rendered.filter((o) => o.kind === 'ConfigMap') as Array<K8sObject & { data: Record<string, string> }>;
    const problems: string[] = [];
    for (const d of deployments) {
      const c = d.spec.template.spec.containers[0];
      const entry = c.command[0] === 'node' ? c.command[1] : '';
      const schema = ENTRYPOINT_SCHEMAS[entry];
      if (!schema) {
        problems.push(`${d.metadata.name}: unknown entrypoint ${entry}`);
        continue;
      }
      const names = (c.env ?? []).map((e) => e.name);
      for (const n of names) if (!(n in schema.shape)) problems.push(`${d.metadata.name}: ${n} is not read by ${entry}`);
      for (const n of requiredVariables(schema)) if (!names.includes(n)) problems.push(`${d.metadata.name}: ${n} is required by ${entry} but not set`);
      for (const e of c.env ?? []) {
        const secret = e.valueFrom?.secretKeyRef;
        if (secret) {
          const defined = secretsExample.find((s) => s.metadata.name === secret.name)?.stringData ?? {};
          if (!(secret.key in defined)) problems.push(`${d.metadata.name}: ${e.name} refers to ${secret.name}/${secret.key}, not in secrets.example.yaml`);
        }
        const config = e.valueFrom?.configMapKeyRef;
        if (config && !(config.key in (configMaps.find((m) => m.metadata.name === config.name)?.data ?? {}))) {
          problems.push(`${d.metadata.name}: ${e.name} refers to ConfigMap ${config.name}/${config.key}, which does not exist`);
        }
        if (e.value !== undefined && /SECRET|KEY|PASSWORD|TOKEN|DATABASE_URL|SMTP_URL/.test(e.name)) problems.push(`${d.metadata.name}: ${e.name} is set inline, not by reference`);
      }
      if (entry.startsWith('services/')) {
        const envs = Object.fromEntries((c.env ?? []).map((e) => [e.name, e]));
        const port = envs.PORT?.value;
        const service = find<K8sObject & { spec: { ports: Array<{ port: number }> } }>(rendered, 'Service', d.metadata.name);
        if (String(service?.spec.ports[0].port) !== port) problems.push(`${d.metadata.name}: Service port is not the container's PORT`);
        const gatewayEnv = find<Deployment>(rendered, 'Deployment', 'gateway')!.spec.template.spec.containers[0].env ?? [];
        const prefix = d.metadata.name.toUpperCase().replace('-', '_');
        if (gatewayEnv.find((e) => e.name === `${prefix}_URL`)?.value !== `http://${d.metadata.name}:${port}/graphql`) problems.push(`gateway: ${prefix}_URL does not point at ${d.metadata.name}`);
        const theirs = gatewayEnv.find((e) => e.name === `${prefix}_GATEWAY_SECRET`)?.valueFrom?.secretKeyRef;
        const ours = envs.GATEWAY_SECRET?.valueFrom?.secretKeyRef;
        if (!ours || theirs?.name !== ours.name || theirs.key !== ours.key) problems.push(`gateway: ${prefix}_GATEWAY_SECRET is not the secret ${d.metadata.name} expects`);
      }
    }
    expect(problems).toEqual([]);
    // Example values only.
    for (const s of secretsExample) for (const [key, value] of Object.entries(s.stringData)) expect({ key, value }).toEqual({ key, value: expect.stringMatching(/example/) });
  });

  describe('the offline renderer refuses what it does not implement', () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-kustomize-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (kustomization: string) => {
      writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n  - ${join(ROOT, 'k8s/base')}\n${kustomization}`);
      return () => renderKustomization(dir);
    };

    it('D2: an unsupported kustomization field, a patch that matches nothing, or a failing patch operation is an error', () => {
      expect(write('namePrefix: prod-\n')).toThrow(/unsupported kustomization fields: namePrefix/);
      expect(write('patches:\n  - target: { kind: Deployment, name: nope }\n    patch: "[]"\n')).toThrow(/matches nothing/);
      expect(write('patches:\n  - target: { kind: Deployment, name: firms }\n    patch: |-\n      - { op: replace, path: /spec/nope/x, value: 1 }\n')).toThrow(/patch on Deployment\/firms failed/);
      expect(write('images:\n  - { name: other-image, newTag: "1" }\n')).toThrow(/used by no container/);
      expect(write('labels:\n  - pairs: { a: b }\n    includeSelectors: true\n')).toThrow(/includeSelectors/);
    });
  });
});
