import type { Grant, Profile, RecordFilter, ScopeKind } from '../../adapters/domain';
import type { Identity } from './identity';

/**
 * Record scoping: which records a user's grants cover, per kind of record. This is the single place that knows it
 * (spec/profiles.md §1-§4); resolvers ask it for a CRM filter when they list, and for a verdict when they look a
 * record up by id. A record outside the grants is answered exactly as a record that does not exist.
 *
 * Each entry says, for a kind of record, which profiles see it and through which scope kinds. "Own line"
 * profiles (AL for lines, UT, UTD, EU) only count through a LINE grant.
 */
export type RecordKind = 'company' | 'contract' | 'line' | 'invoice' | 'order' | 'request';

const ALL_SCOPES: ScopeKind[] = ['COMPANY', 'CONTRACT', 'LINE'];
const LINE_ONLY: ScopeKind[] = ['LINE'];

const RECORD_SCOPES: Record<RecordKind, Partial<Record<Profile, ScopeKind[]>>> = {
  company: { RL: ALL_SCOPES, AF: ALL_SCOPES, AL: ALL_SCOPES, UT: LINE_ONLY, UTD: LINE_ONLY, HOLDING: ALL_SCOPES, ROA: ALL_SCOPES },
  contract: { RL: ALL_SCOPES, AF: ALL_SCOPES, AL: ALL_SCOPES, UT: LINE_ONLY, UTD: LINE_ONLY, CC: ALL_SCOPES, HOLDING: ALL_SCOPES, ROA: ALL_SCOPES, REF_EBILL: ALL_SCOPES },
  line: { RL: ALL_SCOPES, AF: ALL_SCOPES, AL: LINE_ONLY, UT: LINE_ONLY, UTD: LINE_ONLY, HOLDING: ALL_SCOPES, ROA: ALL_SCOPES, REF_EBILL: ALL_SCOPES, TRAFFIC_MANAGER: ALL_SCOPES, EU: LINE_ONLY },
  invoice: { RL: ALL_SCOPES, AF: ALL_SCOPES, AL: ALL_SCOPES, CC: ALL_SCOPES, HOLDING: ALL_SCOPES, ROA: ALL_SCOPES, REF_EBILL: ALL_SCOPES },
  order: { RL: ALL_SCOPES, AF: ALL_SCOPES, AL: ALL_SCOPES, UT: LINE_ONLY, UTD: LINE_ONLY, CC: ALL_SCOPES, HOLDING: ALL_SCOPES, ROA: ALL_SCOPES },
  request: { RL: ALL_SCOPES, AF: ALL_SCOPES, AL: ALL_SCOPES, UT: LINE_ONLY, UTD: LINE_ONLY, CC: ALL_SCOPES, HOLDING: ALL_SCOPES, ROA: ALL_SCOPES },
};

/** The grants of the identity that cover records of this kind. */
export function grantsFor(identity: Identity, kind: RecordKind): Grant[] {
  const rules = RECORD_SCOPES[kind];
  return identity.grants.filter((g) => rules[g.profile]?.includes(g.scope.kind));
}

/** The CRM filter that lists exactly the records of this kind the identity may see; null when he sees none. */
export function recordFilter(identity: Identity, kind: RecordKind): RecordFilter | null {
  const grants = grantsFor(identity, kind);
  if (grants.length === 0) return null;
  const ids = (k: ScopeKind) => [...new Set(grants.filter((g) => g.scope.kind === k).map((g) => g.scope.id))];
  const filter: RecordFilter = {};
  if (ids('COMPANY').length) filter.companyIds = ids('COMPANY');
  if (ids('CONTRACT').length) filter.contractNumbers = ids('CONTRACT');
  if (ids('LINE').length) filter.lineNumbers = ids('LINE');
  return filter;
}

/** Where a record sits; a record is covered when any grant names its company, its contract or its line. */
export interface RecordPlace { companyId: string; contractNumber?: string | null; lineNumber?: string | null }

export function covers(identity: Identity, kind: RecordKind, place: RecordPlace): boolean {
  return profilesOn(identity, kind, place).size > 0;
}

/** The profiles whose grants cover this record: the basis of per-field decisions on it. */
export function profilesOn(identity: Identity, kind: RecordKind, place: RecordPlace): Set<Profile> {
  return new Set(grantsFor(identity, kind).filter((g) =>
    (g.scope.kind === 'COMPANY' && g.scope.id === place.companyId)
    || (g.scope.kind === 'CONTRACT' && g.scope.id === place.contractNumber)
    || (g.scope.kind === 'LINE' && g.scope.id === place.lineNumber)).map((g) => g.profile));
}
