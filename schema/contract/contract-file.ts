import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { apiSchemaOf, printContract } from '../api-schema';
import { readApprovals } from './approvals';
import { compareWithContract, describeReport, type ContractReport } from './breaking-changes';

/**
 * The client contract: the API schema, committed beside the supergraph (schema/api-schema.graphql), what editors
 * (.graphqlrc.yml) and client codegen point at; its approvals file beside it.
 */
export function contractFiles(supergraphPath: string): { contract: string; approvals: string } {
  return { contract: join(dirname(supergraphPath), 'api-schema.graphql'), approvals: join(dirname(supergraphPath), 'contract-approvals.yaml') };
}

/** The committed contract against the API schema of `supergraphSdl`. */
export async function contractReport(supergraphSdl: string, supergraphPath: string): Promise<{ report: ContractReport; composed: string }> {
  const files = contractFiles(supergraphPath);
  const composed = printContract(apiSchemaOf(supergraphSdl));
  const contract = existsSync(files.contract) ? readFileSync(files.contract, 'utf8') : composed;
  const report = await compareWithContract(contract, composed, readApprovals(files.approvals));
  return { report, composed };
}

/**
 * `npm run compose`: rewrites the contract from the new supergraph, unless that would break clients without an
 * approval (then it prints the changes and throws, and the contract stays as it was).
 */
export async function updateContract(supergraphSdl: string, supergraphPath: string): Promise<string[]> {
  const { report, composed } = await contractReport(supergraphSdl, supergraphPath);
  const lines = describeReport(report);
  if (report.breaking.length > 0) {
    throw new Error(`The API schema breaks the client contract (${report.breaking.length} change(s) not approved):\n${lines.join('\n')}\n`
      + 'Keep the fields clients use, or approve each change with a reason in schema/contract-approvals.yaml.');
  }
  writeFileSync(contractFiles(supergraphPath).contract, composed);
  return lines;
}
