import { EBPFA_BILLING_ADDRESSES } from '../data/ebpfa-billing-addresses';
import type { Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { flowReply, oneRowFlow } from './flows';

/**
 * Issue 21 (FIX-03). The billing address of a fixed billing customer code. `POST /ebpfa/flussi/indirizzi` takes a
 * one-row flow `COD_CLIENTE;ID_OPERAZIONE;INDIRIZZO;CAP;COMUNE;PROVINCIA` (ISO-8859-1) and answers the address as it
 * now is; the operation id (the graph sends the pratica's) is recorded in the same transaction, so the same
 * ID_OPERAZIONE again changes nothing. `GET /ebpfa/flussi/indirizzi?codiciCliente=…` (≤20) prints the addresses.
 */
export const BILLING_ADDRESSES_SCHEMA = `
CREATE TABLE IF NOT EXISTS indirizzi_fatturazione (
  cod_cliente TEXT PRIMARY KEY, indirizzo TEXT NOT NULL, cap TEXT NOT NULL, comune TEXT NOT NULL, provincia TEXT NOT NULL, id_operazione TEXT);
CREATE TABLE IF NOT EXISTS operazioni_indirizzo (id_operazione TEXT PRIMARY KEY, cod_cliente TEXT NOT NULL);
`;

const CHANGE_COLUMNS = ['COD_CLIENTE', 'ID_OPERAZIONE', 'INDIRIZZO', 'CAP', 'COMUNE', 'PROVINCIA'];
export const ADDRESS_COLUMNS = ['COD_CLIENTE', 'INDIRIZZO', 'CAP', 'COMUNE', 'PROVINCIA', 'ID_OPERAZIONE'];

interface AddressRow { cod_cliente: string; indirizzo: string; cap: string; comune: string; provincia: string; id_operazione: string | null }

const bad = (what: string) => new LegacyFault(400, 'PFA-400', `flusso indirizzo non valido: ${what}`);
const addressRow = (r: AddressRow) => [r.cod_cliente, r.indirizzo, r.cap, r.comune, r.provincia, r.id_operazione ?? ''];

export function seedBillingAddresses(db: Db): void {
  const insert = db.prepare('INSERT INTO indirizzi_fatturazione VALUES (?, ?, ?, ?, ?, NULL)');
  for (const a of EBPFA_BILLING_ADDRESSES) insert.run(a.customerCode, a.street, a.postalCode, a.city, a.province);
}

export function billingAddressesFlow(db: Db, params: URLSearchParams): StandInReply {
  const codes = (params.get('codiciCliente') ?? '').split(',').filter((c) => c !== '');
  if (codes.length === 0 || codes.length > 20) throw new LegacyFault(400, 'PFA-400', 'parametro codiciCliente: da 1 a 20 codici');
  const rows = db.prepare(`SELECT * FROM indirizzi_fatturazione WHERE cod_cliente IN (${codes.map(() => '?').join(', ')}) ORDER BY cod_cliente`)
    .all(...codes) as AddressRow[];
  return flowReply(200, ADDRESS_COLUMNS, rows.map(addressRow));
}

export function changeBillingAddress(db: Db, body: Buffer): StandInReply {
  const row = oneRowFlow(body, CHANGE_COLUMNS, 'flusso indirizzo non valido');
  const [code, operation, street, postalCode, city, province] = row;
  if (!code || !operation || !street || !/^\d{5}$/.test(postalCode ?? '') || !city || !/^[A-Z]{2}$/.test(province ?? '')) {
    throw bad('tutti i campi obbligatori, CAP di 5 cifre, PROVINCIA di 2 lettere');
  }
  const current = () => db.prepare('SELECT * FROM indirizzi_fatturazione WHERE cod_cliente = ?').get(code) as AddressRow | undefined;
  const after = db.transaction(() => {
    const done = db.prepare('SELECT cod_cliente FROM operazioni_indirizzo WHERE id_operazione = ?').get(operation) as { cod_cliente: string } | undefined;
    if (done && done.cod_cliente !== code) throw new LegacyFault(409, 'PFA-409', `operazione ${operation} già registrata per un altro cliente`);
    if (!done) {
      if (!current()) throw new LegacyFault(404, 'PFA-404', `cliente ${code} non trovato`);
      db.prepare('INSERT INTO operazioni_indirizzo VALUES (?, ?)').run(operation, code);
      db.prepare('UPDATE indirizzi_fatturazione SET indirizzo = ?, cap = ?, comune = ?, provincia = ?, id_operazione = ? WHERE cod_cliente = ?')
        .run(street, postalCode, city, province, operation, code);
    }
    return current()!;
  })();
  return flowReply(200, ADDRESS_COLUMNS, [addressRow(after)]);
}
