import { LegacyFault, type StandInReply } from '../runtime/server';
import { legacyDate, today } from '../runtime/clock';
import type { Db } from '../runtime/db';
import { crmContractData, REFERENT_PROFILES, type CrmDeliveryAddress, type CrmReferentType } from '../data/crm-contract-data';
import { BATCH_LIMIT } from './operations';
import { paymentSettingsXml } from './payment-settings';
import { soapAnswer, texts, type SoapRecord } from './soap';
import { isoDate, type GrantRow } from './store';

/**
 * The CM8 contract data CRM keeps beside the contract (seed 002 §7.1.2, §7.1.3): its referents (one per kind:
 * Master, Mandatario, eBill, traffic manager, messaging), its two delivery addresses (RENDICONTO: the company's
 * invoices; DOC_TRAFFICO: the traffic documentation), each row with the date it was last changed.
 *
 * Referents are also where the CM8 grants come from: GetProfiloUtente adds, to a user's stored grants, one CONTRATTO
 * grant per referent record that holds his mobile line (`referentGrants`). A pratica "Referenti" that replaces a
 * referent or changes his mobile therefore moves the profile with it, in the pratica's transaction.
 */
export const CONTRACT_DATA_SCHEMA = `
CREATE TABLE IF NOT EXISTS referenti (
  numero_contratto TEXT NOT NULL, tipo TEXT NOT NULL, codice_fiscale TEXT NOT NULL, cognome TEXT NOT NULL, nome TEXT NOT NULL,
  cellulare TEXT NOT NULL, email TEXT NOT NULL, data_aggiornamento TEXT NOT NULL, PRIMARY KEY (numero_contratto, tipo));
CREATE INDEX IF NOT EXISTS referenti_cellulare ON referenti (cellulare);
CREATE TABLE IF NOT EXISTS recapiti_contratto (
  numero_contratto TEXT NOT NULL, tipo TEXT NOT NULL, all_attenzione TEXT, indirizzo TEXT NOT NULL, civico TEXT NOT NULL,
  cap TEXT NOT NULL, comune TEXT NOT NULL, provincia TEXT NOT NULL, data_aggiornamento TEXT NOT NULL, PRIMARY KEY (numero_contratto, tipo));
`;

export type AddressKind = 'RENDICONTO' | 'DOC_TRAFFICO';

export interface ReferentRow {
  numero_contratto: string; tipo: CrmReferentType; codice_fiscale: string; cognome: string; nome: string; cellulare: string; email: string;
  data_aggiornamento: string;
}
interface AddressRow {
  numero_contratto: string; tipo: AddressKind; all_attenzione: string | null; indirizzo: string; civico: string; cap: string; comune: string;
  provincia: string; data_aggiornamento: string;
}

export function saveReferent(db: Db, r: Omit<ReferentRow, 'data_aggiornamento'>): void {
  db.prepare(`INSERT OR REPLACE INTO referenti VALUES (@numero_contratto, @tipo, @codice_fiscale, @cognome, @nome, @cellulare, @email, @data_aggiornamento)`)
    .run({ ...r, data_aggiornamento: isoDate(today()) });
}

export function saveAddress(db: Db, contract: string, kind: AddressKind, a: CrmDeliveryAddress, on = today()): void {
  db.prepare('INSERT OR REPLACE INTO recapiti_contratto VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(contract, kind, a.attentionOf, a.street, a.houseNumber, a.postalCode, a.city, a.province, isoDate(on));
}

export function seedContractData(db: Db, large: { id: string; lines: number }[]): void {
  const { referents, addresses, updatedOn } = crmContractData(large);
  const insert = db.prepare('INSERT INTO referenti VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of referents) insert.run(r.contract, r.type, r.taxCode, r.lastName, r.firstName, r.mobile, r.email, isoDate(updatedOn));
  for (const a of addresses) {
    saveAddress(db, a.contract, 'RENDICONTO', a.invoice, updatedOn);
    saveAddress(db, a.contract, 'DOC_TRAFFICO', a.trafficDocumentation, updatedOn);
  }
}

export function referentOf(db: Db, contract: string, kind: string): ReferentRow | null {
  return (db.prepare('SELECT * FROM referenti WHERE numero_contratto = ? AND tipo = ?').get(contract, kind) as ReferentRow | undefined) ?? null;
}

/** The CM8 grants a mobile line holds as a referent: one per contract and kind of referent that gives a profile. */
export function referentGrants(db: Db, mobile: string | null): GrantRow[] {
  if (!mobile) return [];
  const rows = db.prepare('SELECT numero_contratto, tipo FROM referenti WHERE cellulare = ? ORDER BY numero_contratto, tipo').all(mobile) as ReferentRow[];
  return rows.flatMap((r) => {
    const profile = REFERENT_PROFILES[r.tipo];
    return profile ? [{ profilo: profile, tipo_ambito: 'CONTRATTO', ambito: r.numero_contratto }] : [];
  });
}

const date = (iso: string) => legacyDate(new Date(`${iso}T12:00:00Z`));

/**
 * GetDatiContratto (`numero`*, at most 100): per known contract its referents and delivery addresses and the date
 * its data were last changed (the latest of its rows).
 */
export function contractData(db: Db, params: SoapRecord): StandInReply {
  const wanted = texts(params, 'numero');
  if (wanted.length > BATCH_LIMIT) throw new LegacyFault(500, 'SBL-BAT-00001', `Superato il numero massimo di elementi (${BATCH_LIMIT}) per numero`);
  const known = wanted.length === 0 ? [] : db.prepare(`SELECT numero FROM contratti WHERE numero IN (${wanted.map(() => '?').join(', ')})`)
    .all(...wanted) as { numero: string }[];
  const referents = db.prepare('SELECT * FROM referenti WHERE numero_contratto = ? ORDER BY tipo');
  const addresses = db.prepare('SELECT * FROM recapiti_contratto WHERE numero_contratto = ? ORDER BY tipo');
  return soapAnswer('GetDatiContratto', {
    datiContratto: known.map(({ numero }) => {
      const rs = referents.all(numero) as ReferentRow[];
      const as = addresses.all(numero) as AddressRow[];
      const latest = [...rs, ...as].map((r) => r.data_aggiornamento).sort().at(-1);
      return {
        numero,
        dataAggiornamento: latest ? date(latest) : '',
        referente: rs.map((r) => ({ tipo: r.tipo, codiceFiscale: r.codice_fiscale, cognome: r.cognome, nome: r.nome, cellulare: r.cellulare, email: r.email })),
        recapito: as.map((a) => ({
          tipo: a.tipo, allAttenzione: a.all_attenzione ?? '', indirizzo: a.indirizzo, civico: a.civico, cap: a.cap, comune: a.comune, provincia: a.provincia,
        })),
        // Issue 21: NoCarta and the direct debit asked for (payment-settings.ts).
        impostazioniPagamento: paymentSettingsXml(db, numero),
      };
    }),
  });
}
