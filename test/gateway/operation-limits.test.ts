import { parse, validate, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchema } from '../../schema/api-schema';
import { DEFAULT_OPERATION_LIMITS, operationLimits, type OperationLimits } from '../../gateway/limits/operation-limits';
import { readmeDashboardQuery } from '../e2e/dashboard-query';

/** The limits against the graph's API schema: the README dashboard passes with margin, abusive shapes do not. */
const api: GraphQLSchema = apiSchema();

function refusals(query: string, limits: OperationLimits = DEFAULT_OPERATION_LIMITS) {
  const document = parse(query, operationLimits(limits).parseOptions);
  return validate(api, document, operationLimits(limits).validationRules).map((e) => ({ limit: e.extensions.limit, message: e.message }));
}

const half = (l: OperationLimits): OperationLimits => ({
  maxDepth: Math.floor(l.maxDepth / 2) + 1, maxAliases: l.maxAliases / 2, maxDirectives: l.maxDirectives / 2, maxTokens: l.maxTokens / 2, maxCost: l.maxCost / 2,
});

describe('operation limits', () => {
  it('let the README dashboard through with margin: it passes at (about) half of every limit', () => {
    expect(refusals(readmeDashboardQuery(), half(DEFAULT_OPERATION_LIMITS))).toEqual([]);
  });

  it('refuse a deep operation, naming the depth limit', () => {
    const deep = '{ requests { order { request { order { request { order { request { order { request { id } } } } } } } } } }';
    expect(refusals(deep)).toContainEqual({ limit: 'depth', message: expect.stringMatching(/depth limit of 8/) });
  });

  it('refuse many aliases', () => {
    const aliased = `{ ${Array.from({ length: 11 }, (_, i) => `a${i}: viewer { username }`).join(' ')} }`;
    expect(refusals(aliased)).toContainEqual({ limit: 'aliases', message: expect.stringMatching(/Aliases limit of 10/i) });
  });

  it('refuse a costly operation', () => {
    const costly = `{ ${Array.from({ length: 8 }, (_, i) => `p${i}: mobileLines(first: 100, offset: ${i * 100}) { nodes { number status iccid tariffPlan kind residualCredit { amount updatedAt } availableTraffic { dataGbLeft minutesLeft smsLeft } } }`).join(' ')} }`;
    expect(refusals(costly, { ...DEFAULT_OPERATION_LIMITS, maxAliases: 100 })).toContainEqual({ limit: 'cost', message: expect.stringMatching(/Cost limit of 8000/) });
  });

  it('stop parsing a document of too many tokens', () => {
    const wide = `{ viewer { ${'username '.repeat(1_001)} } }`;
    expect(() => refusals(wide)).toThrow(/more th.. 1000 tokens/);
  });
});
