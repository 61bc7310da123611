import { createRequire } from 'node:module';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { Approval } from './approvals';

/**
 * The client contract's check: what changed between the committed contract (what clients were promised) and the
 * API schema the SDL composes to now, sorted by what it does to a client. Additions are safe; a dangerous change
 * (e.g. a value added to an enum a client may switch on) is reported; a breaking one (a field removed, an output
 * made nullable, an argument made required) fails unless schema/contract-approvals.yaml approves it with a reason.
 */
export interface ContractReport {
  breaking: Change[];
  /** Breaking changes that an approval covers. */
  approved: Change[];
  dangerous: Change[];
  safe: Change[];
}

/**
 * Schemas are taken as SDL and built by the graphql module the inspector itself loads (Node resolves its `import
 * 'graphql'` to the CommonJS build): graphql-js refuses a schema built by another copy of itself.
 */
const inspectorGraphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

export async function compareWithContract(contractSdl: string, composedSdl: string, approvals: Approval[]): Promise<ContractReport> {
  const changes = await diff(inspectorGraphql.buildSchema(contractSdl), inspectorGraphql.buildSchema(composedSdl));
  const isApproved = (c: Change) => approvals.some((a) => a.type === c.type && a.path === c.path);
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    breaking: breaking.filter((c) => !isApproved(c)),
    approved: breaking.filter(isApproved),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
  };
}

/** The lines a developer reads in the terminal or the CI log. */
export function describeReport(report: ContractReport): string[] {
  const line = (mark: string, c: Change) => `  ${mark} ${c.type} ${c.path ?? ''}: ${c.message}`;
  return [
    ...report.breaking.map((c) => line('✗ breaking, not approved:', c)),
    ...report.approved.map((c) => line('✓ breaking, approved:', c)),
    ...report.dangerous.map((c) => line('! dangerous:', c)),
    ...report.safe.map((c) => line('+ safe:', c)),
  ];
}
