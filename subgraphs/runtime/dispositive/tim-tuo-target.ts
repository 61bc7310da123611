import type { MobileLine } from '../../../adapters/domain';
import type { TimTuoLine } from '../../../adapters/crm/tim-tuo';
import { MOBILE_LINE, type TargetKind } from './targets';

/**
 * A mobile line with its TIM TUO record (seed 002 §7.4.5–§7.4.8): both are CRM's, read in the same batch window
 * for any plausible number, so a foreign or unknown line costs the same look-ups. The outcome's record is the line,
 * with the TIM TUO loader primed with the record as CRM now has it.
 */
export interface LineWithTimTuo extends MobileLine { timTuo: TimTuoLine }

export const LINE_TIM_TUO: TargetKind<LineWithTimTuo> = {
  ...MOBILE_LINE,
  async load(number, context) {
    const [line, timTuo] = await Promise.all([MOBILE_LINE.load(number, context), context.loaders.crm.timTuo.load(number)]);
    return line && timTuo && { ...line, timTuo };
  },
  async reload(line, context) {
    const [[timTuo], fresh] = await Promise.all([context.legacy.crm.getTimTuo([line.number]), MOBILE_LINE.reload(line, context)]);
    context.loaders.crm.timTuo.clear(line.number).prime(line.number, timTuo);
    return { ...fresh, timTuo: timTuo! };
  },
};
