import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { BASE_DIR, baseManifests, SETTINGS } from '../../deploy/k8s/base-manifests';
import { kustomize, type K8sObject } from '../../deploy/k8s/kustomize';
import { readGatewaySettings } from '../../gateway/config/settings';
import { readSubgraphSettings } from '../../subgraphs/runtime/settings';
import { SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';
import { dockerfileFinalStage } from '../support/dockerfile';

/**
 * Issue 23 item 4: the Kubernetes manifests, rendered the way `kubectl kustomize` renders them (deploy/k8s/kustomize.ts)
 * and validated against the Kubernetes schemas (kubernetes-models), then read for what the issue asks of them.
 */
const PRODUCTION = 'deploy/k8s/overlays/production';
const COMPONENTS = ['gateway', ...SUBGRAPH_NAMES];
const SCHEMAS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/ConfigMap': ConfigMap, 'v1/Secret': Secret, 'v1/Service': Service, 'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget, 'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
};

const rendered = kustomize(PRODUCTION);
const find = (kind: string, name: string) => {
  const object = rendered.find((o) => o.kind === kind && o.metadata.name === name);
  if (!object) throw new Error(`the production overlay has no ${kind} ${name}`);
  return object as any;
};
const container = (name: string) => find('Deployment', `onegraph-${name}`).spec.template.spec.containers[0];

/** What the cluster's secret store would hold, where a key has a shape of its own. */
const SECRET_STORE: Record<string, string> = { GATEWAY_IDENTITY_SECRET: 'k'.repeat(32), REDIS_URL: 'rediss://redis.invalid:6380' };

/** What a container's environment is in the cluster: its ConfigMaps, then its Secret keys (filled here), then the image's ENV. */
function containerEnv(name: string): Record<string, string> {
  const c = container(name);
  const fromConfigMaps = c.envFrom.map((ref: any) => find('ConfigMap', ref.configMapRef.name).data);
  const fromEnv = Object.fromEntries(c.env.map((e: any) => [e.name, e.value ?? SECRET_STORE[e.valueFrom.secretKeyRef.key] ?? 'from-the-secret-store']));
  return Object.assign({}, dockerfileFinalStage().env, ...fromConfigMaps, fromEnv);
}

