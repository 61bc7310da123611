import type { MobileLine } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import { CRM_PREMIUM_TYPES } from '../../../adapters/crm/premium-services';
import { PREMIUM_SERVICE_TYPES, type PremiumServiceType } from '../../../adapters/inventory-domain';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkMobileNumber } from '../../runtime/validators/phone';

/**
 * MOB-06, the customer area's "Servizi Premium", SMS solidale and TIMDUO (seed 000: "Visualizza e gestisci i servizi premium attivi sulle tue
 * linee mobili"; "Inserisci o rimuovi dalla black list le tue linee mobili rispetto a specifiche tipologie di
 * servizi"). CRM keeps the premium services and the black list (legacy/crm/premium-services.ts) and refuses a change
 * that does not fit them (a service the line does not have in that state, a line already in or not in the list):
 * the graph checks what the line itself tells.
 */
const SERVICE_CODE = /^[A-Z]{2,5}-\d{3,8}$/;

const lineRefusal = (what: string) => (line: MobileLine) =>
  (line.status === 'ACTIVE' || line.status === 'FROZEN' ? null : `The ${what} of an active or frozen line only can change: the line is ${line.status.toLowerCase()}.`);

/** What every change of the page shares: an Area Clienti change of one line, closed at once, without an ordine. */
const onLine = (field: string, pratica: string) => ({
  field, appendixRows: [], capabilities: ['MOB-06'], pratica, ordine: false, target: MOBILE_LINE, targetId: (input: { number: string }) => input.number,
});

function premiumChange(field: string, pratica: string): DispositiveDeclaration<{ number: string; serviceCode: string }, MobileLine> {
  return {
    ...onLine(field, pratica),
    validate(raw, at) {
      const code = typeof raw.serviceCode === 'string' ? raw.serviceCode.trim().toUpperCase() : '';
      if (!SERVICE_CODE.test(code)) throw badUserInput(at('serviceCode'), 'must be a premium service code, e.g. VAS-48210');
      return { number: checkMobileNumber(raw.number, at('number')), serviceCode: code };
    },
    refusal: lineRefusal('premium services'),
    crm: (_line, input) => ({ parameters: { codiceServizio: input.serviceCode } }),
  };
}

function blackListChange(field: string, pratica: string): DispositiveDeclaration<{ number: string; type: PremiumServiceType }, MobileLine> {
  return {
    ...onLine(field, pratica),
    listField: 'lines',
    sharedFields: ['type'],
    validate(raw, at) {
      if (!(PREMIUM_SERVICE_TYPES as readonly unknown[]).includes(raw.type)) throw badUserInput(at('type'), `must be one of ${PREMIUM_SERVICE_TYPES.join(', ')}`);
      return { number: checkMobileNumber(raw.number, at('number')), type: raw.type as PremiumServiceType };
    },
    refusal: lineRefusal('black list'),
    crm: (_line, input) => ({ parameters: { tipologia: CRM_PREMIUM_TYPES[input.type] } }),
  };
}

/**
 * A service on the contract switched line by line ("abilita o disabilita le tue linee"): SMS solidale and TIMDUO, one
 * or many lines at once, per line the pratica "Abilitazione <service>" or "Disabilitazione <service>", which CRM applies
 * to the service it names (legacy/crm/premium-service-effects.ts).
 */
function switchedServiceChanges(service: string, enableField: string, disableField: string): [DispositiveDeclaration<{ number: string }, MobileLine>, DispositiveDeclaration<{ number: string }, MobileLine>] {
  const change = (field: string, pratica: string): DispositiveDeclaration<{ number: string }, MobileLine> => ({
    ...onLine(field, pratica),
    listField: 'lines',
    validate: (raw, at) => ({ number: checkMobileNumber(raw.number, at('number')) }),
    refusal: lineRefusal(service),
  });
  return [change(enableField, `Abilitazione ${service}`), change(disableField, `Disabilitazione ${service}`)];
}

export const BAR_PREMIUM_SERVICE = premiumChange('barPremiumService', 'Blocco servizio premium');
export const UNBAR_PREMIUM_SERVICE = premiumChange('unbarPremiumService', 'Sblocco servizio premium');
export const ADD_LINES_TO_BLACK_LIST = blackListChange('addLinesToBlackList', 'Inserimento black list');
export const REMOVE_LINES_FROM_BLACK_LIST = blackListChange('removeLinesFromBlackList', 'Rimozione black list');
export const [ENABLE_SMS_SOLIDALE, DISABLE_SMS_SOLIDALE] = switchedServiceChanges('SMS solidale', 'enableSmsSolidale', 'disableSmsSolidale');
export const [ENABLE_TIMDUO, DISABLE_TIMDUO] = switchedServiceChanges('TIMDUO', 'enableTimduo', 'disableTimduo');
