import type { FixedLine } from '../../../adapters/domain';
import type { FixedServiceKind } from '../../../adapters/crm/fixed-services';
import { badUserInput } from '../../../adapters/errors';
import { addDays, today } from '../../runtime/calendar';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { FIXED_LINE } from '../../runtime/dispositive/targets';
import { isIsoDate } from '../../runtime/scalars';
import { checkFreeText } from '../../runtime/validators/text';
import { checkFixedNumber } from './line-cessation';

/**
 * FIX-04 (seed 000 "Linee Fisso": "Gestione Servizi TiAvviso e IVR", "Segnala Chiamate Indesiderate"). A TiAvviso or
 * IVR service the line has is turned on or off by CRM in the pratica's transaction (legacy/crm/fixed-services.ts); one
 * the line never had is a new subscription, which is customer service's. The report of unwanted calls is a pratica
 * for the back office, with the caller's number and the day of the last call.
 */
interface ServiceToggle { number: string; service: FixedServiceKind }
interface UnwantedCalls { number: string; callingNumber: string; lastCallOn: string; description: string }

const SERVICES: readonly FixedServiceKind[] = ['TI_AVVISO', 'IVR'];
const CRM_SERVICE: Record<FixedServiceKind, string> = { TI_AVVISO: 'TIAVVISO', IVR: 'IVR' };
const SERVICE_NAME: Record<FixedServiceKind, string> = { TI_AVVISO: 'TiAvviso', IVR: 'IVR' };
/** How far back a report of unwanted calls may go: the traffic records the back office can still search. */
const REPORT_WINDOW_DAYS = 90;

/** The line with its services, as the toggle's rules need them. */
type LineWithServices = FixedLine & { services: { service: FixedServiceKind; active: boolean }[] };

const LINE_WITH_SERVICES = {
  ...FIXED_LINE,
  async load(number: string, context: Parameters<typeof FIXED_LINE.load>[1]): Promise<LineWithServices | null> {
    const [line, services] = await Promise.all([FIXED_LINE.load(number, context), context.loaders.crm.fixedLineServices.load(number)]);
    return line && { ...line, services };
  },
  async reload(line: LineWithServices, context: Parameters<typeof FIXED_LINE.reload>[1]): Promise<LineWithServices> {
    const [[services], fresh] = await Promise.all([context.legacy.crm.fixed.getLineServices([line.number]), FIXED_LINE.reload(line, context)]);
    context.loaders.crm.fixedLineServices.clear(line.number).prime(line.number, services);
    return { ...fresh, services };
  },
};

function serviceToggle(field: string, pratica: string, active: boolean): DispositiveDeclaration<ServiceToggle, LineWithServices> {
  return {
    field,
    appendixRows: [],
    capabilities: ['FIX-04'],
    pratica,
    ordine: false,
    target: LINE_WITH_SERVICES,
    validate(raw, at) {
      if (!SERVICES.includes(raw.service as FixedServiceKind)) throw badUserInput(at('service'), `must be one of ${SERVICES.join(', ')}`);
      return { number: checkFixedNumber(raw.number, at('number')), service: raw.service as FixedServiceKind };
    },
    targetId: (input) => input.number,
    refusal(line, { service }) {
      const current = line.services.find((s) => s.service === service);
      if (!current) return `The line has no ${SERVICE_NAME[service]} service: a new service is subscribed through customer service.`;
      if (line.status !== 'ACTIVE') return `The line is ${line.status.toLowerCase()}: its services cannot change.`;
      if (current.active === active) return `${SERVICE_NAME[service]} is already ${active ? 'on' : 'off'} on this line.`;
      return null;
    },
    crm: (_line, { service }) => ({ parameters: { servizio: CRM_SERVICE[service] } }),
  };
}

export const ACTIVATE_FIXED_LINE_SERVICE = serviceToggle('activateFixedLineService', 'Attivazione servizio linea fissa', true);
export const DEACTIVATE_FIXED_LINE_SERVICE = serviceToggle('deactivateFixedLineService', 'Disattivazione servizio linea fissa', false);

export const REPORT_UNWANTED_CALLS: DispositiveDeclaration<UnwantedCalls, FixedLine> = {
  field: 'reportUnwantedCalls',
  appendixRows: [],
  capabilities: ['FIX-04'],
  pratica: 'Segnalazione chiamate indesiderate',
  ordine: false,
  target: FIXED_LINE,
  validate(raw, at) {
    const number = checkFixedNumber(raw.number, at('number'));
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
