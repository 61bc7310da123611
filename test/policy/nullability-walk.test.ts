import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchema } from '../../schema/api-schema';
import { fieldsThatCouldNullTheirParent } from '../../schema/partial-data';
import { readPolicy } from '../../subgraphs/runtime/policy/directives';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';

/**
 * Partial data (issue 14 item 5): no field of the supergraph may null its parent when a profile may not see it.
 * The walk (schema/partial-data.ts) reads the @allow rules of every subgraph SDL and the composed API schema; a
 * new non-null field narrower than its type's rule, or a non-null reference to a record some reader may not see,
 * fails here with its path and the profiles that would lose the record around it.
 */
describe('the supergraph', () => {
  it('has no field that a FORBIDDEN or out-of-scope null would propagate to its parent', () => {
    const found = fieldsThatCouldNullTheirParent(apiSchema(), SUBGRAPH_NAMES.map((name) => readPolicy(loadTypeDefs(name))));
    expect(found.map((f) => `${f.path} (${f.why}: ${f.profiles.join(', ')})`)).toEqual([]);
  });
});

describe('the walk', () => {
  const DIRECTIVES = 'directive @allow(profiles: [String!]!) on FIELD_DEFINITION | OBJECT\ndirective @inheritAccess on OBJECT\n';
  const walk = (sdl: string) => fieldsThatCouldNullTheirParent(buildSchema(DIRECTIVES + sdl), [readPolicy(parse(DIRECTIVES + sdl))]);

  it('finds a non-null field narrower than its type, a non-null reference to a record some reader may not see, and a root field', () => {
    const found = walk(`
      type Query {
        line: Line @allow(profiles: ["RL", "EU"])
        secret: String! @allow(profiles: ["ROA"])
      }
      type Line @allow(profiles: ["RL", "EU"]) {
        number: String!
        iccid: String! @allow(profiles: ["RL"])
        contract: Contract!
        page: Page
      }
      type Page @inheritAccess { contracts: [Contract!]! first: Contract! }
      type Contract @allow(profiles: ["RL"]) { number: String! }
    `);
    expect(found).toEqual([
      { path: 'Line.contract', why: 'record rule', profiles: ['EU'] },
      { path: 'Line.iccid', why: 'field rule', profiles: ['EU'] },
      { path: 'Page.first', why: 'record rule', profiles: ['EU'] },
      { path: 'Query.secret', why: 'field rule', profiles: expect.arrayContaining(['RL', 'EU', 'UT']) },
    ]);
  });

  it('accepts the same schema made nullable, and lists of records (they hold only covered records)', () => {
    expect(walk(`
      type Query { line: Line @allow(profiles: ["RL", "EU"]) secret: String @allow(profiles: ["ROA"]) }
      type Line @allow(profiles: ["RL", "EU"]) { number: String! iccid: String @allow(profiles: ["RL"]) contract: Contract contracts: [Contract!]! }
      type Contract @allow(profiles: ["RL"]) { number: String! }
    `)).toEqual([]);
  });
});
