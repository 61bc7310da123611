import type DataLoader from 'dataloader';
import type { IsoDate, Order, Profile, RecordFilter, ServiceRequest } from '../../adapters/domain';
import type { DayRange } from '../runtime/calendar';
import type { Identity } from '../runtime/identity';
import { profilesAllowed } from '../runtime/policy/directives';
import { covers, recordFilter, type RecordPlace } from '../runtime/records';
import type { SubgraphContext } from '../runtime/server';

/** Orders and requests are scoped alike: where they sit, which CRM filter lists them, which loader fetches them. */
type TrackedRecord = Order | ServiceRequest;
type TrackedKind = 'Order' | 'Request';

const placeOf = (record: TrackedRecord): RecordPlace =>
  ({ companyId: record.companyId, contractNumber: record.contractNumber, lineNumber: record.lineNumber });

/**
 * The profiles a Query field of this subgraph lets list or look up records: its own @allow. The records' type admits
 * more (the author of a change reads its pratica from the outcome), so a page lists only with the grants of the
 * profiles the page is for: pasquale.eu, EU on a line of one contract and ROA of another, reads the ROA's histories
 * of the contract he is ROA of, not his employer's pratiche.
 */
export const pageProfiles = ({ policy }: SubgraphContext, field: string): ReadonlySet<Profile> => profilesAllowed(policy, 'Query', field);

/** The orders the viewer may see on the page `field` created in the range, newest first. */
export const visibleOrders = (context: SubgraphContext, field: string, range: DayRange) =>
  listVisible(context.identity, 'Order', pageProfiles(context, field), context.loaders.crm.orders,
    (filter) => context.legacy.crm.listOrders(filter, range.from, range.to), (o: Order) => o.createdOn);

/** The requests the viewer may see on the page `field` opened in the range, newest first. */
export const visibleRequests = (context: SubgraphContext, field: string, range: DayRange) =>
  listVisible(context.identity, 'Request', pageProfiles(context, field), context.loaders.crm.requests,
    (filter) => context.legacy.crm.listRequests(filter, range.from, range.to), (r: ServiceRequest) => r.openedOn);

/**
 * CRM lists the records with the identity's own filter, so scoping costs no extra call; the loader is primed so that
 * links and entity fetches of these records later in the request are free.
 */
async function listVisible<R extends TrackedRecord>(
  identity: Identity, kind: TrackedKind, through: ReadonlySet<Profile>, loader: DataLoader<string, R | null>,
  list: (filter: RecordFilter) => Promise<R[]>, dateOf: (record: R) => IsoDate,
): Promise<R[]> {
  const filter = recordFilter(identity, kind, through);
  if (!filter) return [];
  const records = await list(filter);
  for (const record of records) loader.prime(record.id, record);
  return records.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.id.localeCompare(a.id));
}

/**
 * The record, or null when it does not exist or is outside the grants: both answers are the same on purpose. `through`
 * narrows the grants to a page's profiles (`request(id)`); a record reached from another (an outcome's pratica, an
 * order's) is decided on every profile its type admits.
 */
export async function loadVisible<R extends TrackedRecord>(
  identity: Identity, kind: TrackedKind, loader: DataLoader<string, R | null>, id: string | null, through?: ReadonlySet<Profile>,
): Promise<R | null> {
  if (!id) return null;
  const record = await loader.load(id);
  return record && covers(identity, kind, placeOf(record), through) ? record : null;
}
