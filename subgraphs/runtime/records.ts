import type { Grant, Profile, RecordFilter } from '../../adapters/domain';
import type { Identity } from './identity';
import { recordProfiles } from './policy/record-profiles';

/**
 * Record scoping: which records a user's grants cover. Resolvers ask it for a CRM filter when they list, and for a
 * verdict when they look a record up by id. A record outside the grants is answered exactly as one that does not
 * exist. Which profiles see a kind of record at all is the type-level @allow of the SDL (record-profiles.ts); this
 * file adds the seeds' rule of how a profile reaches a record (spec/profiles.md §1-§4): own-line profiles only
 * through the grant on their own line.
 */
export const RECORD_KINDS = ['Company', 'Contract', 'MobileLine', 'FixedLine', 'Invoice', 'Order', 'Request'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** UT, UTD (seed 001) and the CM8 EU (seed 002 §9) hold one line: whatever they see, they reach through it. */
const OWN_LINE_PROFILES: ReadonlySet<Profile> = new Set(['UT', 'UTD', 'EU']);
/** AL sees the company's invoices, orders and requests, but among the lines only his own (seed 001). */
const OWN_LINE_AMONG_LINES: ReadonlySet<Profile> = new Set(['AL']);
const LINE_KINDS: ReadonlySet<RecordKind> = new Set(['MobileLine', 'FixedLine']);

function reachesOnlyThroughOwnLine(profile: Profile, kind: RecordKind): boolean {
  return OWN_LINE_PROFILES.has(profile) || (LINE_KINDS.has(kind) && OWN_LINE_AMONG_LINES.has(profile));
}

/**
 * The grants of the identity that cover records of this kind; with `through`, only those of these profiles: a list
 * or look-up field narrower than its record type (the CM8 histories are the ROA's, though an EU or a TRAFFIC_MANAGER
 * reads the pratica his own change created) lists with the grants of its own @allow, or a user holding both would
 * read, through his ROA grant, what he sees only as an EU.
 */
export function grantsFor(identity: Identity, kind: RecordKind, through?: ReadonlySet<Profile>): Grant[] {
  const allowed = recordProfiles(kind);
  return identity.grants.filter((g) => allowed.has(g.profile) && (!through || through.has(g.profile))
    && (g.scope.kind === 'LINE' || !reachesOnlyThroughOwnLine(g.profile, kind)));
}

/** The CRM filter that lists exactly the records of this kind the identity may see; null when he sees none. */
export function recordFilter(identity: Identity, kind: RecordKind, through?: ReadonlySet<Profile>): RecordFilter | null {
  const grants = grantsFor(identity, kind, through);
  if (grants.length === 0) return null;
  const ids = (k: Grant['scope']['kind']) => [...new Set(grants.filter((g) => g.scope.kind === k).map((g) => g.scope.id))];
  const filter: RecordFilter = {};
  if (ids('COMPANY').length) filter.companyIds = ids('COMPANY');
  if (ids('CONTRACT').length) filter.contractNumbers = ids('CONTRACT');
  if (ids('LINE').length) filter.lineNumbers = ids('LINE');
  return filter;
}

/** Where a record sits; a record is covered when any grant names its company, its contract or its line. */
export interface RecordPlace { companyId: string; contractNumber?: string | null; lineNumber?: string | null }

export function covers(identity: Identity, kind: RecordKind, place: RecordPlace, through?: ReadonlySet<Profile>): boolean {
  return profilesOn(identity, kind, place, through).size > 0;
}

/** The profiles whose grants cover this record: the basis of per-field decisions on it. */
export function profilesOn(identity: Identity, kind: RecordKind, place: RecordPlace, through?: ReadonlySet<Profile>): Set<Profile> {
  return new Set(grantsFor(identity, kind, through).filter((g) =>
    (g.scope.kind === 'COMPANY' && g.scope.id === place.companyId)
    || (g.scope.kind === 'CONTRACT' && g.scope.id === place.contractNumber)
    || (g.scope.kind === 'LINE' && g.scope.id === place.lineNumber)).map((g) => g.profile));
}
