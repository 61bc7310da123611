import type { FixedLine } from '../../../adapters/domain';
import type { FixedServiceKind } from '../../../adapters/crm/fixed-services';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { FIXED_LINE } from '../../runtime/dispositive/targets';
import { unwantedCallsReport } from '../../runtime/unwanted-calls';
import { checkFixedNumber } from './line-cessation';

/**
 * FIX-04 (seed 000 "Linee Fisso": "Gestione Servizi TiAvviso e IVR", "Segnala Chiamate Indesiderate"). A TiAvviso or
 * IVR service the line has is turned on or off by CRM in the pratica's transaction (legacy/crm/fixed-services.ts); one
 * the line never had is a new subscription, which is customer service's. The report of unwanted calls is
 * subgraphs/runtime/unwanted-calls.ts's, the same for a mobile line.
 */
interface ServiceToggle { number: string; service: FixedServiceKind }

const SERVICES: readonly FixedServiceKind[] = ['TI_AVVISO', 'IVR'];
const CRM_SERVICE: Record<FixedServiceKind, string> = { TI_AVVISO: 'TIAVVISO', IVR: 'IVR' };
const SERVICE_NAME: Record<FixedServiceKind, string> = { TI_AVVISO: 'TiAvviso', IVR: 'IVR' };

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

/** The report of unwanted calls on a fixed line (subgraphs/runtime/unwanted-calls.ts, shared with the mobile lines). */
export const REPORT_UNWANTED_CALLS = unwantedCallsReport({ field: 'reportUnwantedCalls', target: FIXED_LINE, checkNumber: checkFixedNumber });
