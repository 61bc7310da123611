import {
  getNamedType, isAbstractType, isListType, isNonNullType, isObjectType, type GraphQLField, type GraphQLNamedType,
  type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { PROFILES, type Profile } from '../adapters/domain';
import type { PolicyTable } from '../subgraphs/runtime/policy/directives';

/**
 * Partial data a frontend can rely on (issue 14 item 5): a field a profile may not see answers `null` with
 * `FORBIDDEN`, and a reference to a record the viewer may not see answers `null`; GraphQL then nulls the nearest
 * nullable ancestor, so such a field must itself be nullable or it takes the record (or the list, or the whole
 * `data`) around it down with it.
 *
 * This walks the API schema from Query and Mutation with the policy table of the SDL @allow rules, working out
 * which profiles can reach each type (a record type: its type-level rule; a value type such as a page or an
 * outcome: whoever may read a field that returns it), and lists every non-null field that could be null for one of
 * them:
 * - `field rule`: the field has an @allow of its own that leaves out a profile that sees its parent (the shield
 *   answers FORBIDDEN);
 * - `record rule`: the field returns one record (not a list: lists hold only covered records) of a type whose rule
 *   leaves out a profile that reaches the field (the record's subgraph answers null).
 * Mutation fields themselves are left out: a refused mutation's error is its whole answer.
 */
export interface NullingField {
  /** `Type.field`. */
  path: string;
  why: 'field rule' | 'record rule';
  /** The profiles that would get null there. */
  profiles: Profile[];
}

const ALL: ReadonlySet<Profile> = new Set(PROFILES);

export function fieldsThatCouldNullTheirParent(schema: GraphQLSchema, tables: PolicyTable[]): NullingField[] {
  const policy = mergedPolicy(tables);
  const reach = reachingProfiles(schema, policy);
  const found: NullingField[] = [];
  for (const [typeName, seeing] of reach) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    if (type === schema.getMutationType()) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isNonNullType(field.type)) continue;
      const path = `${typeName}.${field.name}`;
      const own = policy.fieldAllow.get(path);
      const narrowedOut = own ? minus(seeing, own) : [];
      if (narrowedOut.length) found.push({ path, why: 'field rule', profiles: narrowedOut });
      const target = getNamedType(field.type);
      const recordRule = policy.typeAllow.get(target.name);
      if (recordRule && !isListType(field.type.ofType)) {
        const unseen = minus(intersect(seeing, own ?? ALL), recordRule);
        if (unseen.length) found.push({ path, why: 'record rule', profiles: unseen });
      }
    }
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

interface MergedPolicy {
  /** Type-level @allow, whichever subgraph declares it (they agree: recordProfiles checks it). */
  typeAllow: Map<string, ReadonlySet<Profile>>;
  /** A field's own @allow, by `Type.field`. */
  fieldAllow: Map<string, ReadonlySet<Profile>>;
}

function mergedPolicy(tables: PolicyTable[]): MergedPolicy {
  const merged: MergedPolicy = { typeAllow: new Map(), fieldAllow: new Map() };
  for (const table of tables) {
    for (const [typeName, { typeAllow, fields }] of table) {
      if (typeAllow) merged.typeAllow.set(typeName, typeAllow);
      for (const [fieldName, p] of fields) if (p.kind === 'allow' && p.from === 'field') merged.fieldAllow.set(`${typeName}.${fieldName}`, p.profiles);
    }
  }
  return merged;
}

/** For every object type reachable from the roots, the profiles that may see its fields (a fixpoint over the edges). */
function reachingProfiles(schema: GraphQLSchema, policy: MergedPolicy): Map<string, ReadonlySet<Profile>> {
  const reach = new Map<string, Set<Profile>>();
  const queue: GraphQLObjectType[] = [];
  const add = (type: GraphQLObjectType, profiles: Iterable<Profile>) => {
    const current = reach.get(type.name) ?? new Set<Profile>();
    const before = current.size;
    for (const p of profiles) current.add(p);
    reach.set(type.name, current);
    if (current.size > before) queue.push(type);
  };
  for (const root of [schema.getQueryType(), schema.getMutationType()]) if (root) add(root, ALL);
  const seeing = (type: GraphQLObjectType) => policy.typeAllow.get(type.name) ?? reach.get(type.name)!;
  while (queue.length) {
    const type = queue.shift()!;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const visible = intersect(seeing(type), policy.fieldAllow.get(`${type.name}.${field.name}`) ?? ALL);
      for (const target of objectTypes(schema, getNamedType(field.type))) add(target, visible);
    }
  }
  return new Map([...reach].map(([name, profiles]) => [name, policy.typeAllow.get(name) ?? profiles]));
}

function objectTypes(schema: GraphQLSchema, type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  return isAbstractType(type) ? schema.getPossibleTypes(type) : [];
}

const intersect = (a: ReadonlySet<Profile>, b: ReadonlySet<Profile>): ReadonlySet<Profile> => new Set([...a].filter((p) => b.has(p)));
const minus = (a: ReadonlySet<Profile>, b: ReadonlySet<Profile>): Profile[] => [...a].filter((p) => !b.has(p));
