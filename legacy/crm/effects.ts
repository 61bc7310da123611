import { LegacyFault } from '../runtime/server';
import { nextMonth } from '../runtime/clock';
import { CONTRACT_EFFECTS } from './contract-data-effects';
import { LINE_CESSATION_EFFECTS } from './line-cessation';
import { PAYMENT_SETTINGS_EFFECTS } from './payment-settings';
import { LINE_MOVE_EFFECTS } from './line-move';
import { INTELLIGENT_NETWORK_EFFECTS } from './intelligent-network';
import { FIXED_SERVICE_EFFECTS } from './fixed-services';
import { COMPANY_DATA_EFFECTS } from './company-data';
import { CAMPAIGN_EFFECTS } from './campaigns';
import { LINE_SERVICE_EFFECTS } from './line-service-effects';
import { LINE_CONTRACT_MOVE_EFFECTS } from './line-contract-move';
import { PREMIUM_SERVICE_EFFECTS } from './premium-service-effects';
import { TIM_TUO_EFFECTS } from './tim-tuo-effects';
import { COMPANY_USER_EFFECTS } from './company-users';
import { invalidRequest } from './soap';
import type { CrmStore, MobileLineRow } from './store';
import type { ResolvedTarget } from './targets';

/**
 * What a pratica changes in CRM itself, by "Descrizione Pratica": applied in the same transaction as the pratica, so
 * that the change and its record exist together or not at all. A pratica without an entry here is work for the back
 * office (it stays open). `parametri` carry the values the change needs (`nuovoIccid`, ...), as CreaPratica sent them.
 * CRM re-checks the state the change needs even though the graph checked it first: two requests may race.
 */
export type Parameters = ReadonlyMap<string, string>;

export interface Effect {
  /** Applies the change; false when it leaves nothing to do in CRM (the change is made elsewhere, the pratica stays open). */
  apply(store: CrmStore, line: MobileLineRow, parameters: Parameters): boolean;
}

export const stateRefused = (line: MobileLineRow, description: string) =>
  new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${description}" non ammessa: linea ${line.numero} in stato ${line.stato}`);

function parameter(parameters: Parameters, name: string): string {
  const value = parameters.get(name);
  if (value === undefined || value === '') throw invalidRequest(`parametro ${name} mancante`);
  return value;
}

const lineStatus = (description: string, from: string[], to: string): Effect => ({
  apply(store, line) {
    if (!from.includes(line.stato)) throw stateRefused(line, description);
    store.setMobileLineStatus(line.numero, to);
    return true;
  },
});

/** Cambio SIM: the SIM named by `iccidSostituito` (the line's own, or one of its One Number group) becomes `nuovoIccid`. */
const changeSim: Effect = {
  apply(store, line, parameters) {
    const replaced = parameter(parameters, 'iccidSostituito');
    const replacement = parameter(parameters, 'nuovoIccid');
    const group: string[] | null = line.one_number_iccid ? JSON.parse(line.one_number_iccid) : null;
    if (replaced !== line.iccid && !group?.includes(replaced)) throw invalidRequest(`ICCID ${replaced} non appartiene alla linea ${line.numero}`);
    const swap = (iccid: string) => (iccid === replaced ? replacement : iccid);
    store.setMobileLineSims(line.numero, swap(line.iccid), group && group.map(swap));
    return true;
  },
};

/**
 * Conferma / Rinuncia ricarica aziendale (§7.3.3): a prepaid line in the given standing mode has it reversed for next
 * month only; a second change for the same month is refused.
 */
const automaticRechargeChange = (description: string, mode: 'CONFERMA' | 'RINUNCIA'): Effect => ({
  apply(store, line) {
    const month = nextMonth();
    if (line.tipo_linea !== 'RICARICABILE' || line.ricarica_automatica !== mode || line.ricarica_variata_mese === month) {
      throw stateRefused(line, description);
    }
    store.setAutomaticRechargeChange(line.numero, month);
    return true;
  },
});

/**
 * Richiesta ricarica aziendale (§7.3.4): a timed (TEMPO) or threshold (SOGLIA) recharge is set on the line, unless one
 * is already active (that changes only through customer service); a one-shot recharge (UNA_TANTUM) is credited by
 * eBill, so CRM keeps only the pratica, open.
 */
