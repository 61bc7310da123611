import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { contractReport } from './contract-file';
import { describeReport } from './breaking-changes';

/**
 * `npm run contract:check` (CI): the committed supergraph's API schema against the committed contract. Fails on a
 * breaking change not approved in schema/contract-approvals.yaml; prints the dangerous ones. Additions pass: the
 * contract catches up at the next `npm run compose`.
 */
const supergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
const { report } = await contractReport(readFileSync(supergraphPath, 'utf8'), supergraphPath);
for (const line of describeReport(report)) console.log(line);
if (report.breaking.length > 0) {
  console.error(`✗ ${report.breaking.length} breaking change(s) of the client contract not approved (schema/contract-approvals.yaml).`);
  process.exit(1);
}
const pending = report.safe.length + report.dangerous.length + report.approved.length;
console.log(pending ? `✓ no unapproved breaking change; ${pending} change(s) not yet in schema/api-schema.graphql: run npm run compose.` : '✓ the API schema is the committed contract.');
