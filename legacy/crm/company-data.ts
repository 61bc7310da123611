import type { Db } from '../runtime/db';
import { LINE_SDI_CODES } from '../data/crm-sdi-codes';
import { LegacyFault, type StandInReply } from '../runtime/server';
import type { ContractEffect } from './contract-data-effects';
import { notFoundFault } from './operations';
import { invalidRequest, soapAnswer, text, type SoapRecord } from './soap';

/**
 * Issue 20: the company's own data of seed 000 "Dati Aziendali" that the Area Clienti changes (ACC-05 to ACC-07), each
 * a pratica on the company (`oggetto` AZIENDA) that CRM applies in its transaction and closes on creation:
 * - "Modifica sede legale" (`indirizzo`, `cap`, `comune`, `provincia`): the legal seat GetAziende prints;
 * - "Modifica email comunicazioni fisso" (`email`): `emailComunicazioniFisso`;
 * - "Modifica codice destinatario" (`tipoAmbito` CONTRATTO/CLIENTE/LINEA, `ambito`, `codice`): the SDI recipient
 *   code of a mobile contract, of a fixed billing customer code (every fixed contract billed to it) or of a single
 *   fixed line. A scope that is not the company's is SBL-DAT-00225.
 *
 * `ListaCodiciDestinatario` {codiceCliente} → `codiceDestinatario`* {tipoAmbito, ambito, codice, tipologia}: the
 * seed's table, one row per mobile contract (tipologia MOBILE), per fixed billing customer code and per fixed line
 * with a code of its own (tipologia the line's kind: FONIA, FONIA-DATI, RETE INTELLIGENTE). The contract's code stays
 * where it was (`contratti.codice_destinatario`, GetContratti's `codiceDestinatario`); only a line's is new here.
 */
export const COMPANY_DATA_SCHEMA = `
CREATE TABLE IF NOT EXISTS codici_destinatario_linee (numero TEXT PRIMARY KEY, codice TEXT NOT NULL);
`;

export function seedLineSdiCodes(db: Db): void {
  const insert = db.prepare('INSERT INTO codici_destinatario_linee VALUES (?, ?)');
  for (const { line, code } of LINE_SDI_CODES) insert.run(line, code);
}

interface SdiRow { tipoAmbito: 'CONTRATTO' | 'CLIENTE' | 'LINEA'; ambito: string; codice: string | null; tipologia: string }

/** The fixed line kinds as the seed's "Tipologia" column prints them. */
const KIND = (tipoLinea: string | null) => (tipoLinea ?? 'FONIA').replace('_', '-').replace('RETE-INTELLIGENTE', 'RETE INTELLIGENTE');

function sdiCodes(db: Db, customer: string): SdiRow[] {
  const mobile = db.prepare(`SELECT numero AS ambito, codice_destinatario AS codice FROM contratti
    WHERE codice_cliente = ? AND tipo = 'MOBILE' AND stato <> 'CESSATO' ORDER BY numero`).all(customer) as { ambito: string; codice: string | null }[];
  const billing = db.prepare(`SELECT c.codice_cliente_fatturazione AS ambito, MAX(c.codice_destinatario) AS codice,
      (SELECT f.tipo_linea FROM linee_fisse f JOIN contratti k ON k.numero = f.numero_contratto
        WHERE k.codice_cliente_fatturazione = c.codice_cliente_fatturazione ORDER BY f.numero LIMIT 1) AS tipoLinea
    FROM contratti c WHERE c.codice_cliente = ? AND c.tipo = 'FISSO' AND c.stato <> 'CESSATO' AND c.codice_cliente_fatturazione IS NOT NULL
    GROUP BY c.codice_cliente_fatturazione ORDER BY ambito`).all(customer) as { ambito: string; codice: string | null; tipoLinea: string | null }[];
  const lines = db.prepare(`SELECT f.numero AS ambito, s.codice, f.tipo_linea AS tipoLinea FROM codici_destinatario_linee s
    JOIN linee_fisse f ON f.numero = s.numero WHERE f.codice_cliente = ? AND f.stato <> 'CESSATO' ORDER BY f.numero`).all(customer) as
    { ambito: string; codice: string; tipoLinea: string }[];
  return [
    ...mobile.map((r) => ({ tipoAmbito: 'CONTRATTO' as const, ambito: r.ambito, codice: r.codice, tipologia: 'MOBILE' })),
    ...billing.map((r) => ({ tipoAmbito: 'CLIENTE' as const, ambito: r.ambito, codice: r.codice, tipologia: KIND(r.tipoLinea) })),
    ...lines.map((r) => ({ tipoAmbito: 'LINEA' as const, ambito: r.ambito, codice: r.codice, tipologia: KIND(r.tipoLinea) })),
  ];
}

