import type { GraphQLSchema } from 'graphql';
import { allow, deny, rule, shield } from 'graphql-shield';
import { applyMiddleware, type IMiddleware } from 'graphql-middleware';
import type { Profile } from '../../../adapters/domain';
import { forbidden } from '../../../adapters/errors';
import { RECORD_KINDS } from '../records';
import type { SubgraphContext } from '../server';
import type { PolicyTable } from './directives';
import type { RecordProfiles, RecordTypes } from './record-types';

/**
 * Generates the graphql-shield rules from the policy table and applies them. graphql-shield is kept behind this
 * one function so that it can be replaced without touching a resolver or an SDL file.
 *
 * - A field of a record type (Company, MobileLine, Invoice...) with an @allow of its own is decided by the profiles
 *   the viewer holds on *that record*: the same user may read a field on one line and not on another.
 * - Any other field with an @allow of its own (Query, Mutation, Viewer) is decided by the profiles the viewer holds
 *   anywhere; the resolver then scopes the records it returns.
 * - Fields that take their type's @allow, and fields of @inheritAccess value types, get no middleware: record
 *   scoping (records.ts) returns only records a type-allowed profile covers, reading the same directive, and a value
 *   was reached through a field that passed its rule. A check per field per row would only cost time.
 */
export function protectSchema(schema: GraphQLSchema, policy: PolicyTable, recordTypes: RecordTypes): GraphQLSchema {
  const tree: Record<string, Record<string, unknown>> = {};
  const unchecked: [string, string][] = [];
  const rules = new Map<string, unknown>();
  for (const [typeName, { fields }] of policy) {
    if (!schema.getType(typeName)) continue;
    tree[typeName] = {};
    for (const [fieldName, fieldPolicy] of fields) {
      if (fieldPolicy.kind === 'inherit' || fieldPolicy.from === 'type') {
        tree[typeName][fieldName] = allow;
        unchecked.push([typeName, fieldName]);
        continue;
      }
      const onRecord = recordTypes[typeName];
      // Decided on "any grant", a field rule of a record type would let a user read it on records of other scopes.
      if (!onRecord && (RECORD_KINDS as readonly string[]).includes(typeName)) {
        throw new Error(`${typeName}.${fieldName} has its own @allow, but this subgraph cannot tell the viewer's profiles on a ${typeName}`);
      }
      const key = `${onRecord ? typeName : '*'}:${[...fieldPolicy.profiles].sort().join(',')}`;
      if (!rules.has(key)) rules.set(key, profileRule(key, fieldPolicy.profiles, onRecord));
      tree[typeName][fieldName] = rules.get(key);
    }
  }
  // Federation internals: explicitly allowed, or composition and entity fetches break. Each entity's
  // __resolveReference scopes what _entities returns.
  tree.Query ??= {};
  tree.Query._service = allow;
  tree.Query._entities = allow;
  tree._Service = { sdl: allow };

  const permissions = shield(tree as never, {
    fallbackRule: deny,
    // Errors thrown by resolvers (LEGACY_UNAVAILABLE, BAD_USER_INPUT...) reach the client as they are.
    allowExternalErrors: true,
    fallbackError: (_err, _parent, _args, _ctx, info) => forbidden(`${info.parentType.name}.${info.fieldName}`),
  });
  const middleware = permissions.generate(schema) as Record<string, Record<string, unknown>>;
  for (const [typeName, fieldName] of unchecked) delete middleware[typeName]?.[fieldName];
  return applyMiddleware(schema, middleware as IMiddleware);
}

function profileRule(name: string, allowed: ReadonlySet<Profile>, onRecord: RecordProfiles | undefined) {
  return rule(name, { cache: 'no_cache' })(async (parent, _args, context: SubgraphContext) => {
    const held = onRecord ? await profilesOnRecord(onRecord, parent, context) : anyGrantProfiles(context);
    for (const profile of held) if (allowed.has(profile)) return true;
    return false;
  });
}

/** The profiles held anywhere, computed once per request. */
const heldAnywhere = new WeakMap<SubgraphContext, ReadonlySet<Profile>>();
function anyGrantProfiles(context: SubgraphContext): ReadonlySet<Profile> {
  let held = heldAnywhere.get(context);
  if (!held) heldAnywhere.set(context, (held = new Set(context.identity.grants.map((g) => g.profile))));
  return held;
}

/** A row's profiles are asked by each of its fields: computed once per record object per request. */
const heldOnRecord = new WeakMap<SubgraphContext, WeakMap<object, ReadonlySet<Profile> | Promise<ReadonlySet<Profile>>>>();
function profilesOnRecord(onRecord: RecordProfiles, parent: object, context: SubgraphContext) {
  let perRecord = heldOnRecord.get(context);
  if (!perRecord) heldOnRecord.set(context, (perRecord = new WeakMap()));
  let held = perRecord.get(parent);
  if (!held) perRecord.set(parent, (held = onRecord(parent, context)));
  return held;
}
