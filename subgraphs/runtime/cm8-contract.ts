import type { Profile } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { loadVisibleLine } from './lines';
import type { SubgraphContext } from './server';

/**
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