export function companyDataOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    ListaCodiciDestinatario(params) {
      const customer = text(params, 'codiceCliente');
      if (!db.prepare('SELECT 1 FROM aziende WHERE codice_cliente = ?').get(customer)) throw notFoundFault(`cliente ${customer}`);
      return soapAnswer('ListaCodiciDestinatario', { codiceDestinatario: sdiCodes(db, customer).map((r) => ({ ...r, codice: r.codice ?? '' })) });
    },
  };
}

function required(parameters: ReadonlyMap<string, string>, name: string): string {
  const value = parameters.get(name);
  if (!value) throw invalidRequest(`parametro ${name} mancante`);
  return value;
}

function companyOf(target: Parameters<ContractEffect>[1], description: string): string {
  if (target.kind !== 'AZIENDA') throw invalidRequest(`"${description}" riguarda un'azienda`);
  return target.customer;
}

const legalSeat: ContractEffect = (store, target, parameters) => {
  const customer = companyOf(target, 'Modifica sede legale');
  const [indirizzo, cap, comune, provincia] = ['indirizzo', 'cap', 'comune', 'provincia'].map((name) => required(parameters, name));
  store.db.prepare('UPDATE aziende SET indirizzo = ?, cap = ?, comune = ?, provincia = ? WHERE codice_cliente = ?').run(indirizzo, cap, comune, provincia, customer);
  return true;
};

const fixedCommunicationEmail: ContractEffect = (store, target, parameters) => {
  const customer = companyOf(target, 'Modifica email comunicazioni fisso');
  const email = required(parameters, 'email');
  if (!email.includes('@')) throw invalidRequest('email non valida');
  store.db.prepare('UPDATE aziende SET email_fisso = ? WHERE codice_cliente = ?').run(email, customer);
  return true;
};

const sdiCode: ContractEffect = (store, target, parameters) => {
  const customer = companyOf(target, 'Modifica codice destinatario');
  const [kind, scope, code] = ['tipoAmbito', 'ambito', 'codice'].map((name) => required(parameters, name));
  if (kind === 'LINEA') {
    // A fixed line of the company gets a code of its own, whether or not it had one.
    const line = store.db.prepare("SELECT 1 FROM linee_fisse WHERE numero = ? AND codice_cliente = ? AND stato <> 'CESSATO'").get(scope, customer);
    if (!line) throw notFoundFault(`linea fissa ${scope}`);
    store.db.prepare('INSERT OR REPLACE INTO codici_destinatario_linee VALUES (?, ?)').run(scope, code);
    return true;
  }
  if (kind !== 'CONTRATTO' && kind !== 'CLIENTE') throw new LegacyFault(500, 'SBL-EXL-00151', 'Richiesta non valida: tipoAmbito ammessi: CONTRATTO, CLIENTE, LINEA');
  if (!sdiCodes(store.db, customer).some((r) => r.tipoAmbito === kind && r.ambito === scope)) {
    throw notFoundFault(`${kind === 'CONTRATTO' ? 'contratto' : 'codice cliente'} ${scope}`);
  }
  if (kind === 'CONTRATTO') store.db.prepare('UPDATE contratti SET codice_destinatario = ? WHERE numero = ?').run(code, scope);
  else store.db.prepare("UPDATE contratti SET codice_destinatario = ? WHERE codice_cliente_fatturazione = ? AND codice_cliente = ? AND tipo = 'FISSO'").run(code, scope, customer);
  return true;
};

export const COMPANY_DATA_EFFECTS: Record<string, ContractEffect> = {
  'Modifica sede legale': legalSeat,
  'Modifica email comunicazioni fisso': fixedCommunicationEmail,
  'Modifica codice destinatario': sdiCode,
};
