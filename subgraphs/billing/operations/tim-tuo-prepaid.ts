import type { PrepaidAction, PrepaidFamily } from '../../../adapters/ebill/tim-tuo-prepaid';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { LINE_TIM_TUO_PREPAID, type LineWithPrepaidOptions } from '../../runtime/dispositive/tim-tuo-prepaid-target';
import { today } from '../../runtime/calendar';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { checkOption, confirmedTerms, prepaidMutation, prepaidRefusal, type PrepaidRequest } from '../tim-tuo-prepaid';

/**
 * h-prepaid (issue 12). Seed 002 §9.2.1.3 (Appendix rows 42–49; BIL-11): the employee (EU) activates, replaces or
 * ceases a TIM TUO package or plafond on his own prepaid line, charged to his personal credit. One declaration per
 * family and action, each a line of data below. Through the engine:
 * - the rules (tim-tuo-prepaid.ts `prepaidRefusal`: prepaid with TIM TUO active, ROAMING_EXTRA_UE for the roaming
 *   families, one change at a time per line, one extra data plafond per calendar month), then the engine's check of
 *   the summary the employee downloaded (`confirmationRef` of `changeSummary`: the option and its price as they are);
 * - CRM records the pratica of the row and its ordine (the back office's work; CRM itself changes nothing), once per
 *   fact (`prepaidFact`) whatever the keys;
 * - eBill records the request and settles its charge, keyed by the pratica id: charged once whatever the retries, or
 *   discarded when the personal credit does not cover it (seed: "la richiesta non viene bloccata ma verrà
 *   successivamente scartata"); a new option in a family replaces the active one once eBill applies it.
 */
/**
 * The fact a change records (issue 19, `oncePer`): the line's next change after the last one eBill holds for it
 * this month. Two tabs confirming the same summary under two keys both pass the "one change at a time" rule before
 * either writes; CRM answers the second the first's pratica, so eBill is asked, and charges, once. A change asked
 * after that one (or next month, when the list of changes may be empty again) is another fact.
 */
const prepaidFact = (line: LineWithPrepaidOptions) => `${line.number}:${today().slice(0, 7)}:after:${line.prepaid.changes[0]?.operationId ?? 'none'}`;

function prepaidDeclaration(row: number, pratica: string, family: PrepaidFamily, action: PrepaidAction): DispositiveDeclaration<PrepaidRequest, LineWithPrepaidOptions> {
  const field = prepaidMutation(family, action);
  return {
    field,
    appendixRows: [row],
    capabilities: ['BIL-11'],
    pratica,
    ordine: true,
    target: LINE_TIM_TUO_PREPAID,
    validate: (raw, at) => ({
      number: checkMobileNumber(raw.number, at('number')),
      family,
      action,
      option: action === 'ACTIVATE' ? checkOption(raw.option, family, at('option')) : null,
    }),
    targetId: (input) => input.number,
    refusal: (line, input) => prepaidRefusal(line, input),
    summary: { terms: confirmedTerms },
    crm: (line, input) => {
      const { option } = confirmedTerms(line, input);
      return { parameters: { famiglia: family, azione: action, ...(typeof option === 'string' && { opzione: option }) } };
    },
    oncePer: prepaidFact,
    async applyElsewhere({ created, input }, { legacy }) {
      await legacy.ebill.changeTimTuoPrepaid(created.request.id, { lineNumber: input.number, family, option: input.option, action });
    },
  };
}

export const TIM_TUO_PREPAID_OPERATIONS = [
  prepaidDeclaration(42, 'Timtuoric-attiv pacc traff naz', 'NATIONAL_PACKAGE', 'ACTIVATE'),
  prepaidDeclaration(43, 'Timtuoric-attiv pac traf extue', 'EXTRA_EU_ROAMING_DAILY_PACKAGE', 'ACTIVATE'),
  prepaidDeclaration(44, 'Timtuoric-attiv plaf dati naz', 'EXTRA_DATA_PLAFOND', 'ACTIVATE'),
  prepaidDeclaration(45, 'Timtuoric-att plaf dati extue', 'EXTRA_EU_ROAMING_DATA_PLAFOND', 'ACTIVATE'),
  prepaidDeclaration(46, 'Timtuoric-cess pacc traff naz', 'NATIONAL_PACKAGE', 'CEASE'),
  prepaidDeclaration(47, 'Timtuoric-cess pac traf extue', 'EXTRA_EU_ROAMING_DAILY_PACKAGE', 'CEASE'),
  prepaidDeclaration(48, 'Timtuoric-cess plaf dati naz', 'EXTRA_DATA_PLAFOND', 'CEASE'),
  prepaidDeclaration(49, 'Timtuoric-cess plaf dati extue', 'EXTRA_EU_ROAMING_DATA_PLAFOND', 'CEASE'),
] as const;
