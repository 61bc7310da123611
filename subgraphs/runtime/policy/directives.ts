import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { PROFILES, type Profile } from '../../../adapters/domain';

/**
 * The policy source: who may use each field is written in the subgraph SDL, next to the field it guards.
 *
 *   directive @allow(profiles: [String!]!) on FIELD_DEFINITION | OBJECT
 *     On a field: the profiles that may read it (on a record type: the profiles the viewer holds *on that record*).
 *     On a type: the profiles that may see the type's records at all; fields without their own @allow take it.
 *   directive @inheritAccess on OBJECT
 *     A value type (page, address, outcome) or a reference by key: whoever may read the field that returned it may
 *     read its fields. Only these fields go unchecked.
 *
 * Every field of every object type must be covered by one of these; `readPolicy` refuses a schema where one is not
 * (deny by default, enforced before the subgraph starts rather than discovered in production).
 */
export type FieldPolicy =
  | { kind: 'allow'; profiles: ReadonlySet<Profile>; from: 'field' | 'type' }
  | { kind: 'inherit' };

/** Per object type: who may see its records (type-level @allow, if any) and the policy of every field. */
export interface TypePolicy { typeAllow: ReadonlySet<Profile> | null; fields: Map<string, FieldPolicy> }
export type PolicyTable = Map<string, TypePolicy>;

export function readPolicy(typeDefs: DocumentNode): PolicyTable {
  const table: PolicyTable = new Map();
  const missing: string[] = [];
  for (const def of typeDefs.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = def.name.value;
    const typeAllow = allowedProfiles(def.directives, typeName);
    const typeInherits = def.directives?.some((d) => d.name.value === 'inheritAccess') ?? false;
    const entry = table.get(typeName) ?? { typeAllow: null, fields: new Map<string, FieldPolicy>() };
    entry.typeAllow ??= typeAllow;
    for (const field of def.fields ?? []) {
      const path = `${typeName}.${field.name.value}`;
      const own = allowedProfiles(field.directives, path);
      if (own) entry.fields.set(field.name.value, { kind: 'allow', profiles: own, from: 'field' });
      else if (typeAllow) entry.fields.set(field.name.value, { kind: 'allow', profiles: typeAllow, from: 'type' });
      else if (typeInherits) entry.fields.set(field.name.value, { kind: 'inherit' });
      else missing.push(path);
    }
    table.set(typeName, entry);
  }
  if (missing.length) throw new Error(`No access policy (@allow or @inheritAccess) for: ${missing.join(', ')}`);
  return table;
}

/**
 * The profiles that may use a field, for resolvers that decide on a record the field does not return (a mutation
 * acts on a line it receives by number): the same directive, so the rule still lives in one place.
 */
export function profilesAllowed(policy: PolicyTable, typeName: string, fieldName: string): ReadonlySet<Profile> {
  const field = policy.get(typeName)?.fields.get(fieldName);
  if (field?.kind !== 'allow') throw new Error(`${typeName}.${fieldName} has no @allow in this subgraph's SDL`);
  return field.profiles;
}

function allowedProfiles(directives: readonly ConstDirectiveNode[] | undefined, where: string): ReadonlySet<Profile> | null {
  const allow = directives?.find((d) => d.name.value === 'allow');
  if (!allow) return null;
  const arg = allow.arguments?.find((a) => a.name.value === 'profiles');
  if (!arg || arg.value.kind !== Kind.LIST) throw new Error(`@allow on ${where} needs profiles: [...]`);
  const profiles = arg.value.values.map((v) => (v.kind === Kind.STRING ? v.value : ''));
  const unknown = profiles.filter((p) => !(PROFILES as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`@allow on ${where} names unknown profiles: ${unknown.join(', ')}`);
  return new Set(profiles as Profile[]);
}
