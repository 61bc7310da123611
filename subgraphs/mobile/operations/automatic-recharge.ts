import type { MobileLine } from '../../../adapters/domain';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkMobileNumber } from '../../runtime/validators/phone';

/**
 * Seed 002 §7.3.3 (Appendix rows 5, 6), MOB-16: the company's automatic recharge of prepaid lines is made every month
 * in mode WAIVE (RINUNCIA) and never in mode CONFIRM (CONFERMA). A line in mode CONFIRM can have next month's recharge
 * confirmed, a line in mode WAIVE waived: for next month only, after which the standing mode applies again. The
 * portal selects many lines at once: these are list operations, one pratica (and ordine) per line.
 */
type Mode = NonNullable<MobileLine['automaticRecharge']>['mode'];

function changeOfMode(field: string, row: number, pratica: string, mode: Mode, done: string): DispositiveDeclaration<{ number: string }, MobileLine> {
  return {
    field,
    appendixRows: [row],
    // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
    summary: {},
    capabilities: ['MOB-16'],
    pratica,
    ordine: true,
    target: MOBILE_LINE,
    listField: 'lines',
    validate: (raw, at) => ({ number: checkMobileNumber(raw.number, at('number')) }),
    targetId: (input) => input.number,
    refusal(line) {
      const recharge = line.automaticRecharge;
      if (line.kind !== 'PREPAID' || !recharge) return 'Only prepaid lines have a company automatic recharge.';
      if (line.status === 'CEASED') return 'The line is ceased.';
      if (recharge.mode !== mode) return `The line's automatic recharge is in mode ${recharge.mode}: next month's recharge can only be ${mode === 'CONFIRM' ? 'waived' : 'confirmed'}.`;
      if (recharge.changedForMonth) return `Next month's automatic recharge of this line is already ${done} (${recharge.changedForMonth}).`;
      return null;
    },
  };
}

export const CONFIRM_AUTOMATIC_RECHARGE = changeOfMode('confirmAutomaticRecharge', 5, 'Conferma ricarica aziendale', 'CONFIRM', 'confirmed');
export const WAIVE_AUTOMATIC_RECHARGE = changeOfMode('waiveAutomaticRecharge', 6, 'Rinuncia ricarica aziendale', 'WAIVE', 'waived');