const companyRecharge: Effect = {
  apply(store, line, parameters) {
    const kind = parameter(parameters, 'tipo');
    if (line.tipo_linea !== 'RICARICABILE') throw stateRefused(line, 'Richiesta ricarica aziendale');
    if (kind === 'UNA_TANTUM') return false;
    if (kind !== 'TEMPO' && kind !== 'SOGLIA') throw invalidRequest('tipo ammessi: UNA_TANTUM, TEMPO, SOGLIA');
    if (line.ricarica_aziendale) throw stateRefused(line, 'Richiesta ricarica aziendale');
    const integer = (name: string) => Number(parameter(parameters, name));
    store.setCompanyRecharge(line.numero, JSON.stringify(kind === 'TEMPO'
      ? { tipo: kind, importoCent: integer('importoCent'), giorni: integer('giorni') }
      : { tipo: kind, importoCent: integer('importoCent'), sogliaCent: integer('sogliaCent') }));
    return true;
  },
};

const EFFECTS: Record<string, Effect> = {
  'Conferma ricarica aziendale': automaticRechargeChange('Conferma ricarica aziendale', 'CONFERMA'),
  'Rinuncia ricarica aziendale': automaticRechargeChange('Rinuncia ricarica aziendale', 'RINUNCIA'),
  'Richiesta ricarica aziendale': companyRecharge,
  'Furto/Smarrimento SIM': lineStatus('Furto/Smarrimento SIM', ['ATTIVO', 'CONGELATO'], 'SOSPESO'),
  'Ritrovamento SIM': lineStatus('Ritrovamento SIM', ['SOSPESO'], 'ATTIVO'),
  'Cambio SIM': changeSim,
  ...LINE_SERVICE_EFFECTS,
  // issue 11 (h-billing): TIM TUO, company side.
  ...TIM_TUO_EFFECTS,
  // Issue 21: a line moved to another contract of its company (MOB-17).
  ...LINE_CONTRACT_MOVE_EFFECTS,
  // Issue 21: premium services barred or unbarred, lines in or out of the black list (MOB-06).
  ...PREMIUM_SERVICE_EFFECTS,
};

/**
 * Issue 13: Appendix 1 files SMAS assistance and the SMAS credentials (seed 002 §7.6.7–§7.6.8, rows 27–28) as
 * "Servizio RIF" too, on the contract: without a line and a `profiloRif` such a pratica changes nothing in CRM and is
 * work for the back office.
 */
const smasRequest = (description: string, target: ResolvedTarget, parameters: Parameters) =>
  description === 'Servizio RIF' && !target.mobileLine && !parameters.has('profiloRif');

type TargetEffect = (store: CrmStore, target: ResolvedTarget, parameters: Parameters) => boolean;

/** One table of tables: a description named by two modules would be a pratica with two meanings, refused at start. */
function onePerDescription(tables: readonly Readonly<Record<string, TargetEffect>>[]): Readonly<Record<string, TargetEffect>> {
  const merged: Record<string, TargetEffect> = {};
  for (const table of tables) {
    for (const [description, effect] of Object.entries(table)) {
      if (merged[description]) throw new Error(`CRM stand-in: two effects for the pratica "${description}"`);
      merged[description] = effect;
    }
  }
  return merged;
}

/**
 * The changes that act on their resolved target rather than on a mobile line: a contract's data and referents (seed
 * 002 §7.1.2-§7.1.3), a line's cessation and its revocation (mobile or fixed alike), a contract's payment settings,
 * a fixed line's move, the user console, the intelligent numbers' routing plans and the fixed lines' services, the
 * company's data (issue 20) and an offer's activation (MOB-20).
 */
const TARGET_EFFECTS = onePerDescription([
  CONTRACT_EFFECTS, LINE_CESSATION_EFFECTS, PAYMENT_SETTINGS_EFFECTS, LINE_MOVE_EFFECTS, COMPANY_USER_EFFECTS,
  INTELLIGENT_NETWORK_EFFECTS, FIXED_SERVICE_EFFECTS, COMPANY_DATA_EFFECTS, CAMPAIGN_EFFECTS,
]);

/** Applies the pratica's change, if it has one in CRM; true when it is done (the pratica is then closed on creation). */
export function applyEffect(store: CrmStore, description: string, target: ResolvedTarget, parameters: Parameters): boolean {
  const contractEffect = TARGET_EFFECTS[description];
  if (contractEffect) return contractEffect(store, target, parameters);
  const effect = EFFECTS[description];
  if (!effect || smasRequest(description, target, parameters)) return false;
  if (!target.mobileLine) throw invalidRequest(`"${description}" riguarda una linea mobile`);
  return effect.apply(store, target.mobileLine, parameters);
}
