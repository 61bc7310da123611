import type DataLoader from 'dataloader';
import type { IsoDate, Order, RecordFilter, ServiceRequest } from '../../adapters/domain';
import type { DayRange } from '../runtime/calendar';
import type { Identity } from '../runtime/identity';
import { covers, recordFilter, type RecordPlace } from '../runtime/records';
import type { SubgraphContext } from '../runtime/server';

/** Orders and requests are scoped alike: where they sit, which CRM filter lists them, which loader fetches them. */
type TrackedRecord = Order | ServiceRequest;
type TrackedKind = 'Order' | 'Request';

const placeOf = (record: TrackedRecord): RecordPlace =>
  ({ companyId: record.companyId, contractNumber: record.contractNumber, lineNumber: record.lineNumber });

/** The orders the viewer may see created in the range, newest first. */
export const visibleOrders = ({ identity, loaders, legacy }: SubgraphContext, range: DayRange) =>
  listVisible(identity, 'Order', loaders.crm.orders, (filter) => legacy.crm.listOrders(filter, range.from, range.to), (o: Order) => o.createdOn);

/** The requests the viewer may see opened in the range, newest first. */
export const visibleRequests = ({ identity, loaders, legacy }: SubgraphContext, range: DayRange) =>
  listVisible(identity, 'Request', loaders.crm.requests, (filter) => legacy.crm.listRequests(filter, range.from, range.to), (r: ServiceRequest) => r.openedOn);

/**
 * CRM lists the records with the identity's own filter, so scoping costs no extra call; the loader is primed so that
 * links and entity fetches of these records later in the request are free.
 */
async function listVisible<R extends TrackedRecord>(
  identity: Identity, kind: TrackedKind, loader: DataLoader<string, R | null>,
  list: (filter: RecordFilter) => Promise<R[]>, dateOf: (record: R) => IsoDate,
): Promise<R[]> {
  const filter = recordFilter(identity, kind);
  if (!filter) return [];
  const records = await list(filter);
  for (const record of records) loader.prime(record.id, record);
  return records.sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.id.localeCompare(a.id));
}

/** The record, or null when it does not exist or is outside the grants: both answers are the same on purpose. */
export async function loadVisible<R extends TrackedRecord>(
  identity: Identity, kind: TrackedKind, loader: DataLoader<string, R | null>, id: string | null,
): Promise<R | null> {
  if (!id) return null;
  const record = await loader.load(id);
  return record && covers(identity, kind, placeOf(record)) ? record : null;
}
