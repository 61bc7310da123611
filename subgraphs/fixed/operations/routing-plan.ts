import { CRM_WEEKDAY, type RoutingPlan, type Weekday } from '../../../adapters/crm/fixed-services';
import { badUserInput } from '../../../adapters/errors';
import { addDays, today } from '../../runtime/calendar';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { isIsoDate } from '../../runtime/scalars';
import { checkInteger, checkRequiredText } from '../../runtime/validators/text';
import { INTELLIGENT_NUMBER } from '../../runtime/validators/phone';
import { INTELLIGENT_NUMBER_TARGET, type IntelligentNumberRecord } from '../intelligent-number';
import { checkFixedNumber } from './line-cessation';

/**
 * FIX-06, End User Control (seed 000 "Servizi fisso"; seed 003): the routing plan of an existing intelligent number,
 * replaced as a whole. Seed 003 lists what may vary: the answering sites (postazione), the authorised CLIs, the
 * districts, the hours, days of the week and of the year, the percentage split between sites. "Non è possibile
 * sottoscrivere nuove prestazioni": a number without a plan is refused, never given one. CRM applies the plan in the
 * pratica's transaction (legacy/crm/intelligent-network.ts), so it holds at once ("in tempo reale").
 */
type PlanInput = Omit<RoutingPlan, 'number' | 'kind'>;
interface RoutingPlanChange { number: string; plan: PlanInput }

const WEEKDAYS = Object.keys(CRM_WEEKDAY) as Weekday[];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function list(raw: unknown, field: string, min: number, max: number): unknown[] {
  if (!Array.isArray(raw) || raw.length < min || raw.length > max) throw badUserInput(field, `must hold ${min} to ${max} items`);
  return raw;
}

function distinct<T>(values: T[], field: string, key: (v: T) => string = String): T[] {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(key(v))) throw badUserInput(`${field}[${i}]`, 'repeats an item already in the list');
    seen.add(key(v));
  });
  return values;
}

const record = (raw: unknown): Record<string, unknown> => (raw !== null && typeof raw === 'object' ? raw as Record<string, unknown> : {});

function checkPlan(raw: Record<string, unknown>, at: (field: string) => string): PlanInput {
  const destinations = distinct(list(raw.destinations, at('destinations'), 1, 10).map((d, i) => {
    const item = record(d);
    const path = (f: string) => at(`destinations[${i}].${f}`);
    return {
      site: checkRequiredText(item.site, path('site'), 40).toUpperCase(),
      answeringNumber: checkFixedNumber(item.answeringNumber, path('answeringNumber')),
      percentage: checkInteger(item.percentage, path('percentage'), 0, 100),
    };
  }), at('destinations'), (d) => d.answeringNumber);
  const total = destinations.reduce((sum, d) => sum + d.percentage, 0);
  if (total !== 100) throw badUserInput(at('destinations'), `the percentages must add up to 100: they add up to ${total}`);
  const authorisedCallers = distinct(list(raw.authorisedCallers, at('authorisedCallers'), 0, 50).map((c, i) => {
    if (typeof c !== 'string' || !/^\d{6,15}$/.test(c)) throw badUserInput(at(`authorisedCallers[${i}]`), 'must be a calling number of 6 to 15 digits');
    return c;
  }), at('authorisedCallers'));
  const districts = distinct(list(raw.districts, at('districts'), 0, 50).map((d, i) => {
    if (typeof d !== 'string' || !/^0\d{1,3}$/.test(d)) throw badUserInput(at(`districts[${i}]`), 'must be an area code: 0 and 1 to 3 digits, e.g. 02');
    return d;
  }), at('districts'));
  const openingHours = list(raw.openingHours, at('openingHours'), 1, 7).map((h, i) => {
    const item = record(h);
    const path = (f: string) => at(`openingHours[${i}].${f}`);
    const days = distinct(list(item.days, path('days'), 1, 7).map((d, j) => {
      if (!WEEKDAYS.includes(d as Weekday)) throw badUserInput(`${path('days')}[${j}]`, 'must be a day of the week');
      return d as Weekday;
    }), path('days'));
    const [from, to] = [item.from, item.to].map((t, k) => {
      if (typeof t !== 'string' || !TIME.test(t)) throw badUserInput(path(k === 0 ? 'from' : 'to'), 'must be a time HH:MM');
      return t;
    });
    if (to <= from) throw badUserInput(path('to'), 'must be after from');
    return { days, from, to };
  });
  const closedOn = distinct(list(raw.closedOn, at('closedOn'), 0, 50).map((d, i) => {
    const latest = addDays(today(), 366);
    if (typeof d !== 'string' || !isIsoDate(d) || d < today() || d > latest) throw badUserInput(at(`closedOn[${i}]`), `must be a date from ${today()} to ${latest}`);
    return d;
  }), at('closedOn')).sort();
  return { destinations, authorisedCallers, districts, openingHours, closedOn };
}

/** The plan in CRM's words, as CreaPratica carries it in its `piano` parameter. */
const crmPlan = (plan: PlanInput) => JSON.stringify({
  sedi: plan.destinations.map((d) => ({ nome: d.site, numeroRisposta: d.answeringNumber, percentuale: d.percentage })),
  cliAutorizzati: plan.authorisedCallers,
  distretti: plan.districts,
  fasce: plan.openingHours.map((h) => ({ giorni: h.days.map((d) => CRM_WEEKDAY[d]), dalle: h.from, alle: h.to })),
  chiusure: plan.closedOn,
});

export const CHANGE_ROUTING_PLAN: DispositiveDeclaration<RoutingPlanChange, IntelligentNumberRecord> = {
  field: 'changeRoutingPlan',
  appendixRows: [],
  capabilities: ['FIX-06'],
  pratica: 'Variazione piano instradamento',
  ordine: false,
  target: INTELLIGENT_NUMBER_TARGET,
  validate(raw, at) {
    if (typeof raw.number !== 'string' || !INTELLIGENT_NUMBER.test(raw.number)) {
      throw badUserInput(at('number'), 'must be an intelligent number: 800, 803, 840, 841, 847, 848 or 199 and 3 to 7 digits');
    }
    return { number: raw.number, plan: checkPlan(raw, at) };
  },
  targetId: (input) => input.number,
  refusal(record, input, at) {
    if (!record.plan) return 'End User Control changes the routing plan of an intelligent number the company has; a new service is subscribed through customer service.';
    if (record.status !== 'ACTIVE') return `The number is ${record.status.toLowerCase()}: its routing plan cannot change.`;
    const foreign = input.plan.destinations.findIndex((d) => !record.answeringLines.has(d.answeringNumber));
    return foreign < 0 ? null : badUserInput(at(`destinations[${foreign}].answeringNumber`), "must be one of the company's fixed lines");
  },
  crm: (_record, input) => ({ parameters: { piano: crmPlan(input.plan) } }),
};
