import { LegacyFault } from '../runtime/server';
import type { Effect } from './effects';
import { stateRefused } from './effects';
import { notFoundFault } from './operations';
import { invalidRequest } from './soap';

/**
 * "Spostamento linea" (seed 003: "spostare una delle linee aziendali su un altro contratto senza variare il profilo
 * tariffario"; MOB-17): the line passes to `contrattoDestinazione`, another active mobile contract of the same
 * customer, with its tariff plan, and its services on line (STS) and TIM TUO record go with it. Done in the pratica's
 * transaction: the pratica is closed on creation. CRM checks the destination itself: a contract of another customer
 * is not found, like one that does not exist.
 */
export const MOVE_LINE_TO_CONTRACT = 'Spostamento linea';

interface ContractRow { numero: string; tipo: string; codice_cliente: string; stato: string }

const moveToContract: Effect = {
  apply(store, line, parameters) {
    const destination = parameters.get('contrattoDestinazione');
    if (!destination) throw invalidRequest('parametro contrattoDestinazione mancante');
    const contract = store.db.prepare('SELECT numero, tipo, codice_cliente, stato FROM contratti WHERE numero = ?').get(destination) as ContractRow | undefined;
    if (!contract || contract.codice_cliente !== line.codice_cliente) throw notFoundFault(`contratto ${destination}`);
    if (!['ATTIVO', 'CONGELATO'].includes(line.stato)) throw stateRefused(line, MOVE_LINE_TO_CONTRACT);
    if (contract.tipo !== 'MOBILE' || contract.stato !== 'ATTIVO' || contract.numero === line.numero_contratto) {
      throw new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${MOVE_LINE_TO_CONTRACT}" non ammessa: contratto ${destination} non mobile, non attivo o già della linea`);
    }
    for (const sql of [
      'UPDATE linee_mobili SET numero_contratto = ? WHERE numero = ?',
      'UPDATE sts_linee SET numero_contratto = ? WHERE numero_linea = ?',
      'UPDATE tim_tuo_linee SET numero_contratto = ? WHERE numero_linea = ?',
    ]) store.db.prepare(sql).run(destination, line.numero);
    return true;
  },
};

export const LINE_CONTRACT_MOVE_EFFECTS: Record<string, Effect> = { [MOVE_LINE_TO_CONTRACT]: moveToContract };
