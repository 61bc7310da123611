import type { MobileLine } from '../../adapters/domain';
import {
  trafficFilePath, type EmployeeService, type OptionBundle, type TrafficCategory, type TrafficFileFormat, type TrafficTotal,
} from '../../adapters/ebill/personal-consumption';
import { badUserInput } from '../../adapters/errors';
import { sumAmounts } from '../runtime/cents';
import { LIST_FILE_TYPES } from '../runtime/downloads';
import { pageWindow } from '../runtime/pagination';
import type { SubgraphContext } from '../runtime/server';
import { CATEGORIES_OF, lastFifteenDays, monthWindow, timTuoActive, trafficCriteria, type TrafficEventFilter } from './traffic-filter';

/**
 * h-consumption (issue 12). "Riepilogo consumi personali" (seed 002 §9.2.2, CON-09): the employee's pages of his own
 * line, read from eBill's rating of it. `MobileLine.personalConsumption` is the EU's alone (its @allow); every field
 * below works on the line it came from. Sums are eBill's per group (one call per page), added here in cents.
 */
export interface Source {
  line: MobileLine;
  /**
   * Issue 22: the customer area's view of the line (`MobileLine.consumption`, CON-01 to CON-03), which is the company's:
   * an employee's personal traffic (TIM TUO) is his own, never shown to the company's users.
   */
  companyOnly: boolean;
}

/** The totals the viewer may see: all of them for the employee, the company's for the customer area. */
const visibleTotals = (source: Source, totals: TrafficTotal[]) => (source.companyOnly ? totals.filter((t) => t.callType === 'COMPANY') : totals);

/** The filter as eBill's criteria; the customer area's always of the company's traffic (asking for PERSONAL is its mistake). */
async function criteriaFor({ line, companyOnly }: Source, filter: TrafficEventFilter, context: SubgraphContext) {
  if (!companyOnly) return trafficCriteria(line, filter, context);
  if (filter.callType === 'PERSONAL') throw badUserInput('filter.callType', 'the customer area shows the company\'s traffic only');
  return trafficCriteria(line, { ...filter, callType: 'COMPANY' }, context);
}

/** The largest page of a traffic detail; eBill pages line up with ours (an offset a multiple of first). */
const MAX_EVENTS_PAGE = 100;
/** "Verranno esposti i singoli eventi di traffico fino al numero massimo di 3.000" (seed 002 §9.2.2.1). */
export const MAX_TRAFFIC_EVENTS = 3_000;

const sumOf = (totals: TrafficTotal[], keep: (t: TrafficTotal) => boolean) => sumAmounts(totals.filter(keep).map((t) => t.amount));

/** Company / personal / total of one kind of traffic. */
function byCallType(totals: TrafficTotal[], kind: TrafficTotal['kind']) {
  const ofKind = totals.filter((t) => t.kind === kind);
  return {
    company: sumOf(ofKind, (t) => t.callType === 'COMPANY'), personal: sumOf(ofKind, (t) => t.callType === 'PERSONAL'), total: sumOf(ofKind, () => true),
  };
}

/** National / roaming / total of the data traffic. */
function dataByScope(totals: TrafficTotal[]) {
  const data = totals.filter((t) => t.kind === 'DATA');
  return { national: sumOf(data, (t) => t.scope === 'NATIONAL'), roaming: sumOf(data, (t) => t.scope === 'ROAMING'), total: sumOf(data, () => true) };
}

/** The bundles of each option together, in eBill's order. */
function options(bundles: OptionBundle[]) {
  const names = [...new Set(bundles.map((b) => `${b.scope}|${b.option}`))];
  return names.map((key) => {
    const mine = bundles.filter((b) => `${b.scope}|${b.option}` === key);
    return {
      name: mine[0].option, scope: mine[0].scope, activatedOn: mine[0].activatedOn,
      allowances: mine.map((b) => ({ unit: b.unit, included: b.included, used: b.used, left: Math.max(0, b.included - b.used) })),
    };
  });
}

/** The fields of both views of a line's consumption: the employee's (PersonalConsumption) and the customer area's (LineConsumption). */
export const personalConsumptionFields = {
  timTuoActive: ({ line }: Source, _args: unknown, { loaders }: SubgraphContext) => timTuoActive(line, loaders),

  services: ({ line }: Source, _args: unknown, { loaders }: SubgraphContext): Promise<EmployeeService[]> | null =>
    (line.kind === 'POSTPAID' ? loaders.ebill.employeeServices.load(line.number) : null),

  async summary(source: Source, { month }: { month: 'CURRENT' | 'PREVIOUS' }, { legacy }: SubgraphContext) {
    const { line } = source;
    if (line.kind !== 'POSTPAID') return null;
    const window = monthWindow(month);
    const totals = visibleTotals(source, await legacy.ebill.getTrafficTotals(line.number, window.from, window.to));
    // The previous month shows voice and SMS only (the seed: "solo il traffico fonia/sms/mms").
    return { ...window, voice: byCallType(totals, 'VOICE'), sms: byCallType(totals, 'SMS'), data: month === 'CURRENT' ? dataByScope(totals) : null };
  },

  options: async ({ line }: Source, _args: unknown, { loaders }: SubgraphContext) => options(await loaders.ebill.optionBundles.load(line.number)),

  async trafficEvents(source: Source, args: { filter: TrafficEventFilter; first: number; offset: number }, context: SubgraphContext) {
    const { offset, limit } = pageWindow(args.first, args.offset, MAX_EVENTS_PAGE);
    if (offset % limit !== 0) throw badUserInput('offset', 'must be a multiple of first');
    if (offset >= MAX_TRAFFIC_EVENTS) throw badUserInput('offset', `the detail shows the newest ${MAX_TRAFFIC_EVENTS} events`);
    const criteria = await criteriaFor(source, args.filter, context);
    const page = await context.legacy.ebill.searchTrafficEvents(criteria, { offset, limit });
    return { totalCount: page.totalCount, truncated: page.totalCount > page.reachable, nodes: page.items };
  },

  async trafficEventsFileUrl(source: Source, args: { filter: TrafficEventFilter; format: TrafficFileFormat }, context: SubgraphContext) {
    const { line } = source;
    const criteria = await criteriaFor(source, args.filter, context);
    const extension = args.format.toLowerCase();
    return context.downloads.urlFor({
      system: 'eBill', path: trafficFilePath(criteria, args.format), fileName: `dettaglio-traffico-${line.number}.${extension}`,
      contentType: LIST_FILE_TYPES[args.format],
    }, context.identity.userId);
  },

  async trafficByType(source: Source, { month }: { month?: 'CURRENT' | 'PREVIOUS' | null }, { legacy }: SubgraphContext) {
    const { line } = source;
    // The postpaid page switches between this month and the previous; the prepaid page shows the last 15 days only.
    if (month && line.kind !== 'POSTPAID') throw badUserInput('month', 'a prepaid line\'s traffic by type is of the last 15 days: leave month out');
    const window = month ? monthWindow(month) : lastFifteenDays();
    const totals = visibleTotals(source, await legacy.ebill.getTrafficTotals(line.number, window.from, window.to));
    const items = CATEGORIES_OF[line.kind].map((category: TrafficCategory) => ({ category, amount: sumOf(totals, (t) => t.category === category) }));
    return { ...window, items, total: sumOf(totals, () => true) };
  },
};
