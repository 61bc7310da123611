import type { AvailableTraffic, MobileLine } from '../../adapters/domain';
import type { SubgraphContext } from '../runtime/server';

/**
 * h-prepaid (issue 12). "Traffico personale disponibile" of "La mia SIM" (seed 002 §9.1.1): the counters of the
 * traffic the employee's TIM TUO package and extra data plafond include, "solo se attivi pacchetti o plafond per il
 * servizio TIM TUO". eBill answers them per line (`linee/traffico-personale`), every line of a request in one call.
 */
export const personalTrafficFields = {
  personalTraffic: (line: MobileLine, _args: unknown, { loaders }: SubgraphContext): Promise<AvailableTraffic | null> =>
    loaders.ebill.personalTraffic.load(line.number),
};
