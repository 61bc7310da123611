import type { MobileLine } from '../../adapters/domain';
import type { TimTuoLine } from '../../adapters/crm/tim-tuo';
import type { SubgraphContext } from '../runtime/server';

/**
 * TIM TUO, the company side (seed 002 §7.4.5-§7.4.8; BIL-09; issue 11): the record CRM holds per line, with the rule
 * of §7.4.5 the page applies before a line can be selected ("Se la linea è abilitata ma non puoi selezionarla, il
 * servizio TIM TUO deve essere cessato"; disabling only on postpaid PA 8 / PA 8 PACCHETTO lines).
 */
const DISABLING_PLANS: ReadonlySet<string> = new Set(['PA 8', 'PA 8 PACCHETTO']);

export function enablementChangeable(line: MobileLine, timTuo: TimTuoLine): boolean {
  if (!timTuo.enabled) return true;
  return line.kind === 'POSTPAID' && DISABLING_PLANS.has(line.tariffPlan) && timTuo.status !== 'ACTIVE';
}

export async function timTuoOf(line: MobileLine, _args: unknown, { loaders }: SubgraphContext) {
  const timTuo = await loaders.crm.timTuo.load(line.number);
  return timTuo && { ...timTuo, enablementChangeable: enablementChangeable(line, timTuo) };
}
