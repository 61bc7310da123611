import type { MobileLine } from '../../../adapters/domain';
import type { SpendingThreshold } from '../../../adapters/ebill/thresholds';
import type { SubgraphContext } from '../server';
import { MOBILE_LINE, type TargetKind } from './targets';

/**
 * A mobile line with its thresholds as eBill holds them (seed 002 §7.5): the rules of a threshold change read both,
 * so the engine loads both, for any plausible number (a foreign or unknown line costs the same two look-ups). The
 * record the outcome answers is the line as CRM has it, with eBill's loader primed with its thresholds as they now are.
 */
export interface LineWithThresholds extends MobileLine { thresholds: SpendingThreshold[] }

export const LINE_THRESHOLDS: TargetKind<LineWithThresholds> = {
  ...MOBILE_LINE,
  async load(number, context) {
    const [line, thresholds] = await Promise.all([MOBILE_LINE.load(number, context), context.loaders.ebill.thresholds.load(number)]);
    return line && { ...line, thresholds };
  },
  async reload(line, context: SubgraphContext) {
    const [fresh] = await context.legacy.ebill.getThresholds([line.number]);
    context.loaders.ebill.thresholds.clear(line.number).prime(line.number, fresh);
    return { ...await MOBILE_LINE.reload(line, context), thresholds: fresh };
  },
};
