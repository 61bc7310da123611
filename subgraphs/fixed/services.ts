import type { Contract } from '../../adapters/domain';
import type { FixedOffer } from '../../adapters/crm/fixed-services';
import { recordFilter } from '../runtime/records';
import type { SubgraphContext } from '../runtime/server';
import type { IntelligentNumberRecord } from './intelligent-number';

/**
 * The "Servizi fisso" and "Servizi IT e Web" pages (seed 000; FIX-06, FIX-07): the company's intelligent numbers and
 * the portals its fixed offers give. Both are the company's services, which the RL, the AF and the AL reach ("accedono
 * ai Servizi"): they are scoped like the contracts they sit on, so an AL, who sees only his own line among the lines,
 * still sees them.
 */

/** The intelligent numbers of the contracts the viewer sees: the Rete Intelligente group of the inventory, then their plans. */
export async function visibleIntelligentNumbers({ identity, legacy, loaders }: SubgraphContext): Promise<Omit<IntelligentNumberRecord, 'answeringLines'>[]> {
  const filter = recordFilter(identity, 'Contract');
  if (!filter) return [];
  const groups = await legacy.crm.fixed.inventory(filter, 'SERVICE', { offset: 0, limit: 100 });
  const numbers = groups.items.find((g) => g.service === 'INTELLIGENT_NETWORK')?.lineNumbers ?? [];
  const [lines, plans] = await Promise.all([
    Promise.all(numbers.map((n) => loaders.crm.fixedLines.load(n))), Promise.all(numbers.map((n) => loaders.crm.routingPlans.load(n))),
  ]);
  return numbers.flatMap((_n, i) => {
    const [line, plan] = [lines[i], plans[i]];
    return line && plan ? [{ ...line, plan }] : [];
  });
}

/** TIM's portals the offers open (seed 000): TuconTI by the offer's profile, Configura Evoluzione Ufficio where included. */
const TUCONTI_URL = 'https://www.tim.it/assistenza/tuconti';
const OFFICE_EVOLUTION_URL = 'https://evoluzioneufficio.tim.it/configura';

export interface FixedServiceLink { contract: { number: string }; offer: string; portal: 'TUCONTI' | 'OFFICE_EVOLUTION'; url: string }

function linksOf(offer: FixedOffer): FixedServiceLink[] {
  const contract = { number: offer.contractNumber };
  const tuconti: FixedServiceLink = { contract, offer: offer.offer, portal: 'TUCONTI', url: `${TUCONTI_URL}?${new URLSearchParams({ profilo: offer.tucontiProfile })}` };
  return offer.officeEvolution ? [tuconti, { contract, offer: offer.offer, portal: 'OFFICE_EVOLUTION', url: OFFICE_EVOLUTION_URL }] : [tuconti];
}

/** The links of the viewer's fixed contracts, by contract number. */
export async function visibleServiceLinks({ identity, legacy, loaders }: SubgraphContext): Promise<FixedServiceLink[]> {
  const filter = recordFilter(identity, 'Contract');
  if (!filter) return [];
  const fixed = (await legacy.crm.listContracts(filter)).filter((c: Contract) => c.type === 'FIXED' && c.status !== 'CEASED').map((c) => c.number);
  const offers = await Promise.all(fixed.map((n) => loaders.crm.fixedOffers.load(n)));
  return offers.flatMap((o) => (o ? linksOf(o) : []));
}
