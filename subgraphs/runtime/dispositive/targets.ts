import type DataLoader from 'dataloader';
import type { Company, Contract, FixedLine, MobileLine, Profile } from '../../../adapters/domain';
import type { RequestTarget } from '../../../adapters/crm';
import { linePlace } from '../lines';
import type { RecordKind, RecordPlace } from '../records';
import type { SubgraphContext } from '../server';

/**
 * The kinds of record an operation can change, and how the engine loads one, places it for the grants, names it to
 * CRM and reads it again once changed. Unknown and foreign targets get the same answer, worded with `label`.
 */
export interface TargetKind<T> {
  recordKind: RecordKind;
  /** The field of the mutation's outcome type that holds the changed record (`DispositiveOutcome.line`, …). */
  outcomeField: string;
  /** "This mobile line": the start of the NOT_FOUND message, which never repeats the id. */
  label: string;
  /** Whether an id can name such a record at all; anything else is unknown without asking CRM. */
  plausible: RegExp;
  load(id: string, context: SubgraphContext): Promise<T | null>;
  place(record: T): RecordPlace;
  /**
   * For a target that is no record of the SDL (the viewer's own scope, requester-target.ts): the profiles the viewer
   * holds on it. Without it, the profiles his grants give on `place(record)` for `recordKind`.
   */
  heldProfiles?(record: T): ReadonlySet<Profile>;
  crmTarget(record: T): RequestTarget;
  /** The record as CRM has it after the change (the request's loader held it as it was before). */
  reload(record: T, context: SubgraphContext): Promise<T>;
}

/** Reads one record past the request's loader cache, and leaves the fresh copy in the loader for later fields. */
async function fresh<T>(id: string, read: (ids: string[]) => Promise<(T | null)[]>, loader: DataLoader<string, T | null>): Promise<T> {
  const [record] = await read([id]);
  if (!record) throw new Error(`record ${id} vanished from CRM right after a change`);
  loader.clear(id).prime(id, record);
  return record;
}

const LINE_NUMBER = /^\d{1,15}$/;

export const MOBILE_LINE: TargetKind<MobileLine> = {
  recordKind: 'MobileLine',
  outcomeField: 'line',
  label: 'This mobile line',
  plausible: LINE_NUMBER,
  load: (number, { loaders }) => loaders.crm.mobileLines.load(number),
  place: linePlace,
  crmTarget: (line) => ({ kind: 'MobileLine', id: line.number }),
  reload: (line, { legacy, loaders }) => fresh(line.number, (ids) => legacy.crm.getMobileLines(ids), loaders.crm.mobileLines),
};

export const FIXED_LINE: TargetKind<FixedLine> = {
  recordKind: 'FixedLine',
  outcomeField: 'fixedLine',
  label: 'This fixed line',
  plausible: LINE_NUMBER,
  load: (number, { loaders }) => loaders.crm.fixedLines.load(number),
  place: linePlace,
  crmTarget: (line) => ({ kind: 'FixedLine', id: line.number }),
  reload: (line, { legacy, loaders }) => fresh(line.number, (ids) => legacy.crm.getFixedLines(ids), loaders.crm.fixedLines),
};

export const CONTRACT: TargetKind<Contract> = {
  recordKind: 'Contract',
  outcomeField: 'contract',
  label: 'This contract',
  plausible: /^\d{1,20}$/,
  load: (number, { loaders }) => loaders.crm.contracts.load(number),
  place: (contract) => ({ companyId: contract.companyId, contractNumber: contract.number }),
  crmTarget: (contract) => ({ kind: 'Contract', id: contract.number }),
  reload: (contract, { legacy, loaders }) => fresh(contract.number, (ids) => legacy.crm.getContracts(ids), loaders.crm.contracts),
};

export const COMPANY: TargetKind<Company> = {
  recordKind: 'Company',
  outcomeField: 'company',
  label: 'This company',
  plausible: /^[A-Za-z0-9-]{1,20}$/,
  load: (id, { loaders }) => loaders.crm.companies.load(id),
  place: (company) => ({ companyId: company.id }),
  crmTarget: (company) => ({ kind: 'Company', id: company.id }),
  reload: (company, { legacy, loaders }) => fresh(company.id, (ids) => legacy.crm.getCompanies(ids), loaders.crm.companies),
};
