import type { IsoDate, Order, ServiceRequest } from '../../adapters/domain';
import { ChangeInputScalar, DateScalar } from '../runtime/scalars';
import { isFixedNetworkNumber, isMobileNumber } from '../runtime/validators/phone';
import type { Resolvers } from '../runtime/server';
import { dispositiveMutations } from '../runtime/dispositive/resolvers';
import { assistanceQueries, assistanceTypes } from './assistance/resolvers';
import { changeSummary } from './change-summary';
import { TRACKING_OPERATIONS } from './operations';
import { loadVisible, pageProfiles, visibleOrders, visibleRequests } from './tracked';
import { requestsHistoryWindow, trackingWindow } from './windows';

/** A contract or line owned by another subgraph, referenced by key. */
const reference = (number: string | null) => (number ? { number } : null);
/**
 * Issue 21 (TRK-01): CRM names a record's line by number only; the Italian numbering plan tells its kind (mobile
 * numbers start with 3, fixed ones with 0 or are intelligent numbers, 800…), so each reference goes to the subgraph
 * that owns that kind, at no call.
 */
const mobileLine = (number: string | null) => reference(number && isMobileNumber(number) ? number : null);
const fixedLine = (number: string | null) => reference(number && isFixedNetworkNumber(number) ? number : null);

/** TRK-01 to TRK-05. CRM statuses arrive mapped to the SDL's RequestStatus by the adapter. */
export const resolvers: Resolvers = {
  Date: DateScalar,
  ChangeInput: ChangeInputScalar,
  Query: {
    changeSummary,
    orders: (_root, _args, context) => visibleOrders(context, 'orders', trackingWindow()),
    requests: (_root, _args, context) => visibleRequests(context, 'requests', trackingWindow()),
    // Every channel: the CRM list is not narrowed by origin.
    requestsHistory: (_root, { before }: { before?: IsoDate | null }, context) =>
      visibleRequests(context, 'requestsHistory', requestsHistoryWindow(before)),
    // h-inventory: TRK-05, over the same 10 days as the requests history.
    ordersHistory: (_root, { before }: { before?: IsoDate | null }, context) =>
      visibleOrders(context, 'ordersHistory', requestsHistoryWindow(before)),
    order: (_root, { id }: { id: string }, context) =>
      loadVisible(context.identity, 'Order', context.loaders.crm.orders, id, pageProfiles(context, 'order')),
    request: (_root, { id }: { id: string }, context) =>
      loadVisible(context.identity, 'Request', context.loaders.crm.requests, id, pageProfiles(context, 'request')),
    // Issue 13: assistance (contacts, FAQ, call backs, tickets, service points, manuals, advanced services).
    ...assistanceQueries,
  },
  ...assistanceTypes,
  // Issue 13: the assistance requests (Appendix rows 27–32, call backs), from their declarations.
  Mutation: dispositiveMutations(TRACKING_OPERATIONS),
  Order: {
    // Other subgraphs reference orders by id: the same scoping, or an entity fetch would leak a foreign order.
    __resolveReference: ({ id }: { id: string }, { identity, loaders }) => loadVisible(identity, 'Order', loaders.crm.orders, id),
    request: (order: Order, _args, { identity, loaders }) => loadVisible(identity, 'Request', loaders.crm.requests, order.requestId),
    contract: (order: Order) => reference(order.contractNumber),
    line: (order: Order) => mobileLine(order.lineNumber),
    fixedLine: (order: Order) => fixedLine(order.lineNumber),
    // h-inventory: TRK-02, one CRM call for the orders of a response that ship something (phases and states alike).
    shipmentTracking: async (order: Order, _args, { loaders }) => (order.shipmentStatus ? (await loaders.crm.shipments.load(order.id)).phases : null),
    shipmentStates: async (order: Order, _args, { loaders }) => (order.shipmentStatus ? (await loaders.crm.shipments.load(order.id)).states : null),
  },
  Request: {
    __resolveReference: ({ id }: { id: string }, { identity, loaders }) => loadVisible(identity, 'Request', loaders.crm.requests, id),
    order: (request: ServiceRequest, _args, { identity, loaders }) => loadVisible(identity, 'Order', loaders.crm.orders, request.orderId),
    contract: (request: ServiceRequest) => reference(request.contractNumber),
    line: (request: ServiceRequest) => mobileLine(request.lineNumber),
    fixedLine: (request: ServiceRequest) => fixedLine(request.lineNumber),
    // h-inventory: TRK-04's ticket detail, one CRM call for the requests of a response that ask for it.
    details: (request: ServiceRequest, _args, { loaders }) => loaders.crm.requestDetails.load(request.id),
  },
};
