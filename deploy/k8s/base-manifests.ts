import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { GATEWAY_VARIABLES } from '../../gateway/config/settings';
import { builtEntryPoint, projectFile } from '../../stack/artefact';
import { ENTRY_POINTS } from '../../stack/launch';
import { DEFAULT_TRACE_SAMPLER, PROCESS_VARIABLES } from '../../stack/settings/common';
import { variableDocs, type VariableShape } from '../../stack/settings/define';
import { SUBGRAPH_VARIABLES } from '../../subgraphs/runtime/settings';
import { SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';

/**
 * `npm run k8s:manifests`: the Kustomize base in deploy/k8s/base/, written from the code it deploys so that the two
 * cannot drift: one Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler per subgraph and for the
 * gateway, each running the one image with its own entry point; the Secret's keys are the variables the settings
 * declare secret; the drain's timings follow SHUTDOWN_GRACE_MS. test/deploy/manifests.test.ts checks the files are
 * not stale, renders base and overlay and validates them against the Kubernetes schemas.
 */
export const BASE_DIR = 'deploy/k8s/base';
/** The image's name in the base; an overlay's `images:` sets the registry and tag. */
export const IMAGE = 'onegraph';
/** The container port of every process (the image's PORT) and the Services' port. */
const CONTAINER_PORT = 4000;
const SERVICE_PORT = 80;
/** The operators' port (OPS_PORT): /metrics and /health?details, scraped by Prometheus, never behind the public Service port. */
const OPS_PORT = 9090;
export const NODE_FLAGS = ['--enable-source-maps'];
/** Names of the ConfigMaps and the Secret. */
export const SETTINGS = { common: 'onegraph-settings', gateway: 'onegraph-gateway-settings', keys: 'onegraph-keys' } as const;

/**
 * Drain timings. `preStop` keeps a terminating pod serving while the endpoints controller and the load balancers
 * stop routing to it (a few seconds); then SIGTERM starts the process's drain (SHUTDOWN_GRACE_MS, requests in flight
 * finish); terminationGracePeriodSeconds covers both plus the exit (flushing traces), after which the kubelet kills.
 */
export const PRE_STOP_SECONDS = 5;
const SHUTDOWN_GRACE_MS = PROCESS_VARIABLES.SHUTDOWN_GRACE_MS.parse(undefined);
const EXIT_MARGIN_SECONDS = 5;
export const TERMINATION_GRACE_SECONDS = PRE_STOP_SECONDS + Math.ceil(SHUTDOWN_GRACE_MS / 1000) + EXIT_MARGIN_SECONDS;

/**
 * Requests and limits from bench/RESULTS.md: the gateway's RSS peaked at 268 MB (10,000-line inventory, one
 * process) and its CPU is what the HPA scales on; a subgraph's RSS is ~120 MB after start from the build (bench
 * startup) and grows with the rows of a page. Limits leave twice the measured peak before an OOM kill.
 */
const RESOURCES = {
  gateway: { requests: { cpu: '500m', memory: '320Mi' }, limits: { cpu: '2', memory: '640Mi' } },
  subgraph: { requests: { cpu: '250m', memory: '192Mi' }, limits: { cpu: '1', memory: '384Mi' } },
};
const REPLICAS = { min: 2, max: { gateway: 10, subgraph: 6 } };
const CPU_TARGET_PERCENT = 70;

type Component = 'gateway' | (typeof SUBGRAPH_NAMES)[number];
const kindOf = (name: Component) => (name === 'gateway' ? 'gateway' : 'subgraph');
const appName = (name: Component) => `onegraph-${name}`;
const labelsOf = (name: Component) => ({
  'app.kubernetes.io/name': appName(name),
  'app.kubernetes.io/component': kindOf(name),
  'app.kubernetes.io/part-of': 'onegraph',
});

/** The variables a process declares secret (`secret: true`), which come from the Secret and never a ConfigMap. */
export function secretVariables(shape: VariableShape): string[] {
  return Object.entries(shape).filter(([, schema]) => variableDocs.get(schema)?.secret).map(([name]) => name).sort();
}
const SECRETS: Record<'gateway' | 'subgraph', string[]> = {
  gateway: secretVariables(GATEWAY_VARIABLES),
  subgraph: secretVariables(SUBGRAPH_VARIABLES),
};

/** The settings every process shares; the systems of record's URLs are the overlay's (placeholders here). */
function settingsConfigMaps(): object[] {
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://${appName(name)}/graphql`]));
  return [
    configMap(SETTINGS.common, {
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'info',
      // The graph's default, written out (docs/operating.md "Traces: sampling"); traces go nowhere until the overlay
      // sets OTEL_EXPORTER_OTLP_ENDPOINT.
      ...DEFAULT_TRACE_SAMPLER,
      SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
      OPS_PORT: String(OPS_PORT),
      CRM_URL: 'http://crm.invalid/crm/soap',
      EBILL_URL: 'http://ebill.invalid',
      EBPFA_URL: 'http://ebpfa.invalid',
    }),
    configMap(SETTINGS.gateway, {
      SUBGRAPH_URLS: JSON.stringify(subgraphUrls),
      AUTH_JWKS_URL: 'http://idp.invalid/.well-known/jwks.json',
      GATEWAY_WORKERS: '1',
    }),
  ];
}

function configMap(name: string, data: Record<string, string>) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { 'app.kubernetes.io/part-of': 'onegraph' } }, data };
}

