import { legacyDate, today } from '../runtime/clock';
import type { Db } from '../runtime/db';
import { LegacyFault } from '../runtime/server';
import type { ContractEffect } from './contract-data-effects';
import { invalidRequest } from './soap';

/**
 * How a contract's invoices are paid and sent (seed 000 "Linee e Servizi", the mobile and fixed contract: "Domiciliazione
 * Pagamento", "Dis/Abilitazione NoCarta"; MOB-02, FIX-05): CRM keeps, per contract, whether the invoice is paperless
 * (NoCarta) and the direct debit asked for (the IBAN masked, the account holder, the day asked). GetDatiContratto prints
 * them (`impostazioniPagamento`). Who collects the direct debit is the billing system's business: for a mobile contract
 * eBill holds the mandate, keyed by the pratica (the graph sends it there once the pratica exists); a fixed contract's
 * is the back office's work (the pratica stays open).
 */
export const PAYMENT_SETTINGS_SCHEMA = `
CREATE TABLE IF NOT EXISTS impostazioni_pagamento (
  numero_contratto TEXT PRIMARY KEY, no_carta TEXT NOT NULL DEFAULT 'NO', iban_mascherato TEXT, intestatario TEXT, data_richiesta TEXT);
`;

interface SettingsRow { numero_contratto: string; no_carta: string; iban_mascherato: string | null; intestatario: string | null; data_richiesta: string | null }

const settingsOf = (db: Db, contract: string) =>
  db.prepare('SELECT * FROM impostazioni_pagamento WHERE numero_contratto = ?').get(contract) as SettingsRow | undefined;

/** `impostazioniPagamento` of GetDatiContratto: NoCarta SI/NO and the direct debit asked for, if any. */
export function paymentSettingsXml(db: Db, contract: string) {
  const s = settingsOf(db, contract);
  return {
    noCarta: s?.no_carta ?? 'NO',
    domiciliazione: s?.iban_mascherato
      ? { ibanMascherato: s.iban_mascherato, intestatario: s.intestatario ?? '', dataRichiesta: legacyDate(new Date(`${s.data_richiesta}T12:00:00Z`)) }
      : '',
  };
}

const maskedIban = (iban: string) => `${iban.slice(0, 5)}${'*'.repeat(iban.length - 9)}${iban.slice(-4)}`;

function contractOf(target: Parameters<ContractEffect>[1], description: string): string {
  if (target.kind !== 'CONTRATTO' || !target.contract) throw invalidRequest(`"${description}" riguarda un contratto`);
  return target.contract;
}

const ensureRow = (db: Db, contract: string) => db.prepare('INSERT OR IGNORE INTO impostazioni_pagamento (numero_contratto) VALUES (?)').run(contract);

const noCarta = (description: string, value: 'SI' | 'NO'): ContractEffect => (store, target) => {
  const contract = contractOf(target, description);
  if ((settingsOf(store.db, contract)?.no_carta ?? 'NO') === value) {
    throw new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${description}" non ammessa: contratto ${contract} ha già NoCarta ${value}`);
  }
  ensureRow(store.db, contract);
  store.db.prepare('UPDATE impostazioni_pagamento SET no_carta = ? WHERE numero_contratto = ?').run(value, contract);
  return true;
};

/** Domiciliazione pagamento: `iban` (Italian, CRM masks it) and `intestatario`; the pratica stays open until the bank's mandate. */
const directDebit: ContractEffect = (store, target, parameters) => {
  const contract = contractOf(target, 'Domiciliazione pagamento');
  const iban = parameters.get('iban') ?? '';
  const holder = parameters.get('intestatario') ?? '';
  if (!/^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/.test(iban) || !holder) throw invalidRequest('parametri iban (italiano) e intestatario obbligatori');
  ensureRow(store.db, contract);
  store.db.prepare('UPDATE impostazioni_pagamento SET iban_mascherato = ?, intestatario = ?, data_richiesta = ? WHERE numero_contratto = ?')
    .run(maskedIban(iban), holder, today().toISOString().slice(0, 10), contract);
  return false;
};

export const PAYMENT_SETTINGS_EFFECTS: Record<string, ContractEffect> = {
  'Attivazione NoCarta': noCarta('Attivazione NoCarta', 'SI'),
  'Cessazione NoCarta': noCarta('Cessazione NoCarta', 'NO'),
  'Domiciliazione pagamento': directDebit,
};
