import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/**
 * `kubectl kustomize`, for the subset this repository's kustomizations use (kubectl is not part of the toolchain):
 * `resources` (files, and folders holding a kustomization), `namespace`, `images` and `patches` given as a `path` to
 * strategic-merge patches. Any other field is refused rather than ignored, so that a kustomization using one
 * cannot pass the manifests' test with a rendering the cluster would not make.
 */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

interface Kustomization {
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string }[];
}
const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);

export function kustomize(dir: string): K8sObject[] {
  const [spec] = readYaml(join(dir, 'kustomization.yaml')) as [Kustomization & Record<string, unknown>];
  const unsupported = Object.keys(spec).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length) throw new Error(`${dir}/kustomization.yaml: ${unsupported.join(', ')} not supported by deploy/k8s/kustomize.ts`);
  let objects = (spec.resources ?? []).flatMap((entry) => {
    const path = resolve(dir, entry);
    return statSync(path).isDirectory() ? kustomize(path) : (readYaml(path) as K8sObject[]);
  });
  for (const patch of spec.patches ?? []) {
    for (const change of readYaml(resolve(dir, patch.path)) as K8sObject[]) {
      const target = objects.find((o) => o.kind === change.kind && o.metadata.name === change.metadata.name);
      if (!target) throw new Error(`${patch.path}: no ${change.kind} ${change.metadata.name} to patch`);
      objects = objects.map((o) => (o === target ? (strategicMerge(o, change) as K8sObject) : o));
    }
  }
  if (spec.namespace) objects = objects.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: spec.namespace } }));
  for (const image of spec.images ?? []) objects = objects.map((o) => (withImage(o, image) as K8sObject));
  return objects;
}

function readYaml(path: string): unknown[] {
  return parseAllDocuments(readFileSync(path, 'utf8')).map((doc) => {
    if (doc.errors.length) throw new Error(`${path}: ${doc.errors[0].message}`);
    return doc.toJS() as unknown;
  }).filter((doc) => doc !== null);
}

/** Maps merge key by key; lists of named items (containers, ports, env) merge by name; other lists are replaced. */
function strategicMerge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch) && patch.every(isNamed) && base.every(isNamed)) {
    const merged = base.map((item) => {
      const change = patch.find((p) => p.name === item.name);
      return change ? strategicMerge(item, change) : item;
    });
    return [...merged, ...patch.filter((p) => !base.some((item) => item.name === p.name))];
  }
  if (isMap(base) && isMap(patch)) {
    return Object.fromEntries([...new Set([...Object.keys(base), ...Object.keys(patch)])]
      .map((key) => [key, key in patch ? strategicMerge(base[key], patch[key]) : base[key]]));
  }
  return patch;
}

/** `images:` rewrites every container image named `name` (with or without a tag). */
function withImage(node: unknown, image: { name: string; newName?: string; newTag?: string }): unknown {
  if (Array.isArray(node)) return node.map((item) => withImage(item, image));
  if (!isMap(node)) return node;
  const rewritten = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withImage(value, image)]));
  if (typeof node.image === 'string' && 'name' in node) {
    const [name, tag] = node.image.split(':');
    if (name === image.name) rewritten.image = `${image.newName ?? name}:${image.newTag ?? tag ?? 'latest'}`;
  }
  return rewritten;
}

const isMap = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNamed = (value: unknown): value is { name: string } => isMap(value) && typeof value.name === 'string';
