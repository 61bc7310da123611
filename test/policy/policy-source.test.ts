import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { withPolicyTable } from '../../schema/policy-table';
import { ACCOUNT_RECORD_TYPES } from '../../subgraphs/account/reach';
import { readPolicy } from '../../subgraphs/runtime/policy/directives';
import { buildProtectedSchema, type Resolvers, type SubgraphContext } from '../../subgraphs/runtime/server';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';

/**
 * The policy source is the @allow / @inheritAccess directives of the subgraph SDL. These tests keep it whole: every
 * field the supergraph serves has a rule, a subgraph with a field left out refuses to start, the README table is the
 * policy that runs, and the federation internals stay reachable through the shield.
 */
// @apollo/subgraph builds the schema with the CommonJS graphql; it must be executed with that same copy.
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('the policy source', () => {
  it('has a rule for every field and mutation of the supergraph', () => {
    const covered = new Set<string>();
    for (const name of SUBGRAPH_NAMES) {
      for (const [typeName, { fields }] of readPolicy(loadTypeDefs(name))) for (const field of fields.keys()) covered.add(`${typeName}.${field}`);
    }
    const served: string[] = [];
    for (const def of parse(read('../../schema/supergraph.graphql')).definitions) {
      if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || /^(join|link)__/.test(def.name.value)) continue;
      for (const field of (def as ObjectTypeDefinitionNode).fields ?? []) served.push(`${def.name.value}.${field.name.value}`);
    }
    expect(served.length).toBeGreaterThan(100);
    expect(served).toContain('Mutation.blockSim');
    expect(served.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('refuses a subgraph SDL that leaves a field without a rule, naming it', () => {
    const sdl = read('../../schema/billing.graphql').replace(/(invoice\(.*?\): Invoice) @allow\(profiles: \[[^\]]*\]\)/, '$1');
    expect(sdl).not.toEqual(read('../../schema/billing.graphql'));
    expect(() => readPolicy(parse(sdl))).toThrow(/No access policy .* Query\.invoice\b/);
  });

  it('refuses a rule naming a profile that does not exist', () => {
    const sdl = read('../../schema/billing.graphql').replace('@allow(profiles: ["RL", ', '@allow(profiles: ["ADMIN", ');
    expect(() => readPolicy(parse(sdl))).toThrow(/unknown profiles: ADMIN/);
  });

  it('refuses a field rule on a record type the subgraph cannot place (it would be decided on any grant)', () => {
    expect(() => buildProtectedSchema('account', {} as Resolvers)).toThrow(/(Company|Contract)\.\w+ has its own @allow/);
    expect(() => buildProtectedSchema('account', {} as Resolvers, ACCOUNT_RECORD_TYPES)).not.toThrow();
  });

  it('is what the table of docs/who-sees-what.md shows', () => {
    const page = read('../../docs/who-sees-what.md');
    expect(withPolicyTable(page)).toBe(page);
  });

  it('lets the federation internals through the shield for a caller with no grants, and nothing else', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const { schema } = buildProtectedSchema(name, {} as Resolvers, name === 'account' ? ACCOUNT_RECORD_TYPES : {});
      const contextValue = { identity: { userId: 'u', username: 'u', name: 'U', grants: [] } } as unknown as SubgraphContext;
      const service = await graphql({ schema, source: '{ _service { sdl } }', contextValue });
      expect(service.errors, name).toBeUndefined();
      expect((service.data?._service as { sdl: string }).sdl).toContain('@key');
    }
    const { schema } = buildProtectedSchema('tracking', {} as Resolvers);
    const contextValue = { identity: { userId: 'u', username: 'u', name: 'U', grants: [] } } as unknown as SubgraphContext;
    const denied = await graphql({ schema, source: '{ orders { id } }', contextValue });
    expect(denied.data).toEqual({ orders: null });
    expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
