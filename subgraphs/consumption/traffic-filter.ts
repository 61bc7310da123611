import type { IsoDate, MobileLine } from '../../adapters/domain';
import type { CallType, TrafficCategory, TrafficCriteria } from '../../adapters/ebill/personal-consumption';
import { badUserInput } from '../../adapters/errors';
import { addDays, addMonths, today, type DayRange } from '../runtime/calendar';
import type { SubgraphContext } from '../runtime/server';

/**
 * h-consumption (issue 12). The rules of the "Dettaglio traffico" filter (seed 002 §9.2.2.1) and the windows of the
 * personal consumption pages, on the legacy calendar (LEGACY_TODAY).
 */
export interface TrafficEventFilter {
  from: IsoDate; to: IsoDate; categories?: TrafficCategory[] | null; callType?: CallType | null; chargedOnly?: boolean | null;
}

/** The seed's categories per kind of line, in the order its filters show them. */
export const CATEGORIES_OF: Record<MobileLine['kind'], TrafficCategory[]> = {
  POSTPAID: ['GENERIC', 'DATA', 'INTERACTIVE_SERVICES', 'EVENTS'],
  PREPAID: ['VOICE', 'SMS_MMS', 'GENERIC', 'DATA_AND_CONTENT'],
};

const firstOfMonth = (day: IsoDate) => `${day.slice(0, 7)}-01`;

/** "Gli ultimi due mesi (mese in corso e quello precedente)": from the 1st of the previous month to today. */
export const lastTwoMonths = (): DayRange => ({ from: firstOfMonth(addMonths(today(), -1)), to: today() });

/** The current month up to today, or the whole previous month. */
export function monthWindow(month: 'CURRENT' | 'PREVIOUS'): DayRange {
  const start = firstOfMonth(today());
  return month === 'CURRENT' ? { from: start, to: today() } : { from: firstOfMonth(addDays(start, -1)), to: addDays(start, -1) };
}

/** "Traffico ultimi 15 giorni": today and the 14 days before. */
export const lastFifteenDays = (): DayRange => ({ from: addDays(today(), -14), to: today() });

/**
 * The filter as eBill's criteria, or BAD_USER_INPUT naming the argument: a period outside the last two months, a
 * category of the other kind of line, the personal call type on a line without TIM TUO active (the page does not
 * offer it there; asking for it is the client's mistake, not an empty list). The TIM TUO state is CRM's, asked only
 * when the personal call type is.
 */
export async function trafficCriteria(line: MobileLine, filter: TrafficEventFilter, { loaders }: SubgraphContext): Promise<TrafficCriteria> {
  const window = lastTwoMonths();
  if (filter.from < window.from || filter.from > window.to) throw badUserInput('filter.from', `must be within the last two months: ${window.from} to ${window.to}`);
  if (filter.to < filter.from || filter.to > window.to) throw badUserInput('filter.to', `must be from filter.from to ${window.to}`);
  const categories = filter.categories ?? [];
  const allowed = CATEGORIES_OF[line.kind];
  if (categories.some((c) => !allowed.includes(c))) throw badUserInput('filter.categories', `a ${line.kind.toLowerCase()} line's categories are ${allowed.join(', ')}`);
  const callType = filter.callType ?? null;
  if (callType === 'PERSONAL' && !(await timTuoActive(line, loaders))) throw badUserInput('filter.callType', 'personal traffic exists only with TIM TUO active on the line');
  return { lineNumber: line.number, from: filter.from, to: filter.to, categories, callType, chargedOnly: filter.chargedOnly ?? false };
}

/** Whether TIM TUO is active on the line (CRM's record of it, one batched GetTimTuo per request). */
export async function timTuoActive(line: MobileLine, loaders: SubgraphContext['loaders']): Promise<boolean> {
  return (await loaders.crm.timTuo.load(line.number))?.status === 'ACTIVE';
}
