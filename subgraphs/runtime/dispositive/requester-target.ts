import type { Profile } from '../../../adapters/domain';
import type { SubgraphContext } from '../server';
import type { TargetKind } from './targets';

/**
 * Issue 13: the target of a request that concerns the viewer's relationship with customer service and no record in
 * particular ("Scrivici", a call back: seed 002 §7.7.3–§7.7.4, seed 000 "Contatti"), which every profile of both
 * portals may make. Its id is one of the viewer's own grant scopes (`viewer.grants.scopeId`: the contract the CM8
 * header shows, the company, or the EU's own line); CRM files the pratica as oggetto NESSUNO under that scope's
 * customer, contract and line, so that it shows where the scope's requests show (and its author reads it back).
 *
 * Why not a contract or a company target: those are decided on the profiles a record type admits (Contract admits
 * neither the EU nor REF_MESSAGING, Company neither the CM8 referents), while anyone may ask customer service for
 * help. A scope that is not the viewer's is unknown, as a made-up one is, and both cost no legacy call.
 */
export interface RequesterScope {
  id: string;
  companyId: string;
  contractNumber: string | null;
  lineNumber: string | null;
  /** The CRM user id of the viewer: the back office calls back whoever asked, and the user lists what he asked. */
  requester: string;
  /** The profiles the viewer holds on this scope: who he asks as. */
  profiles: ReadonlySet<Profile>;
}

async function placeOf(kind: 'COMPANY' | 'CONTRACT' | 'LINE', id: string, { loaders }: SubgraphContext) {
  if (kind === 'COMPANY') return { companyId: id, contractNumber: null, lineNumber: null };
  if (kind === 'CONTRACT') {
    const contract = await loaders.crm.contracts.load(id);
    return contract && { companyId: contract.companyId, contractNumber: contract.number, lineNumber: null };
  }
  const line = await loaders.crm.mobileLines.load(id) ?? await loaders.crm.fixedLines.load(id);
  return line && { companyId: line.companyId, contractNumber: line.contractNumber, lineNumber: line.number };
}

/** A grant's scope id: a company id (`1-VALL01`), a contract number or a line number. */
export const SCOPE_ID = /^[A-Za-z0-9-]{1,20}$/;

export const REQUESTER: TargetKind<RequesterScope> = {
  // Not read: `heldProfiles` decides. A request is what the viewer creates.
  recordKind: 'Request',
  heldProfiles: (scope) => scope.profiles,
  outcomeField: 'scope',
  label: 'This company, contract or line',
  plausible: SCOPE_ID,
  async load(id, context) {
    const grants = context.identity.grants.filter((g) => g.scope.id === id);
    if (grants.length === 0) return null;
    const place = await placeOf(grants[0].scope.kind, id, context);
    return place && { id, ...place, requester: context.identity.userId, profiles: new Set(grants.map((g) => g.profile)) };
  },
  place: (scope) => scope,
  // Filed where the scope's requests show: an UT's or EU's on her line, which is what she sees requests through.
  crmTarget: (scope) => ({ kind: 'None', companyId: scope.companyId, ...(scope.contractNumber && { contractNumber: scope.contractNumber }),
    ...(scope.lineNumber && { lineNumber: scope.lineNumber }) }),
  // Nothing of the scope changes.
  reload: async (scope) => scope,
};
