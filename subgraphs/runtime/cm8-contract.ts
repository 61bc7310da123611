import { PROFILES, type Profile } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import type { Identity } from './identity';
import { loadVisibleLine } from './lines';
import type { SubgraphContext } from './server';

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

/**
 * The same choice for the reads an employee (EU) also makes (the inventory's price list, exports): the contracts
 * the viewer's grants of `profiles` name, plus, for a line grant, his line's contract (one CRM look-up, batched).
 * TODO(merge of issue 10's two halves): `selectedCm8Contract` is this function without line grants; one should
 * remain.
 *
 * The CM8 contract a read works on (seed 002 §5: the referent chooses the contract in the welcome page; every CM8
 * page then shows "il contratto selezionato"). The contracts a viewer works on with some profiles are those his
 * grants of these profiles name, and for a line grant (the employee, EU) the contract of his line. `contractNumber`
 * picks one of them; without it the only one is taken, and a viewer of several must say which (BAD_USER_INPUT).
 * A contract that is not among them answers null, exactly like one that does not exist, at the same cost: the
 * candidates are computed from the grants whatever was asked.
 */
export async function workingContract(
  context: SubgraphContext, profiles: ReadonlySet<Profile>, contractNumber: string | null | undefined,
): Promise<string | null> {
  const candidates = await contractsOf(context, profiles);
  if (contractNumber !== null && contractNumber !== undefined) return candidates.has(contractNumber) ? contractNumber : null;
  if (candidates.size > 1) throw badUserInput('contractNumber', `you work on ${candidates.size} contracts: say which one`);
  return candidates.values().next().value ?? null;
}

async function contractsOf({ identity, loaders }: SubgraphContext, profiles: ReadonlySet<Profile>): Promise<Set<string>> {
  const grants = identity.grants.filter((g) => profiles.has(g.profile));
  const lines = await Promise.all(grants.filter((g) => g.scope.kind === 'LINE')
    .map((g) => loadVisibleLine(identity, 'MobileLine', loaders.crm.mobileLines, g.scope.id)));
  return new Set([
    ...grants.filter((g) => g.scope.kind === 'CONTRACT').map((g) => g.scope.id),
    ...lines.flatMap((line) => (line ? [line.contractNumber] : [])),
  ]);
}
