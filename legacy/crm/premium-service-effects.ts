import { LegacyFault } from '../runtime/server';
import { LINE_SWITCHED_SERVICES, PREMIUM_SERVICE_TYPES, type LineSwitchedService, type PremiumServiceType } from '../data/mobile-services-reference';
import type { Effect } from './effects';
import { stateRefused } from './effects';
import { SWITCHED_SERVICE_LABELS, switchPratica } from './line-switched-services';
import { invalidRequest } from './soap';
import type { CrmStore, MobileLineRow } from './store';

/**
 * The changes of the premium services, of the black list (premium-services.ts) and of the services switched per line, SMS solidale and TIMDUO
 * (line-switched-services.ts; MOB-06), applied in the pratica's transaction. CRM checks them against what it holds: a service the line does not
 * have in the state the change starts from, a line already in (or not in) a list, is refused and nothing is written.
 * Imported by effects.ts only, like the other effects, so that the effects table is complete whichever module loads
 * first.
 */
const refused = (line: MobileLineRow, description: string, why: string) =>
  new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${description}" non ammessa: linea ${line.numero} ${why}`);

function parameter(parameters: ReadonlyMap<string, string>, name: string): string {
  const value = parameters.get(name);
  if (!value) throw invalidRequest(`parametro ${name} mancante`);
  return value;
}

/** A premium service of the line changes from one state to the other: bar (ATTIVO → BLOCCATO) or unbar. */
const premiumState = (description: string, from: string, to: string): Effect => ({
  apply(store: CrmStore, line, parameters) {
    if (!['ATTIVO', 'CONGELATO'].includes(line.stato)) throw stateRefused(line, description);
    const code = parameter(parameters, 'codiceServizio');
    const { changes } = store.db.prepare('UPDATE servizi_premium SET stato = ? WHERE numero_linea = ? AND codice = ? AND stato = ?').run(to, line.numero, code, from);
    if (changes === 0) throw refused(line, description, `senza servizio premium ${code} in stato ${from}`);
    return true;
  },
});

function blackListType(parameters: ReadonlyMap<string, string>): PremiumServiceType {
  const type = parameter(parameters, 'tipologia');
  if (!(PREMIUM_SERVICE_TYPES as readonly string[]).includes(type)) throw invalidRequest(`tipologia ammesse: ${PREMIUM_SERVICE_TYPES.join(', ')}`);
  return type as PremiumServiceType;
}

/** The line enters (or leaves) the black list of a type of premium service. */
const blackList = (description: string, entering: boolean): Effect => ({
  apply(store: CrmStore, line, parameters) {
    if (!['ATTIVO', 'CONGELATO'].includes(line.stato)) throw stateRefused(line, description);
    const type = blackListType(parameters);
    const { changes } = entering
      ? store.db.prepare('INSERT OR IGNORE INTO black_list_linee VALUES (?, ?)').run(line.numero, type)
      : store.db.prepare('DELETE FROM black_list_linee WHERE numero_linea = ? AND tipologia = ?').run(line.numero, type);
    if (changes === 0) throw refused(line, description, entering ? `già in black list per ${type}` : `non in black list per ${type}`);
    return true;
  },
});

/** A service on the contract switched line by line (line-switched-services.ts: SMS solidale, TIMDUO): the line enabled to it, or no longer. */
const lineSwitch = (service: LineSwitchedService, enabling: boolean): Effect => {
  const description = switchPratica(service, enabling);
  const label = SWITCHED_SERVICE_LABELS[service];
  return {
    apply(store: CrmStore, line) {
      if (!['ATTIVO', 'CONGELATO'].includes(line.stato)) throw stateRefused(line, description);
      const { changes } = enabling
        ? store.db.prepare('INSERT OR IGNORE INTO servizi_linea_abilitati VALUES (?, ?)').run(service, line.numero)
        : store.db.prepare('DELETE FROM servizi_linea_abilitati WHERE servizio = ? AND numero_linea = ?').run(service, line.numero);
      if (changes === 0) throw refused(line, description, enabling ? `già abilitata a ${label}` : `non abilitata a ${label}`);
      return true;
    },
  };
};

const LINE_SWITCH_EFFECTS: Record<string, Effect> = Object.fromEntries(LINE_SWITCHED_SERVICES.flatMap((service) =>
  [true, false].map((enabling) => [switchPratica(service, enabling), lineSwitch(service, enabling)])));

export const BAR_PREMIUM_SERVICE = 'Blocco servizio premium';
export const UNBAR_PREMIUM_SERVICE = 'Sblocco servizio premium';
export const ADD_TO_BLACK_LIST = 'Inserimento black list';
export const REMOVE_FROM_BLACK_LIST = 'Rimozione black list';

export const PREMIUM_SERVICE_EFFECTS: Record<string, Effect> = {
  ...LINE_SWITCH_EFFECTS,
  [BAR_PREMIUM_SERVICE]: premiumState(BAR_PREMIUM_SERVICE, 'ATTIVO', 'BLOCCATO'),
  [UNBAR_PREMIUM_SERVICE]: premiumState(UNBAR_PREMIUM_SERVICE, 'BLOCCATO', 'ATTIVO'),
  [ADD_TO_BLACK_LIST]: blackList(ADD_TO_BLACK_LIST, true),
  [REMOVE_FROM_BLACK_LIST]: blackList(REMOVE_FROM_BLACK_LIST, false),
};
