import type { Profile, Referent, ReferentType } from '../../../adapters/domain';
import { profilesOn } from '../records';
import type { SubgraphContext } from '../server';
import type { TargetKind } from './targets';

/**
 * A referent of a CM8 contract (seed 002 §7.1.2) as the target of a change: CreaPratica's REFERENTE, filed on the
 * contract. Its id is its place on the contract (`888010088938-EBILL`); the viewer reaches it through the contract.
 * The target carries the profiles the viewer holds on the contract, because the seed's rule depends on who asks:
 * the Master's data are changed only by the legal representative (RL).
 */
export interface ReferentTarget extends Referent {
  companyId: string;
  /** The viewer's profiles on the referent's contract. */
  viewerProfiles: ReadonlySet<Profile>;
}

const REFERENT_ID = /^(\d{1,20})-(MASTER|LEGAL_REPRESENTATIVE|EBILL|TRAFFIC_MANAGER|MESSAGING)$/;

async function loadReferent(id: string, { identity, loaders }: SubgraphContext): Promise<ReferentTarget | null> {
  const [, contractNumber, type] = REFERENT_ID.exec(id) ?? [];
  if (!contractNumber) return null;
  // Contract and referents in one round, found or not: an unknown contract costs what a foreign one does.
  const [contract, data] = await Promise.all([loaders.crm.contracts.load(contractNumber), loaders.crm.contractData.load(contractNumber)]);
  const referent = data?.referents.find((r) => r.type === (type as ReferentType));
  if (!contract || !referent) return null;
  const viewerProfiles = profilesOn(identity, 'Contract', { companyId: contract.companyId, contractNumber });
  return { ...referent, companyId: contract.companyId, viewerProfiles };
}

export const REFERENT: TargetKind<ReferentTarget> = {
  recordKind: 'Contract',
  outcomeField: 'referent',
  label: 'This referent',
  plausible: REFERENT_ID,
  load: loadReferent,
  place: (referent) => ({ companyId: referent.companyId, contractNumber: referent.contractNumber }),
  crmTarget: (referent) => ({ kind: 'Referent', id: referent.id, contractNumber: referent.contractNumber }),
  async reload(referent, context) {
    // The request's loader holds the referents as they were before the change.
    context.loaders.crm.contractData.clear(referent.contractNumber);
    const fresh = await loadReferent(referent.id, context);
    if (!fresh) throw new Error(`referent ${referent.id} vanished from CRM right after a change`);
    return fresh;
  },
};