/** The commands of docs/production.md "Running in production", without their comments. */
function readmeProductionCommands(): string[] {
  const readme = readFileSync('docs/production.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Running in production'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  return block.split('\n').map((line) => line.replace(/#.*$/, '').trim()).filter(Boolean);
}

describe('deployment manifests (issue 23 item 4)', () => {
  it('docs/production.md "Running in production" runs what the package, the image and the manifests run', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    const containerCommands = COMPONENTS.map((name) => (container(name).args as string[]).join(' '));
    for (const command of readmeProductionCommands()) {
      for (const [, script] of command.matchAll(/npm run (\S+)/g)) expect(scripts[script], command).toBeDefined();
      if (command.startsWith('node ')) expect(containerCommands, command).toContain(command);
      if (command.startsWith('docker build')) expect(command).toMatch(/ \.$/);
      if (command.startsWith('kubectl apply -k ')) expect(() => kustomize(command.slice('kubectl apply -k '.length))).not.toThrow();
    }
    expect(readmeProductionCommands()).toContain(dockerfileFinalStage().cmd.join(' '));
  });

  it('deploy/k8s/base is what npm run k8s:manifests writes from the code', () => {
    for (const [file, content] of Object.entries(baseManifests())) expect(readFileSync(join(BASE_DIR, file), 'utf8'), file).toBe(content);
  });

  it('the production overlay renders to objects the Kubernetes schemas accept, in its namespace, on the pinned image', () => {
    expect(rendered.length).toBeGreaterThan(0);
    for (const object of rendered) {
      const schema = SCHEMAS[`${object.apiVersion}/${object.kind}`];
      expect(schema, `${object.apiVersion} ${object.kind} has no schema here`).toBeDefined();
      expect(() => new schema(object).validate(), `${object.kind} ${object.metadata.name}`).not.toThrow();
      expect(object.metadata.namespace).toBe('onegraph');
    }
    for (const name of COMPONENTS) expect(container(name).image).toBe('registry.tim.example/onegraph/onegraph:0.1.0');
  });

  it('a Deployment, Service, PodDisruptionBudget and CPU autoscaler for the gateway and each subgraph, scraped by one ServiceMonitor', () => {
    for (const name of COMPONENTS) {
      const service = find('Service', `onegraph-${name}`);
      expect(service.spec.selector).toEqual(find('Deployment', `onegraph-${name}`).spec.selector.matchLabels);
      expect(find('PodDisruptionBudget', `onegraph-${name}`).spec.selector).toEqual(find('Deployment', `onegraph-${name}`).spec.selector);
      const hpa = find('HorizontalPodAutoscaler', `onegraph-${name}`);
      expect(hpa.spec.scaleTargetRef.name).toBe(`onegraph-${name}`);
      expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(service.metadata.labels['app.kubernetes.io/part-of']).toBe('onegraph');
    }
    expect(find('HorizontalPodAutoscaler', 'onegraph-gateway').spec.minReplicas).toBe(3);
    const monitor = find('ServiceMonitor', 'onegraph');
    expect(monitor.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/part-of': 'onegraph' });
    // Scraped on the operators' port (OPS_PORT), which the public port does not expose (issue 23 item 8).
    expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'ops', path: '/metrics' })]);
    for (const name of COMPONENTS) {
      const opsPort = container(name).ports.find((p: { name: string }) => p.name === 'ops').containerPort;
      expect(String(opsPort)).toBe(containerEnv(name).OPS_PORT);
      expect(find('Service', `onegraph-${name}`).spec.ports.map((p: { name: string }) => p.name)).toEqual(['http', 'ops']);
      expect(containerEnv(name).OTEL_SERVICE_NAME).toBe(`onegraph-${name}`);
    }
  });

  it('probes on the health endpoints; preStop then the drain (SHUTDOWN_GRACE_MS) fit in terminationGracePeriodSeconds', () => {
    for (const name of COMPONENTS) {
      const c = container(name);
      const pod = find('Deployment', `onegraph-${name}`).spec.template.spec;
      expect(c.livenessProbe.httpGet.path).toBe('/health');
      expect(c.readinessProbe.httpGet.path).toBe('/readiness');
      const preStopSeconds = Number(c.lifecycle.preStop.exec.command.at(-1));
      const drainSeconds = Number(containerEnv(name).SHUTDOWN_GRACE_MS) / 1000;
      expect(preStopSeconds).toBeGreaterThan(0);
      expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(preStopSeconds + drainSeconds);
      expect(pod.terminationGracePeriodSeconds).toBeLessThanOrEqual(preStopSeconds + drainSeconds + 10);
    }
  });

  it('non-root on a read-only root file system, with requests and limits', () => {
    for (const name of COMPONENTS) {
      const c = container(name);
      const pod = find('Deployment', `onegraph-${name}`).spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
      expect(Object.keys(c.resources.requests).sort()).toEqual(['cpu', 'memory']);
      expect(Object.keys(c.resources.limits).sort()).toEqual(['cpu', 'memory']);
    }
  });

  it('each process accepts the environment the cluster gives it in production; keys come from the Secret only', () => {
    const configMapKeys = rendered.filter((o) => o.kind === 'ConfigMap').flatMap((o: K8sObject) => Object.keys(o.data as object));
    const secretKeys = Object.keys(find('Secret', SETTINGS.keys).stringData);
    expect(configMapKeys.filter((key) => secretKeys.includes(key))).toEqual([]);
    expect(Object.values(find('Secret', SETTINGS.keys).stringData).every((value) => value === '')).toBe(true);

    const gateway = readGatewaySettings(containerEnv('gateway'));
    expect(gateway.process.production).toBe(true);
    expect(Object.keys(gateway.subgraphUrls).sort()).toEqual([...SUBGRAPH_NAMES].sort());
    for (const name of SUBGRAPH_NAMES) {
      expect(gateway.subgraphUrls[name]).toBe(`http://${find('Service', `onegraph-${name}`).metadata.name}/graphql`);
      expect(readSubgraphSettings(containerEnv(name)).process.production).toBe(true);
    }
  });
});
