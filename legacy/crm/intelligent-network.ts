import { INTELLIGENT_NUMBERS, type CrmRoutingPlan } from '../data/fixed-services';
import { placeholders, type Db } from '../runtime/db';
import { LegacyFault, type StandInReply } from '../runtime/server';
import type { ContractEffect } from './contract-data-effects';
import { invalidRequest, soapAnswer, texts, type SoapRecord } from './soap';

/**
 * The intelligent network (Rete Intelligente) of CRM: per Numero Verde, Unico or Ripartito its routing plan (seed
 * 003, End User Control; FIX-06). `GetPianiInstradamento` prints the plans by number (≤100); the pratica "Variazione
 * piano instradamento" replaces a number's plan in its own transaction ("in tempo reale": done on creation, closed).
 * CRM never creates a plan: a number without one is not an intelligent number, and End User Control cannot subscribe
 * one (seed 003). The plan is kept as CRM's own JSON document, one row per number.
 */
export const INTELLIGENT_NETWORK_SCHEMA = `
CREATE TABLE IF NOT EXISTS numeri_intelligenti (
  numero TEXT PRIMARY KEY REFERENCES linee_fisse (numero), tipo TEXT NOT NULL, piano TEXT NOT NULL);
`;

export const CHANGE_ROUTING_PLAN = 'Variazione piano instradamento';

interface PlanRow { numero: string; tipo: string; piano: string }

export function seedIntelligentNumbers(db: Db): void {
  const insert = db.prepare('INSERT INTO numeri_intelligenti VALUES (?, ?, ?)');
  for (const n of INTELLIGENT_NUMBERS) insert.run(n.number, n.kind, JSON.stringify(n.plan));
}

function plans(db: Db, numbers: readonly string[]): PlanRow[] {
  if (numbers.length === 0) return [];
  return db.prepare(`SELECT * FROM numeri_intelligenti WHERE numero IN (${placeholders(numbers.length)})`).all(...numbers) as PlanRow[];
}

const planXml = (row: PlanRow) => {
  const plan = JSON.parse(row.piano) as CrmRoutingPlan;
  return {
    numero: row.numero, tipo: row.tipo,
    sede: plan.sedi.map((s) => ({ nome: s.nome, numeroRisposta: s.numeroRisposta, percentuale: String(s.percentuale) })),
    cliAutorizzato: plan.cliAutorizzati, distretto: plan.distretti,
    fascia: plan.fasce.map((f) => ({ giorno: f.giorni, dalle: f.dalle, alle: f.alle })),
    chiusura: plan.chiusure.map((iso) => iso.split('-').reverse().join('/')),
  };
};

/** `GetPianiInstradamento`: `numero`* (≤100) → `numeroIntelligente`* {numero, tipo, sede*, cliAutorizzato*, distretto*, fascia*, chiusura*}. */
export function intelligentNetworkOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    GetPianiInstradamento(params) {
      const numbers = texts(params, 'numero');
      if (numbers.length > 100) throw new LegacyFault(500, 'SBL-BAT-00001', 'Superato il numero massimo di elementi (100) per numero');
      return soapAnswer('GetPianiInstradamento', { numeroIntelligente: plans(db, numbers).map(planXml) });
    },
  };
}

/** The plan CreaPratica carries in its `piano` parameter, checked as CRM does: the shares of the sites add up to 100. */
function planOf(parameters: ReadonlyMap<string, string>): CrmRoutingPlan {
  let plan: CrmRoutingPlan;
  try {
    plan = JSON.parse(parameters.get('piano') ?? '') as CrmRoutingPlan;
  } catch {
    throw invalidRequest('parametro piano non leggibile');
  }
  if (!Array.isArray(plan.sedi) || plan.sedi.length === 0 || plan.sedi.reduce((sum, s) => sum + s.percentuale, 0) !== 100) {
    throw invalidRequest('piano: le percentuali delle sedi devono sommare 100');
  }
  return plan;
}

const changePlan: ContractEffect = (store, target, parameters) => {
  if (target.kind !== 'LINEA_FISSA' || !target.line) throw invalidRequest(`"${CHANGE_ROUTING_PLAN}" riguarda un numero intelligente`);
  const plan = planOf(parameters);
  const changed = store.db.prepare('UPDATE numeri_intelligenti SET piano = ? WHERE numero = ?').run(JSON.stringify(plan), target.line);
  if (changed.changes === 0) {
    throw new LegacyFault(500, 'SBL-BRL-00110', `Operazione "${CHANGE_ROUTING_PLAN}" non ammessa: ${target.line} non è un numero intelligente`);
  }
  return true;
};

export const INTELLIGENT_NETWORK_EFFECTS: Record<string, ContractEffect> = { [CHANGE_ROUTING_PLAN]: changePlan };
