import type { ResidualCredit } from '../../../adapters/domain';
import type { LinePrepaidOptions } from '../../../adapters/ebill/tim-tuo-prepaid';
import type { SubgraphContext } from '../server';
import type { TargetKind } from './targets';
import { LINE_TIM_TUO, type LineWithTimTuo } from './tim-tuo-target';

/**
 * h-prepaid (issue 12). An employee's prepaid line as the TIM TUO packages/plafonds page acts on it (seed 002
 * §9.2.1.3): the line and its TIM TUO record (CRM: is the service active, has the line ROAMING_EXTRA_UE), its options
 * and requests (eBill) and the personal credit that pays them (eBill's personal basket). All three are looked up for
 * any plausible number, so a foreign or unknown line costs the same calls; the line places it for the grants.
 */
export interface LineWithPrepaidOptions extends LineWithTimTuo { prepaid: LinePrepaidOptions; personalCredit: ResidualCredit | null }

/** The eBill side of the line, read past the request's loaders and left in them for the outcome's fields. */
async function freshEbill(number: string, { legacy, loaders }: SubgraphContext) {
  const [[prepaid], [personalCredit]] = await Promise.all([legacy.ebill.getTimTuoPrepaid([number]), legacy.ebill.getPersonalCredit([number])]);
  loaders.ebill.timTuoPrepaid.clear(number).prime(number, prepaid!);
  loaders.ebill.personalCredit.clear(number).prime(number, personalCredit ?? null);
  return { prepaid: prepaid!, personalCredit: personalCredit ?? null };
}

export const LINE_TIM_TUO_PREPAID: TargetKind<LineWithPrepaidOptions> = {
  ...LINE_TIM_TUO,
  async load(number, context) {
    const { loaders } = context;
    const [line, prepaid, personalCredit] = await Promise.all([
      LINE_TIM_TUO.load(number, context), loaders.ebill.timTuoPrepaid.load(number), loaders.ebill.personalCredit.load(number),
    ]);
    return line && { ...line, prepaid, personalCredit };
  },
  async reload(line, context) {
    const [fresh, ebill] = await Promise.all([LINE_TIM_TUO.reload(line, context), freshEbill(line.number, context)]);
    return { ...fresh, ...ebill };
  },
};