/** Empty in the base: the keys come from the cluster's secret store, never from this repository. */
function keysSecret() {
  const keys = [...new Set([...SECRETS.gateway, ...SECRETS.subgraph])].sort();
  return {
    apiVersion: 'v1', kind: 'Secret', type: 'Opaque',
    metadata: { name: SETTINGS.keys, labels: { 'app.kubernetes.io/part-of': 'onegraph' } },
    stringData: Object.fromEntries(keys.map((key) => [key, ''])),
  };
}

function deployment(name: Component) {
  const kind = kindOf(name);
  const envFrom = [{ configMapRef: { name: SETTINGS.common } }, ...(kind === 'gateway' ? [{ configMapRef: { name: SETTINGS.gateway } }] : [])];
  const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
    httpGet: { path, port: 'http' }, periodSeconds, timeoutSeconds: 2, failureThreshold,
  });
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: appName(name), labels: labelsOf(name) },
    spec: {
      replicas: REPLICAS.min,
      selector: { matchLabels: { 'app.kubernetes.io/name': appName(name) } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: { labels: labelsOf(name) },
        spec: {
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [{
            name: name,
            image: IMAGE,
            // The image's command with this process's entry point (Dockerfile CMD).
            args: ['node', ...NODE_FLAGS, builtEntryPoint(ENTRY_POINTS[name])],
            ports: [{ name: 'http', containerPort: CONTAINER_PORT }, { name: 'ops', containerPort: OPS_PORT }],
            envFrom,
            // Each process's traces name it, as the launcher does on a laptop.
            env: [{ name: 'OTEL_SERVICE_NAME', value: appName(name) },
              ...SECRETS[kind].map((key) => ({ name: key, valueFrom: { secretKeyRef: { name: SETTINGS.keys, key } } }))],
            // Liveness: the process answers; readiness: send it traffic (503 once it drains). README "Health and readiness".
            startupProbe: probe('/health', 2, 30),
            livenessProbe: probe('/health', 10, 3),
            readinessProbe: probe('/readiness', 5, 1),
            lifecycle: { preStop: { exec: { command: ['sleep', String(PRE_STOP_SECONDS)] } } },
            resources: RESOURCES[kind],
            securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          }],
          volumes: [{ name: 'tmp', emptyDir: {} }],
        },
      },
    },
  };
}

function service(name: Component) {
  return {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: appName(name), labels: labelsOf(name) },
    spec: {
      selector: { 'app.kubernetes.io/name': appName(name) },
      ports: [{ name: 'http', port: SERVICE_PORT, targetPort: 'http' }, { name: 'ops', port: OPS_PORT, targetPort: 'ops' }],
    },
  };
}

function disruptionBudget(name: Component) {
  return {
    apiVersion: 'policy/v1', kind: 'PodDisruptionBudget',
    metadata: { name: appName(name), labels: labelsOf(name) },
    spec: { maxUnavailable: 1, selector: { matchLabels: { 'app.kubernetes.io/name': appName(name) } } },
  };
}

function autoscaler(name: Component) {
  return {
    apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler',
    metadata: { name: appName(name), labels: labelsOf(name) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: appName(name) },
      minReplicas: REPLICAS.min,
      maxReplicas: REPLICAS.max[kindOf(name)],
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: CPU_TARGET_PERCENT } } }],
    },
  };
}

/** Prometheus Operator: every Service of the graph scraped on /metrics of its operators' port. */
function serviceMonitor() {
  return {
    apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor',
    metadata: { name: 'onegraph', labels: { 'app.kubernetes.io/part-of': 'onegraph' } },
    spec: {
      selector: { matchLabels: { 'app.kubernetes.io/part-of': 'onegraph' } },
      endpoints: [{ port: 'ops', path: '/metrics', interval: '30s' }],
    },
  };
}

const HEADER = '# Written by `npm run k8s:manifests` (deploy/k8s/base-manifests.ts): edit that, not this file.\n';
const documents = (objects: object[]) => HEADER + objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');

/** File name → content of every file of the base. */
export function baseManifests(): Record<string, string> {
  const components: Component[] = ['gateway', ...SUBGRAPH_NAMES];
  const files: Record<string, string> = {
    'settings.yaml': documents([...settingsConfigMaps(), keysSecret()]),
    'monitoring.yaml': documents([serviceMonitor()]),
  };
  for (const name of components) files[`${name}.yaml`] = documents([deployment(name), service(name), disruptionBudget(name), autoscaler(name)]);
  files['kustomization.yaml'] = HEADER + stringify({
    apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization',
    resources: Object.keys(files).sort(),
  });
  return files;
}

if (process.argv[1] && projectFile(process.argv[1]) === projectFile('deploy/k8s/base-manifests.ts')) {
  for (const [file, content] of Object.entries(baseManifests())) writeFileSync(projectFile(BASE_DIR, file), content);
  process.stderr.write(`k8s:manifests: ${BASE_DIR}/ written\n`);
}
