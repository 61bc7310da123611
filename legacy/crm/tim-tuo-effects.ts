import type { Effect } from './effects';
import { stateRefused } from './effects';
import { invalidRequest } from './soap';
import { isoDate } from './store';
import { today } from '../runtime/clock';
import type { CrmStore, MobileLineRow } from './store';
import { TIM_TUO_OPTIONS } from './tim-tuo';

/**
 * The TIM TUO pratiche of seed 002 §7.4.5–§7.4.8 (Appendix rows 17–21), applied to the line's TIM TUO record
 * (tim-tuo.ts) in the pratica's transaction. CRM re-checks the state each change needs: the graph checked first, but
 * two requests may race.
 */
interface TimTuoState { abilitato: 'SI' | 'NO'; stato: string; codice_dipendente: string | null; opzioni: string[] }

function stateOf(store: CrmStore, line: MobileLineRow): TimTuoState {
  const row = store.db.prepare(`SELECT abilitata AS abilitato, COALESCE(stato_servizio, 'NON_ATTIVO') AS stato, codice_dipendente, opzioni
    FROM tim_tuo_linee WHERE numero_linea = ?`).get(line.numero) as
    { abilitato: 'SI' | 'NO'; stato: string; codice_dipendente: string | null; opzioni: string } | undefined;
  return row ? { ...row, opzioni: JSON.parse(row.opzioni) } : { abilitato: 'NO', stato: 'NON_ATTIVO', codice_dipendente: null, opzioni: [] };
}

/** Writes the record the inventory also reads (inventory.ts): a service never activated has no kind and no state. */
function save(store: CrmStore, line: MobileLineRow, s: TimTuoState): void {
  const active = s.stato !== 'NON_ATTIVO';
  store.db.prepare(`INSERT INTO tim_tuo_linee (numero_linea, numero_contratto, abilitata, tipo_servizio, stato_servizio, codice_dipendente, opzioni)
    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (numero_linea) DO UPDATE SET abilitata = excluded.abilitata,
    tipo_servizio = excluded.tipo_servizio, stato_servizio = excluded.stato_servizio, opzioni = excluded.opzioni,
    data_cessazione = CASE WHEN excluded.stato_servizio = 'CESSATO' THEN COALESCE(data_cessazione, date('now')) ELSE data_cessazione END`)
    .run(line.numero, line.numero_contratto, s.abilitato, active ? (line.tipo_linea === 'RICARICABILE' ? 'RICARICABILE' : 'ABBONAMENTO') : null,
      active ? s.stato : null, s.codice_dipendente, JSON.stringify(s.opzioni));
}

function timTuoChange(description: string, change: (state: TimTuoState, line: MobileLineRow, parameters: ReadonlyMap<string, string>) => TimTuoState | null): Effect {
  return {
    apply(store, line, parameters) {
      if (line.stato === 'CESSATO') throw stateRefused(line, description);
      const next = change(stateOf(store, line), line, parameters);
      if (!next) throw stateRefused(line, description);
      save(store, line, next);
      return true;
    },
  };
}

function option(parameters: ReadonlyMap<string, string>): string {
  const value = parameters.get('opzione');
  if (!value || !(TIM_TUO_OPTIONS as readonly string[]).includes(value)) throw invalidRequest(`opzione ammesse: ${TIM_TUO_OPTIONS.join(', ')}`);
  return value;
}

/** §7.4.5 `abilitato` SI/NO; SI→NO only on postpaid PA 8 / PA 8 PACCHETTO lines whose TIM TUO is not active. */
const enablement = timTuoChange('Attivazione TIM TUO Azienda', (state, line, parameters) => {
  const wanted = parameters.get('abilitato');
  if (wanted !== 'SI' && wanted !== 'NO') throw invalidRequest('abilitato ammessi: SI, NO');
  if (wanted === state.abilitato) return null;
  if (wanted === 'NO' && (line.tipo_linea !== 'ABBONAMENTO' || !['PA 8', 'PA 8 PACCHETTO'].includes(line.piano_tariffario) || state.stato === 'ATTIVO')) return null;
  return { ...state, abilitato: wanted };
});

