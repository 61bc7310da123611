import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { PROFILES, type Profile } from '../../../adapters/domain';

/**
 * The policy source: who may use each field is written in the subgraph SDL, next to the field it guards.
 *
 *   directive @allow(profiles: [String!]!) on FIELD_DEFINITION | OBJECT
 *     On a field: the profiles that may read it (on a record type: the profiles whose grants cover *that record*).
 *     On a type: the profiles that may see the type's records at all; fields without their own @allow inherit it.
 *   directive @inheritAccess on OBJECT
 *     A value type (page, address, outcome): whoever may read the field that returned it may read its fields.
 *
 * Every field of every object type must be covered by one of these; `readPolicy` refuses a schema where one is not
 * (deny by default, enforced before the subgraph starts rather than discovered in production).
 */
export const POLICY_DIRECTIVES_SDL = `
directive @allow(profiles: [String!]!) on FIELD_DEFINITION | OBJECT
directive @inheritAccess on OBJECT
`;

export type FieldPolicy =
  | { kind: 'allow'; profiles: ReadonlySet<Profile> }
  | { kind: 'inherit' }
  | { kind: 'federation' };

/** Per object type: who may see its records (type-level @allow, if any) and the policy of every field. */
export interface TypePolicy { typeAllow: ReadonlySet<Profile> | null; fields: Map<string, FieldPolicy> }
export type PolicyTable = Map<string, TypePolicy>;

/** Fields that federation itself adds; they must stay reachable for composition and entity fetches. */
const FEDERATION_FIELDS = new Set(['Query._service', 'Query._entities', '_Service.sdl']);

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
    const { fields } = entry;
    for (const field of def.fields ?? []) {
      const path = `${typeName}.${field.name.value}`;
      const own = allowedProfiles(field.directives, path);
      if (own) fields.set(field.name.value, { kind: 'allow', profiles: own });
      else if (typeAllow || typeInherits) fields.set(field.name.value, { kind: 'inherit' });
      else missing.push(path);
    }
    table.set(typeName, entry);
  }
  if (missing.length) throw new Error(`No access policy (@allow or @inheritAccess) for: ${missing.join(', ')}`);
  return table;
}

export function isFederationField(typeName: string, fieldName: string): boolean {
  return FEDERATION_FIELDS.has(`${typeName}.${fieldName}`);
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
