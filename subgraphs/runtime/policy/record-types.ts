import type { RecordKind, RecordPlace } from '../records';

/**
 * How the policy finds, for a parent object of a record type, which record it is: the kind (for the scoping table
 * of records.ts) and its place (company, contract, line). Resolvers return domain objects, so these read domain
 * fields. A subgraph may override an entry (consumption reads MobileLine usage, not the line itself).
 */
export type RecordLocator = (parent: any) => { kind: RecordKind; place: RecordPlace };
export type RecordTypes = Partial<Record<string, RecordLocator>>;

export const DEFAULT_RECORD_TYPES: RecordTypes = {
  Company: (c) => ({ kind: 'company', place: { companyId: c.id } }),
  Contract: (c) => ({ kind: 'contract', place: { companyId: c.companyId, contractNumber: c.number } }),
  MobileLine: (l) => ({ kind: 'line', place: { companyId: l.companyId, contractNumber: l.contractNumber, lineNumber: l.number } }),
  FixedLine: (l) => ({ kind: 'line', place: { companyId: l.companyId, contractNumber: l.contractNumber, lineNumber: l.number } }),
  Invoice: (i) => ({ kind: 'invoice', place: { companyId: i.companyId, contractNumber: i.contractNumber, lineNumber: i.lineNumber } }),
  Order: (o) => ({ kind: 'order', place: { companyId: o.companyId, contractNumber: o.contractNumber, lineNumber: o.lineNumber } }),
  Request: (r) => ({ kind: 'request', place: { companyId: r.companyId, contractNumber: r.contractNumber, lineNumber: r.lineNumber } }),
};
