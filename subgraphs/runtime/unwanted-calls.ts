import type { LineStatus } from '../../adapters/domain';
import { badUserInput } from '../../adapters/errors';
import { addDays, today } from './calendar';
import type { DispositiveDeclaration } from './dispositive/declaration';
import type { TargetKind } from './dispositive/targets';
import { isIsoDate } from './scalars';
import { checkFreeText } from './validators/text';

/**
 * FIX-04, the report of unwanted calls (seed 000 "Linee e Servizi (3/3)": "Segnala Chiamate Indesiderate" on the
 * Linee Mobile page and on the Linee Fisso page). One declaration for both kinds of line: the same checks, the same
 * pratica for the back office, with the caller's number and the day of the last call; only the line's number differs.
 */
interface UnwantedCalls { number: string; callingNumber: string; lastCallOn: string; description: string }

/** How far back a report of unwanted calls may go: the traffic records the back office can still search. */
const REPORT_WINDOW_DAYS = 90;

interface LineKindOfReport<L> {
  field: string;
  target: TargetKind<L>;
  /** The line's number checked for its kind, or BAD_USER_INPUT naming `field`. */
  checkNumber(raw: unknown, field: string): string;
}

export function unwantedCallsReport<L extends { status: LineStatus }>(kind: LineKindOfReport<L>): DispositiveDeclaration<UnwantedCalls, L> {
  return {
    field: kind.field,
    appendixRows: [],
    capabilities: ['FIX-04'],
    pratica: 'Segnalazione chiamate indesiderate',
    ordine: false,
    target: kind.target,
    validate(raw, at) {
      const number = kind.checkNumber(raw.number, at('number'));
      if (typeof raw.callingNumber !== 'string' || !/^\d{3,15}$/.test(raw.callingNumber)) throw badUserInput(at('callingNumber'), 'must be a number of 3 to 15 digits');
      const earliest = addDays(today(), -REPORT_WINDOW_DAYS);
      if (typeof raw.lastCallOn !== 'string' || !isIsoDate(raw.lastCallOn) || raw.lastCallOn < earliest || raw.lastCallOn > today()) {
        throw badUserInput(at('lastCallOn'), `must be a date from ${earliest} to ${today()}`);
      }
      return { number, callingNumber: raw.callingNumber, lastCallOn: raw.lastCallOn, description: checkFreeText(raw.description, at('description'), { min: 1, max: 500 }) };
    },
    targetId: (input) => input.number,
    refusal: (line) => (line.status === 'CEASED' ? 'The line is ceased: calls to it can no longer be reported.' : null),
    crm: (_line, input) => ({ reason: input.description, parameters: { numeroChiamante: input.callingNumber, dataUltimaChiamata: input.lastCallOn } }),
  };
}
