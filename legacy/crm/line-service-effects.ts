import { invalidRequest } from './soap';
import type { Effect } from './effects';
import { stateRefused } from './effects';
import {
  BUNDLE_ENABLEMENTS, lineServices, MODIFIABLE_ENABLEMENTS, offerType, RIF_PROFILES, saveLineServices, type CategoryState, type LineServices,
} from './line-services';
import type { CrmStore, MobileLineRow } from './store';

/**
 * The CM8 SIM management changes CRM applies to a line's settings (line-services.ts) in the pratica's transaction.
 * CRM checks them against the line again: the graph checked first, but CRM is the system of record.
 */
function changeSettings(description: string, change: (current: LineServices, line: MobileLineRow, parameters: ReadonlyMap<string, string>) => LineServices): Effect {
  return {
    apply(store: CrmStore, line, parameters) {
      if (!['ATTIVO', 'CONGELATO'].includes(line.stato)) throw stateRefused(line, description);
      saveLineServices(store.db, line.numero, change(lineServices(store.db, [line]).get(line.numero)!, line, parameters));
      return true;
    },
  };
}

/** §7.3.5: `extraBundle`, `overBundleNazionaleUe`, `overBundleExtraUe` = SI/NO, only those the line's offer allows. */
const bundleEnablements = changeSettings('Modif abilit over-ext bundle', (current, line, parameters) => {
  const enablements = { ...current.enablements };
  for (const name of BUNDLE_ENABLEMENTS) {
    const value = parameters.get(name);
    if (value === undefined) continue;
    if (value !== 'SI' && value !== 'NO') throw invalidRequest(`${name} ammessi: SI, NO`);
    if (!MODIFIABLE_ENABLEMENTS[offerType(line)].includes(name)) throw invalidRequest(`${name} non modificabile per l'offerta ${offerType(line)}`);
    enablements[name] = value === 'SI';
  }
  return { ...current, enablements };
});

/** §7.3.9: one parameter per direttrice changed, ABILITATA or BLOCCATA; postpaid lines only. */
const networkServices = changeSettings('Servizi di rete', (current, line, parameters) => {
  if (line.tipo_linea !== 'ABBONAMENTO') throw stateRefused(line, 'Servizi di rete');
  const categories = { ...current.categories };
  for (const [category, state] of parameters) {
    if (!(category in categories)) throw invalidRequest(`direttrice ${category} non presente sulla linea ${line.numero}`);
    if (state !== 'ABILITATA' && state !== 'BLOCCATA') throw invalidRequest(`${category} ammessi: ABILITATA, BLOCCATA`);
    categories[category] = state as CategoryState;
  }
  return { ...current, categories };
});

/** §7.3.10: `profiloRif`, one of CRM's catalogue. */
const rifProfile = changeSettings('Servizio RIF', (current, _line, parameters) => {
  const profile = parameters.get('profiloRif') ?? '';
  if (!(RIF_PROFILES as readonly string[]).includes(profile)) throw invalidRequest(`profiloRif ammessi: ${RIF_PROFILES.join(', ')}`);
  return { ...current, rifProfile: profile };
});

export const LINE_SERVICE_EFFECTS: Record<string, Effect> = {
  'Modif abilit over-ext bundle': bundleEnablements,
  'Servizi di rete': networkServices,
  'Servizio RIF': rifProfile,
};
