import type { Profile } from '../../../adapters/domain';
import { profilesOn, type RecordKind, type RecordPlace } from '../records';
import type { SubgraphContext } from '../server';

/**
 * For a parent object of a record type, the profiles the viewer holds on that record: what a field's @allow is
 * compared with. Resolvers return domain objects, so these read domain fields. A subgraph may override an entry:
 * consumption reads a MobileLine's usage (fewer profiles than the line itself), account reaches a company through
 * the lines and contracts it holds.
 */
export type RecordProfiles = (parent: any, context: SubgraphContext) => ReadonlySet<Profile> | Promise<ReadonlySet<Profile>>;
export type RecordTypes = Partial<Record<string, RecordProfiles>>;

/** The profiles on a record found by its kind and place (records.ts), the common case. */
export const placedRecord = (kind: RecordKind, placeOf: (parent: any) => RecordPlace): RecordProfiles =>
  (parent, { identity }) => profilesOn(identity, kind, placeOf(parent));

const lineOf = (l: any): RecordPlace => ({ companyId: l.companyId, contractNumber: l.contractNumber, lineNumber: l.number });
const heldBy = (r: any): RecordPlace => ({ companyId: r.companyId, contractNumber: r.contractNumber, lineNumber: r.lineNumber });

/** Company and Contract are account's alone, which reaches them through lines and contracts too (account/reach.ts). */
export const DEFAULT_RECORD_TYPES: RecordTypes = {
  MobileLine: placedRecord('MobileLine', lineOf),
  FixedLine: placedRecord('FixedLine', lineOf),
  Invoice: placedRecord('Invoice', heldBy),
  Order: placedRecord('Order', heldBy),
  Request: placedRecord('Request', heldBy),
  // A SIM is part of its line (mobile's my-sim.ts carries the line's place): its `imei` is decided on that line.
  LineSim: placedRecord('MobileLine', heldBy),
};
