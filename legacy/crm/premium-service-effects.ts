import { LegacyFault } from '../runtime/server';
import { PREMIUM_SERVICE_TYPES, type PremiumServiceType } from '../data/mobile-services-reference';
import type { Effect } from './effects';
import { stateRefused } from './effects';
import { invalidRequest } from './soap';
import type { CrmStore, MobileLineRow } from './store';

/**
 * The changes of the premium services, of the black list (premium-services.ts) and of SMS solidale (sms-solidale.ts;
 * MOB-06), applied in the pratica's transaction. CRM checks them against what it holds: a service the line does not
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

/** SMS solidale (sms-solidale.ts): the line enabled to send SMS to fund-raising numbers, or no longer. */
const smsSolidale = (description: string, enabling: boolean): Effect => ({
  apply(store: CrmStore, line) {
    if (!['ATTIVO', 'CONGELATO'].includes(line.stato)) throw stateRefused(line, description);
    const { changes } = enabling
      ? store.db.prepare('INSERT OR IGNORE INTO sms_solidale_linee VALUES (?)').run(line.numero)
      : store.db.prepare('DELETE FROM sms_solidale_linee WHERE numero_linea = ?').run(line.numero);
    if (changes === 0) throw refused(line, description, enabling ? 'già abilitata agli SMS solidali' : 'non abilitata agli SMS solidali');
    return true;
  },
});

export const BAR_PREMIUM_SERVICE = 'Blocco servizio premium';
export const UNBAR_PREMIUM_SERVICE = 'Sblocco servizio premium';
export const ADD_TO_BLACK_LIST = 'Inserimento black list';
export const REMOVE_FROM_BLACK_LIST = 'Rimozione black list';

export const ENABLE_SMS_SOLIDALE = 'Abilitazione SMS solidale';
export const DISABLE_SMS_SOLIDALE = 'Disabilitazione SMS solidale';

export const PREMIUM_SERVICE_EFFECTS: Record<string, Effect> = {
  [ENABLE_SMS_SOLIDALE]: smsSolidale(ENABLE_SMS_SOLIDALE, true),
  [DISABLE_SMS_SOLIDALE]: smsSolidale(DISABLE_SMS_SOLIDALE, false),
  [BAR_PREMIUM_SERVICE]: premiumState(BAR_PREMIUM_SERVICE, 'ATTIVO', 'BLOCCATO'),
  [UNBAR_PREMIUM_SERVICE]: premiumState(UNBAR_PREMIUM_SERVICE, 'BLOCCATO', 'ATTIVO'),
  [ADD_TO_BLACK_LIST]: blackList(ADD_TO_BLACK_LIST, true),
  [REMOVE_FROM_BLACK_LIST]: blackList(REMOVE_FROM_BLACK_LIST, false),
};
