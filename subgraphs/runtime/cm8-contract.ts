import { PROFILES, type Profile } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import type { Identity } from './identity';
import { loadVisibleLine } from './lines';
import { checkContractNumber } from './validators/contract-number';
import type { SubgraphContext } from './server';

/**
 * Contract selection of the CM8 portal (seed 002 §5: "seleziona il contratto da gestire nella tendina 'Contratto'"):
 * a referent (ROA, REF_EBILL, TRAFFIC_MANAGER, REF_MESSAGING) works on one contract at a time. Every CM8 read and
 * change takes the contract's number, and may leave it out when the viewer is referent of one contract only
 * (`workingContract`). The choices come from the grants in the verified identity: choosing among a referent's
 * contracts costs no legacy call (only an employee's line grant costs one, to learn his line's contract).
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
 * The CM8 contract a read or change works on (seed 002 §5: the referent chooses the contract in the welcome page;
 * every CM8 page then shows "il contratto selezionato"). The only contract chooser of the graph.
 *
 * The candidates are the contracts the viewer's grants of `profiles` name, and for a line grant (the employee, EU)
 * the contract of his line (one CRM look-up, batched). `contractNumber` picks one of them; without it the only one is
 * taken, and a viewer of several must say which: BAD_USER_INPUT on `field`, the argument's path (and for a number
 * that is not one in shape). A contract that is
 * not among them answers null, exactly like one that does not exist, at the same cost: the candidates are computed
 * from the grants whatever was asked. Null too when there is no candidate (the caller answers as for a contract the
 * viewer may not see).
 */
export async function workingContract(
  context: SubgraphContext, profiles: ReadonlySet<Profile>, contractNumber: string | null | undefined, field = 'contractNumber',
): Promise<string | null> {
  // A number of another shape is the client's mistake, not a contract that does not exist (issue 19): said before
  // anything is read.
  if (contractNumber !== null && contractNumber !== undefined) checkContractNumber(contractNumber, field);
  const candidates = await contractsOf(context, profiles);
  if (contractNumber !== null && contractNumber !== undefined) return candidates.has(contractNumber) ? contractNumber : null;
  if (candidates.size > 1) throw badUserInput(field, `choose the contract to work on: one of ${[...candidates].sort().join(', ')}`);
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
