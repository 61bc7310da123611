import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareWithContract } from '../../schema/contract/breaking-changes';
import { contractReport } from '../../schema/contract/contract-file';

/**
 * The client contract (issue 14 item 3): what clients were promised (schema/api-schema.graphql) against what the
 * SDL composes to. CI runs the same check (`npm run contract:check`).
 */
const CONTRACT = `
  type Query { line(number: String!): Line }
  type Line { number: String! status: Status! plan: String! }
  enum Status { ACTIVE CEASED }
`;

describe('the breaking-change check', () => {
  it('lets additions through', async () => {
    const report = await compareWithContract(CONTRACT, `
      type Query { line(number: String!): Line lines: [Line!]! }
      type Line { number: String! status: Status! plan: String! iccid: String }
      enum Status { ACTIVE CEASED }`, []);
    expect(report.breaking).toEqual([]);
    expect(report.safe.map((c) => c.path)).toEqual(expect.arrayContaining(['Query.lines', 'Line.iccid']));
  });

  it('fails on a removed field and on an output made nullable, naming each', async () => {
    const report = await compareWithContract(CONTRACT, `
      type Query { line(number: String!): Line }
      type Line { number: String! status: Status! plan: String }
      enum Status { ACTIVE CEASED }`.replace('number: String! status', 'status'), []);
    expect(report.breaking.map((c) => `${c.type} ${c.path}`).sort()).toEqual(['FIELD_REMOVED Line.number', 'FIELD_TYPE_CHANGED Line.plan']);
  });

  it('passes a breaking change approved with its type and path, and only that one', async () => {
    const report = await compareWithContract(CONTRACT, `
      type Query { line(number: String!): Line }
      type Line { number: String status: Status! plan: String }
      enum Status { ACTIVE CEASED }`, [{ type: 'FIELD_TYPE_CHANGED', path: 'Line.plan', reason: 'a profile may not see it' }]);
    expect(report.approved.map((c) => c.path)).toEqual(['Line.plan']);
    expect(report.breaking.map((c) => c.path)).toEqual(['Line.number']);
  });

  it('prints a dangerous change (a value a client may switch on) without failing', async () => {
    const report = await compareWithContract(CONTRACT, `
      type Query { line(number: String!): Line }
      type Line { number: String! status: Status! plan: String! }
      enum Status { ACTIVE CEASED SUSPENDED }`, []);
    expect(report.breaking).toEqual([]);
    expect(report.dangerous.map((c) => c.type)).toEqual(['ENUM_VALUE_ADDED']);
  });
});

describe('the committed contract', () => {
  it('is not broken by the committed supergraph without an approval', async () => {
    const path = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
    const { report } = await contractReport(readFileSync(path, 'utf8'), path);
    expect(report.breaking.map((c) => `${c.type} ${c.path}: ${c.message}`)).toEqual([]);
  });

  it('has no federation machinery', () => {
    const contract = readFileSync(new URL('../../schema/api-schema.graphql', import.meta.url), 'utf8');
    expect(contract).not.toMatch(/join__|link__|@join|_Entity|_Service/);
    expect(contract).toContain('type Query');
  });
});
