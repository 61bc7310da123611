import type { GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import { applyMiddleware } from 'graphql-middleware';
import type { IMiddleware } from 'graphql-middleware';
import type { Profile } from '../../../adapters/domain';
import { forbidden } from '../../../adapters/errors';
import { profilesOn } from '../records';
import type { SubgraphContext } from '../server';
import { isFederationField, type PolicyTable } from './directives';
import type { RecordTypes } from './record-types';

export interface ShieldOptions {
  /**
   * Leave fields whose policy is only "inherit" without middleware. Their parent record was already scoped by the
   * resolver that returned it, so a check would always pass; skipping it saves a promise per field per row.
   */
  skipInherited: boolean;
}

/**
 * Generates the graphql-shield rules from the policy table and applies them. graphql-shield is kept behind this
 * one function so that it can be replaced without touching a resolver or an SDL file.
 */
export function protectSchema(schema: GraphQLSchema, policy: PolicyTable, recordTypes: RecordTypes, options: ShieldOptions): GraphQLSchema {
  const ruleCache = new Map<string, ReturnType<ReturnType<typeof rule>>>();
  const ruleFor = (typeName: string, profiles: ReadonlySet<Profile>) => {
    const locate = recordTypes[typeName];
    const key = `${locate ? typeName : '*'}:${[...profiles].sort().join(',')}`;
    let r = ruleCache.get(key);
    if (!r) {
      r = rule(`allow:${key}`, { cache: 'no_cache' })((parent, _args, ctx: SubgraphContext) => {
        if (!locate) return ctx.identity.grants.some((g) => profiles.has(g.profile));
        const { kind, place } = locate(parent);
        for (const p of profilesOn(ctx.identity, kind, place)) if (profiles.has(p)) return true;
        return false;
      });
      ruleCache.set(key, r);
    }
    return r;
  };

  const tree: Record<string, Record<string, unknown>> = {};
  const inherited: [string, string][] = [];
  for (const [typeName, { fields }] of policy) {
    if (!schema.getType(typeName)) continue;
    tree[typeName] = {};
    for (const [fieldName, fieldPolicy] of fields) {
      if (fieldPolicy.kind === 'allow') tree[typeName][fieldName] = ruleFor(typeName, fieldPolicy.profiles);
      else {
        tree[typeName][fieldName] = allow;
        inherited.push([typeName, fieldName]);
      }
    }
  }
  // Federation internals: explicitly allowed, or composition and entity fetches break.
  tree.Query ??= {};
  tree.Query._service = allow;
  tree.Query._entities = allow;
  tree._Service = { sdl: allow };

  const permissions = shield(tree as never, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: (_err, _parent, _args, _ctx, info) => forbidden(`${info.parentType.name}.${info.fieldName}`),
  });
  const middleware = permissions.generate(schema) as IMiddleware;
  if (options.skipInherited) {
    for (const [typeName, fieldName] of inherited) {
      const fields = (middleware as Record<string, Record<string, unknown>>)[typeName];
      if (fields && !isFederationField(typeName, fieldName)) delete fields[fieldName];
    }
  }
  return applyMiddleware(schema, middleware);
}
