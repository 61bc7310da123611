import { legacyDate } from '../runtime/clock';
import { placeholders, type Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import { soapAnswer, texts, type SoapRecord } from './soap';

/**
 * h-tuopost (issue 12). TIM TUO as the employee sees it on his postpaid line (seed 002 §9.2.1.1 "Gestisci" and
 * "Reportistica"): the same per-line record the company side and the inventory read (`tim_tuo_linee`), with what
 * only the employee's pages show: his data as CRM registered it at activation, the personal contract code
 * ("Codice", e.g. 888200093221), the activation and cessation dates. `GetTimTuoDipendente`: `numero`* (≤100) →
 * `dipendenteTimTuo`* {numero, numeroContratto, abilitato SI/NO, tipoServizio, stato, codiceDipendente, cognome,
 * nome, codiceFiscale, dataAttivazione, dataCessazione}; a line without a record answers not enabled, an unknown
 * number nothing.
 */
interface EmployeeRow {
  numero: string; numero_contratto: string; abilitato: 'SI' | 'NO'; tipo_servizio: string | null; stato: string; codice_dipendente: string | null;
  cognome: string | null; nome: string | null; codice_fiscale: string | null; data_attivazione: string | null; data_cessazione: string | null;
}

const date = (iso: string | null) => (iso ? legacyDate(new Date(`${iso}T12:00:00Z`)) : '');

function employeeRecords(db: Db, numbers: string[]): EmployeeRow[] {
  if (numbers.length === 0) return [];
  return db.prepare(`SELECT l.numero, l.numero_contratto, COALESCE(t.abilitata, 'NO') AS abilitato, t.tipo_servizio,
      COALESCE(t.stato_servizio, 'NON_ATTIVO') AS stato, t.codice_dipendente, t.cognome_dipendente AS cognome, t.nome_dipendente AS nome,
      t.codice_fiscale_dipendente AS codice_fiscale, t.data_attivazione, t.data_cessazione
    FROM linee_mobili l LEFT JOIN tim_tuo_linee t ON t.numero_linea = l.numero WHERE l.numero IN (${placeholders(numbers.length)})`)
    .all(...numbers) as EmployeeRow[];
}

const employeeXml = (r: EmployeeRow) => ({
  numero: r.numero, numeroContratto: r.numero_contratto, abilitato: r.abilitato, tipoServizio: r.tipo_servizio ?? '', stato: r.stato,
  codiceDipendente: r.codice_dipendente ?? '', cognome: r.cognome ?? '', nome: r.nome ?? '', codiceFiscale: r.codice_fiscale ?? '',
  dataAttivazione: date(r.data_attivazione), dataCessazione: date(r.data_cessazione),
});

export function timTuoEmployeeOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    GetTimTuoDipendente(params) {
      const numbers = texts(params, 'numero');
      if (numbers.length > 100) throw new LegacyFault(500, 'SBL-BAT-00001', 'Superato il numero massimo di elementi (100) per numero');
      return soapAnswer('GetTimTuoDipendente', { dipendenteTimTuo: employeeRecords(db, numbers).map(employeeXml) });
    },
  };
}
