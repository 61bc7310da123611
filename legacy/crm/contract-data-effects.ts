import { LegacyFault } from '../runtime/server';
import { REFERENT_PROFILES, type CrmDeliveryAddress } from '../data/crm-contract-data';
import { referentOf, saveAddress, saveReferent, type AddressKind } from './contract-data';
import { invalidRequest } from './soap';
import type { CrmStore } from './store';
import type { ResolvedTarget } from './targets';

/**
 * The pratiche of seed 002 §7.1.2-§7.1.3 that CRM applies itself, in the pratica's transaction (effects.ts calls
 * them): a contract's delivery addresses and its referents. They are done on creation, so the pratica is closed and
 * the change shows in GetDatiContratto and, for referents, in the grants GetProfiloUtente derives from them.
 */
export type ContractEffect = (store: CrmStore, target: ResolvedTarget, parameters: ReadonlyMap<string, string>) => boolean;

/** A person CRM does not know and whose name the request does not give: CRM cannot register him. */
export const unknownPerson = (taxCode: string) =>
  new LegacyFault(500, 'SBL-BRL-00120', `Persona con codice fiscale ${taxCode} sconosciuta: nome e cognome obbligatori`);

function required(parameters: ReadonlyMap<string, string>, name: string): string {
  const value = parameters.get(name);
  if (!value) throw invalidRequest(`parametro ${name} mancante`);
  return value;
}

function contractOf(target: ResolvedTarget, description: string): string {
  if (!target.contract || (target.kind !== 'CONTRATTO' && target.kind !== 'REFERENTE')) throw invalidRequest(`"${description}" riguarda un contratto`);
  return target.contract;
}

const deliveryAddress = (kind: AddressKind, description: string): ContractEffect => (store, target, parameters) => {
  const address: CrmDeliveryAddress = {
    attentionOf: parameters.get('allAttenzione') || null, street: required(parameters, 'indirizzo'), houseNumber: required(parameters, 'civico'),
    postalCode: required(parameters, 'cap'), city: required(parameters, 'comune'), province: required(parameters, 'provincia'),
  };
  saveAddress(store.db, contractOf(target, description), kind, address);
  return true;
};

/** The name CRM already holds for a tax code: a registered user, or a referent of any contract. */
function knownName(store: CrmStore, taxCode: string): { nome: string; cognome: string } | null {
  return (store.db.prepare(`SELECT nome, cognome FROM utenti WHERE codice_fiscale = ?
    UNION ALL SELECT nome, cognome FROM referenti WHERE codice_fiscale = ? LIMIT 1`).get(taxCode, taxCode) as { nome: string; cognome: string } | undefined) ?? null;
}

/**
 * Referenti: `operazione` SOSTITUZIONE (another person takes the referent's place: `codiceFiscale`, `cellulare`,
 * `email`, and `nome`/`cognome` unless CRM knows the person) or CONTATTI (the same person's `cellulare` and/or `email`).
 */
const referents: ContractEffect = (store, target, parameters) => {
  const contract = contractOf(target, 'Referenti');
  const kind = required(parameters, 'tipoReferente');
  if (!(kind in REFERENT_PROFILES)) throw invalidRequest(`tipoReferente ammessi: ${Object.keys(REFERENT_PROFILES).join(', ')}`);
  const current = referentOf(store.db, contract, kind);
  const operation = required(parameters, 'operazione');
  if (operation === 'CONTATTI') {
    if (!current) throw new LegacyFault(500, 'SBL-DAT-00225', `Nessun record trovato: referente ${kind} del contratto ${contract}`);
    saveReferent(store.db, { ...current, cellulare: parameters.get('cellulare') || current.cellulare, email: parameters.get('email') || current.email });
    return true;
  }
  if (operation !== 'SOSTITUZIONE') throw invalidRequest('operazione ammesse: SOSTITUZIONE, CONTATTI');
  const taxCode = required(parameters, 'codiceFiscale');
  const given = parameters.get('nome') && parameters.get('cognome') ? { nome: parameters.get('nome')!, cognome: parameters.get('cognome')! } : null;
  const name = knownName(store, taxCode) ?? given;
  if (!name) throw unknownPerson(taxCode);
  saveReferent(store.db, {
    numero_contratto: contract, tipo: kind as keyof typeof REFERENT_PROFILES, codice_fiscale: taxCode, ...name,
    cellulare: required(parameters, 'cellulare'), email: required(parameters, 'email'),
  });
  return true;
};

export const CONTRACT_EFFECTS: Record<string, ContractEffect> = {
  'Modifica recapito rendiconto': deliveryAddress('RENDICONTO', 'Modifica recapito rendiconto'),
  'Modifica recapito doc traffico': deliveryAddress('DOC_TRAFFICO', 'Modifica recapito doc traffico'),
  Referenti: referents,
};
