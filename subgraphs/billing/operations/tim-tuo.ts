import type { TimTuoOption } from '../../../adapters/crm/tim-tuo';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { LINE_TIM_TUO, type LineWithTimTuo } from '../../runtime/dispositive/tim-tuo-target';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { enablementChangeable } from '../tim-tuo';

/**
 * Seed 002 §7.4.5–§7.4.8 (Appendix rows 17–21; BIL-09): TIM TUO, the company side, for the CM8 ROA. Each is a list
 * operation on lines (a pratica per line, as the Appendix row says, with or without its ordine); CRM applies the
 * change to the line's TIM TUO record in the pratica's transaction (legacy/crm/tim-tuo-effects.ts); eBill bills the
 * options (`linee/opzioni-tim-tuo`, keyed by the pratica id).
 */
interface LineItem { number: string }
interface EnablementItem extends LineItem { enabled: boolean }
interface OptionItem extends LineItem { option: TimTuoOption }

const OPTIONS: readonly TimTuoOption[] = ['EXTRA_EU_ROAMING', 'MMS'];
const CRM_OPTION: Record<TimTuoOption, 'ROAMING_EXTRA_UE' | 'MMS'> = { EXTRA_EU_ROAMING: 'ROAMING_EXTRA_UE', MMS: 'MMS' };

const lineNumber = (raw: Record<string, unknown>, at: (field: string) => string) => checkMobileNumber(raw.number, at('number'));
function optionOf(raw: Record<string, unknown>, at: (field: string) => string): TimTuoOption {
  if (!OPTIONS.includes(raw.option as TimTuoOption)) throw badUserInput(at('option'), `must be one of ${OPTIONS.join(', ')}`);
  return raw.option as TimTuoOption;
}
const notCeased = (line: LineWithTimTuo) => (line.status === 'CEASED' ? 'The line is ceased.' : null);

/** What every TIM TUO declaration shares: a list of lines, the target with its TIM TUO record, the capability. */
const common = { target: LINE_TIM_TUO, listField: 'lines', capabilities: ['BIL-09'], targetId: (item: LineItem) => item.number } as const;

export const SET_TIM_TUO_ENABLEMENT: DispositiveDeclaration<EnablementItem, LineWithTimTuo> = {
  ...common,
  field: 'setTimTuoEnablement',
  appendixRows: [17],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  pratica: 'Attivazione TIM TUO Azienda',
  ordine: true,
  validate(raw, at) {
    if (typeof raw.enabled !== 'boolean') throw badUserInput(at('enabled'), 'must be true or false');
    return { number: lineNumber(raw, at), enabled: raw.enabled };
  },
  refusal: (line, item) => notCeased(line)
    ?? (line.timTuo.enabled === item.enabled ? `TIM TUO is ${item.enabled ? 'enabled' : 'disabled'} on the line already.` : null)
    ?? (!enablementChangeable(line, line.timTuo)
      ? 'TIM TUO can be disabled only on a postpaid PA 8 or PA 8 PACCHETTO line whose TIM TUO was ceased first (seed 002 §7.4.7).' : null),
  crm: (_line, item) => ({ parameters: { abilitato: item.enabled ? 'SI' : 'NO' } }),
};

export const ACTIVATE_TIM_TUO_OPTION: DispositiveDeclaration<OptionItem, LineWithTimTuo> = {
  ...common,
  field: 'activateTimTuoOption',
  appendixRows: [18],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  pratica: 'Attivazione opzioni TIM TUO',
  ordine: true,
  sharedFields: ['option'],
  validate: (raw, at) => ({ number: lineNumber(raw, at), option: optionOf(raw, at) }),
  refusal: (line, item) => notCeased(line)
    ?? (line.timTuo.status !== 'ACTIVE' ? 'TIM TUO is not active on the line: its user activates it first.' : null)
    ?? (item.option === 'MMS' && line.kind !== 'PREPAID' ? 'TIM Tuo MMS is for prepaid lines only.' : null)
    ?? (line.timTuo.options.includes(item.option) ? 'The option is active on the line already.' : null),
  crm: (_line, item) => ({ parameters: { opzione: CRM_OPTION[item.option] } }),
  // eBill bills the option: its write keyed by the pratica id, so a retry bills it once.
  applyElsewhere: ({ created, input }, { legacy }) =>
    legacy.ebill.setTimTuoOption(created.request.id, { lineNumber: input.number, option: CRM_OPTION[input.option], active: true }),
};

/** §7.4.7: the postpaid and prepaid rows differ in their ordine (Appendix rows 19 and 20), hence two operations. */
function ceaseTimTuo(field: string, row: number, kind: 'POSTPAID' | 'PREPAID', ordine: boolean): DispositiveDeclaration<LineItem, LineWithTimTuo> {
  return {
    ...common,
    field,
    appendixRows: [row],
    // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
    summary: {},
    pratica: 'Cessazione TIM TUO',
    ordine,
    validate: (raw, at) => ({ number: lineNumber(raw, at) }),
    refusal: (line) => notCeased(line)
      ?? (line.kind !== kind ? `This operation is for ${kind.toLowerCase()} lines.` : null)
      ?? (line.timTuo.status !== 'ACTIVE' ? 'TIM TUO is not active on the line.' : null),
    // CRM ceases the options with the service; eBill stops billing every option, keyed by the pratica id and the
    // option: ceasing one eBill does not bill is harmless, and a retry after a crash (which finds the line ceased,
    // its options gone from CRM) repeats the same writes rather than skipping them.
    applyElsewhere: async ({ created, target }, { legacy }) => {
      for (const option of OPTIONS) {
        await legacy.ebill.setTimTuoOption(`${created.request.id}:${CRM_OPTION[option]}`, { lineNumber: target.number, option: CRM_OPTION[option], active: false });
      }
    },
  };
}
export const CEASE_POSTPAID_TIM_TUO = ceaseTimTuo('ceasePostpaidTimTuo', 19, 'POSTPAID', false);
export const CEASE_PREPAID_TIM_TUO = ceaseTimTuo('ceasePrepaidTimTuo', 20, 'PREPAID', true);

export const CEASE_TIM_TUO_OPTION: DispositiveDeclaration<OptionItem, LineWithTimTuo> = {
  ...common,
  field: 'ceaseTimTuoOption',
  appendixRows: [21],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  pratica: 'Cessazione opzioni TIM TUO',
  ordine: true,
  sharedFields: ['option'],
  validate: (raw, at) => ({ number: lineNumber(raw, at), option: optionOf(raw, at) }),
  refusal: (line, item) => notCeased(line) ?? (line.timTuo.options.includes(item.option) ? null : 'The option is not active on the line.'),
  crm: (_line, item) => ({ parameters: { opzione: CRM_OPTION[item.option] } }),
  applyElsewhere: ({ created, input }, { legacy }) =>
    legacy.ebill.setTimTuoOption(created.request.id, { lineNumber: input.number, option: CRM_OPTION[input.option], active: false }),
};
