import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/**
 * schema/contract-approvals.yaml: the breaking changes of the client contract someone decided to make, each with
 * its reason. A change is named as @graphql-inspector/core names it: its `type` (e.g. FIELD_REMOVED,
 * FIELD_TYPE_CHANGED) and its `path` (e.g. MobileLine.contract).
 */
export interface Approval {
  type: string;
  path: string;
  reason: string;
}

/** No file: nothing approved. */
export function readApprovals(path: string): Approval[] {
  if (!existsSync(path)) return [];
  const raw = parseYaml(readFileSync(path, 'utf8')) as { approved?: unknown } | null;
  const list = raw?.approved ?? [];
  if (!Array.isArray(list)) throw new Error('contract-approvals.yaml: `approved` must be a list');
  return list.map((entry: Partial<Approval>, i) => {
    if (!entry?.type || !entry.path || !entry.reason?.trim()) {
      throw new Error(`contract-approvals.yaml: approved[${i}] needs type, path and a reason`);
    }
    return { type: entry.type, path: entry.path, reason: entry.reason };
  });
}
