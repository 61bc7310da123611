import { createHash } from 'node:crypto';
import { jsonObjectBody } from '../runtime/json-body';
import { openDatabase } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';

/**
 * Issue 21 (MOB-02): the direct debit (domiciliazione) of a mobile contract's invoices, which eBill collects. Its own
 * SQLite file beside eBill's (`ebill-domiciliazioni.sqlite`), on eBill's port with eBill's envelope and codes:
 * - `contratti/domiciliazione` {idOp, nrContratto, iban, intestatario} → {idOp, domiciliazione}: the contract's mandate
 *   set once per `idOp` (the graph sends the CRM pratica's id): the same again writes nothing and answers the mandate
 *   as it is; `idOp` with another body → 409 EB-409. A later `idOp` replaces the mandate.
 * - `contratti/domiciliazioni` {nrContratti} (≤50) → {domiciliazioni: [{nrContratto, ibanMascherato, intestatario,
 *   stato ATTIVA, dtAtt, idOp}]}.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS domiciliazioni_contratti (
  nr_contratto TEXT PRIMARY KEY, iban_mascherato TEXT NOT NULL, intestatario TEXT NOT NULL, dt_att TEXT NOT NULL, id_op TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS operazioni_domiciliazioni (id_op TEXT PRIMARY KEY, impronta TEXT NOT NULL);
`;

interface MandateRow { nr_contratto: string; iban_mascherato: string; intestatario: string; dt_att: string; id_op: string }

const ok = (value: Record<string, unknown>): StandInReply => ({
  status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ esito: 'OK', ...value }),
});
const invalid = (what: string) => new LegacyFault(400, 'EB-400', `richiesta non valida: ${what}`);
const body = (raw: Buffer) => jsonObjectBody(raw, () => invalid('corpo JSON atteso'));
const maskedIban = (iban: string) => `${iban.slice(0, 5)}${'*'.repeat(iban.length - 9)}${iban.slice(-4)}`;
const mandateJson = (m: MandateRow) => ({
  nrContratto: m.nr_contratto, ibanMascherato: m.iban_mascherato, intestatario: m.intestatario, stato: 'ATTIVA', dtAtt: m.dt_att, idOp: m.id_op,
});

export function openContractDirectDebits(dataDir: string) {
  const db = openDatabase(dataDir, 'ebill-domiciliazioni', SCHEMA, () => {});
  const mandate = (contract: string) =>
    db.prepare('SELECT * FROM domiciliazioni_contratti WHERE nr_contratto = ?').get(contract) as MandateRow | undefined;

  function search(raw: Buffer): StandInReply {
    const contracts = body(raw).nrContratti;
    if (!Array.isArray(contracts) || !contracts.every((c) => typeof c === 'string')) throw invalid('nrContratti deve essere una lista');
    if (contracts.length > 50) throw new LegacyFault(413, 'EB-413', 'troppi elementi in nrContratti: massimo 50');
    return ok({ domiciliazioni: contracts.flatMap((c) => mandate(c) ?? []).map(mandateJson) });
  }

  /** One transaction: the operation's record and the mandate, or neither. */
  function set(raw: Buffer): StandInReply {
    const b = body(raw);
    const operationId = typeof b.idOp === 'string' && b.idOp !== '' ? b.idOp : null;
    const contract = typeof b.nrContratto === 'string' && /^\d{6,20}$/.test(b.nrContratto) ? b.nrContratto : null;
    const iban = typeof b.iban === 'string' && /^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/.test(b.iban) ? b.iban : null;
    const holder = typeof b.intestatario === 'string' && b.intestatario.trim() !== '' ? b.intestatario.trim() : null;
    if (!operationId || !contract || !iban || !holder) throw invalid('idOp, nrContratto, iban (italiano) e intestatario obbligatori');
    const print = createHash('sha256').update(JSON.stringify([operationId, contract, iban, holder])).digest('hex');
    const done = db.transaction(() => {
      const previous = db.prepare('SELECT impronta FROM operazioni_domiciliazioni WHERE id_op = ?').get(operationId) as { impronta: string } | undefined;
      if (previous) return previous.impronta === print ? mandate(contract)! : null;
      db.prepare(`INSERT INTO domiciliazioni_contratti VALUES (?, ?, ?, ?, ?) ON CONFLICT (nr_contratto) DO UPDATE SET
        iban_mascherato = excluded.iban_mascherato, intestatario = excluded.intestatario, dt_att = excluded.dt_att, id_op = excluded.id_op`)
        .run(contract, maskedIban(iban), holder, new Date().toISOString().slice(0, 10), operationId);
      db.prepare('INSERT INTO operazioni_domiciliazioni VALUES (?, ?)').run(operationId, print);
      return mandate(contract)!;
    })();
    if (!done) throw new LegacyFault(409, 'EB-409', `operazione ${operationId} già eseguita con altri dati`);
    return ok({ idOp: operationId, domiciliazione: mandateJson(done) });
  }

  return { routes: { 'contratti/domiciliazioni': search, 'contratti/domiciliazione': set }, close: () => db.close() };
}
