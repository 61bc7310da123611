import { PROFILES, type Profile } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import type { Identity } from './identity';

/**
 * Contract selection of the CM8 portal (seed 002 §5: "seleziona il contratto da gestire nella tendina 'Contratto'"):
 * a referent (ROA, REF_EBILL, TRAFFIC_MANAGER, REF_MESSAGING) works on one contract at a time. Every CM8 read and
 * change takes the contract's number, and may leave it out when the viewer is referent of one contract only. The
 * choices come from the grants in the verified identity: choosing costs no legacy call.
 */
export const CM8_REFERENT_PROFILES: ReadonlySet<Profile> = new Set(['ROA', 'REF_EBILL', 'TRAFFIC_MANAGER', 'REF_MESSAGING']);

export interface Cm8ContractChoice { number: string; profiles: Profile[] }

/** The contracts the viewer is a CM8 referent of, in number order, with his referent profiles on each. */
export function cm8Contracts(identity: Identity): Cm8ContractChoice[] {
  const byContract = new Map<string, Set<Profile>>();
  for (const g of identity.grants) {
    if (g.scope.kind !== 'CONTRACT' || !CM8_REFERENT_PROFILES.has(g.profile)) continue;
    byContract.set(g.scope.id, (byContract.get(g.scope.id) ?? new Set()).add(g.profile));
  }
  return [...byContract.keys()].sort().map((number) => ({ number, profiles: PROFILES.filter((p) => byContract.get(number)!.has(p)) }));
}

/**
 * The contract a CM8 read or change is about: the number sent, or the viewer's only CM8 contract. A referent of
 * several contracts who sends none gets BAD_USER_INPUT on `field`; null when he is referent of none (the caller then
 * answers as for a contract he may not see).
 */
export function selectedCm8Contract(identity: Identity, number: string | null | undefined, field: string): string | null {
  if (number !== null && number !== undefined) return number;
  const choices = cm8Contracts(identity);
  if (choices.length > 1) throw badUserInput(field, `choose the contract to work on: one of ${choices.map((c) => c.number).join(', ')} (viewer.cm8Contracts)`);
  return choices[0]?.number ?? null;
}