/** §7.4.6: one option on a line whose TIM TUO is active; Roaming on Extra UE on any line, MMS on prepaid lines only. */
const activateOption = timTuoChange('Attivazione opzioni TIM TUO', (state, line, parameters) => {
  const wanted = option(parameters);
  if (state.stato !== 'ATTIVO' || state.opzioni.includes(wanted) || (wanted === 'MMS' && line.tipo_linea !== 'RICARICABILE')) return null;
  return { ...state, opzioni: [...state.opzioni, wanted] };
});

/** §7.4.7: TIM TUO ceased on the line, its options with it. */
const cease = timTuoChange('Cessazione TIM TUO', (state) => (state.stato === 'ATTIVO' ? { ...state, stato: 'CESSATO', opzioni: [] } : null));

/** §7.4.8: one option ceased. */
const ceaseOption = timTuoChange('Cessazione opzioni TIM TUO', (state, _line, parameters) => {
  const wanted = option(parameters);
  return state.opzioni.includes(wanted) ? { ...state, opzioni: state.opzioni.filter((o) => o !== wanted) } : null;
});

// ── h-tuopost (issue 12): TIM TUO as the employee, postpaid (seed 002 §9.2.1.1, Appendix rows 34–41) ─────────────
/**
 * The employee's pratiche. An activation (`azione` ATTIVAZIONE, rows 34–36: "Domiciliazione tim tuo" or "Pagamento
 * bollettino" with its ordine) needs a postpaid line the ROA enabled and TIM TUO not active on it; it activates the
 * service (ABBONAMENTO ATTIVO), records the employee (`codiceFiscale`, `cognome`, `nome`, the registered user's) and
 * gives him a new personal contract code (888200…), all in the pratica's transaction. A change (`azione` MODIFICA,
 * rows 37–41) needs TIM TUO active; the billing account it changes is eBill's, so CRM keeps the pratica open.
 */
function nextPersonalContractCode(store: CrmStore): string {
  const { last } = store.db.prepare("SELECT MAX(CAST(codice_dipendente AS INTEGER)) AS last FROM tim_tuo_linee WHERE codice_dipendente LIKE '888200%'")
    .get() as { last: number | null };
  return String((last ?? 888200090000) + 1);
}

function employeeRequest(description: string): Effect {
  return {
    apply(store, line, parameters) {
      const state = stateOf(store, line);
      const action = parameters.get('azione') ?? 'MODIFICA';
      if (action === 'MODIFICA') {
        if (state.stato !== 'ATTIVO') throw stateRefused(line, description);
        return false;
      }
      if (action !== 'ATTIVAZIONE') throw invalidRequest('azione ammesse: ATTIVAZIONE, MODIFICA');
      if (line.tipo_linea !== 'ABBONAMENTO' || state.abilitato !== 'SI' || state.stato === 'ATTIVO') throw stateRefused(line, description);
      const employee = ['codiceFiscale', 'cognome', 'nome'].map((name) => {
        const value = parameters.get(name);
        if (!value) throw invalidRequest(`parametro ${name} mancante`);
        return value;
      });
      store.db.prepare(`UPDATE tim_tuo_linee SET tipo_servizio = 'ABBONAMENTO', stato_servizio = 'ATTIVO', codice_dipendente = ?,
        codice_fiscale_dipendente = ?, cognome_dipendente = ?, nome_dipendente = ?, data_attivazione = ?, data_cessazione = NULL
        WHERE numero_linea = ?`).run(nextPersonalContractCode(store), ...employee, isoDate(today()), line.numero);
      return true;
    },
  };
}

const EMPLOYEE_REQUESTS = ['Domiciliazione tim tuo', 'Pagamento bollettino', 'Modifica dati di fatturazione', 'Domiciliazioni - modifica', 'Domiciliazioni - attivazione'];

export const TIM_TUO_EFFECTS: Record<string, Effect> = {
  'Attivazione TIM TUO Azienda': enablement,
  'Attivazione opzioni TIM TUO': activateOption,
  'Cessazione TIM TUO': cease,
  'Cessazione opzioni TIM TUO': ceaseOption,
  // h-tuopost (issue 12)
  ...Object.fromEntries(EMPLOYEE_REQUESTS.map((description) => [description, employeeRequest(description)])),
};
