import type { Profile } from '../../../adapters/domain';
import { loadTypeDefs, SUBGRAPH_NAMES } from '../sdl';
import { readPolicy } from './directives';

/**
 * Who may see records of a type at all: the type-level @allow of the SDL, the same for every subgraph that declares
 * the type (MobileLine is served by mobile and extended by consumption). Record scoping (records.ts) lists and looks
 * records up with it, so a record a resolver returns is already one a type-allowed profile covers, and the shield
 * need not check the type's fields again one row at a time.
 */
let table: ReadonlyMap<string, ReadonlySet<Profile>> | undefined;

export function recordProfiles(typeName: string): ReadonlySet<Profile> {
  table ??= readRecordProfiles();
  const profiles = table.get(typeName);
  if (!profiles) throw new Error(`${typeName} has no type-level @allow in any subgraph SDL`);
  return profiles;
}

function readRecordProfiles(): Map<string, ReadonlySet<Profile>> {
  const found = new Map<string, { profiles: ReadonlySet<Profile>; subgraph: string }>();
  for (const subgraph of SUBGRAPH_NAMES) {
    for (const [typeName, { typeAllow }] of readPolicy(loadTypeDefs(subgraph))) {
      if (!typeAllow) continue;
      const other = found.get(typeName);
      if (other && !sameSet(other.profiles, typeAllow)) {
        throw new Error(`${typeName}: the type-level @allow of ${subgraph} differs from that of ${other.subgraph}; a record has one rule`);
      }
      found.set(typeName, { profiles: typeAllow, subgraph });
    }
  }
  return new Map([...found].map(([typeName, { profiles }]) => [typeName, profiles]));
}

const sameSet = (a: ReadonlySet<Profile>, b: ReadonlySet<Profile>) => a.size === b.size && [...a].every((p) => b.has(p));
