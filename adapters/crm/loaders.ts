import DataLoader from 'dataloader';
import type { Company, Contract, ContractData, FixedLine, MobileLine, Order, ServiceRequest } from '../domain';
import type { ContractInventory } from '../inventory-domain';
import type { RequestDetail, Shipment } from './tracking';
import { CRM_BATCH_LIMIT, type CrmClient } from './client';
import type { TimTuoLine } from './tim-tuo';
import type { FixedLineService, FixedOffer, RoutingPlan } from './fixed-services';
import type { EmployeeTimTuo } from './tim-tuo-employee';

/**
 * Per-request loaders: every per-record lookup of one GraphQL request is collected into CRM calls of at most 100
 * ids, and each record is fetched once per request (the cache lives as long as the request). `null` means CRM has
 * no such record.
 */
export function createCrmLoaders(client: CrmClient) {
  const options = { maxBatchSize: CRM_BATCH_LIMIT };
  return {
    companies: new DataLoader<string, Company | null>((ids) => client.getCompanies(ids), options),
    contracts: new DataLoader<string, Contract | null>((numbers) => client.getContracts(numbers), options),
    mobileLines: new DataLoader<string, MobileLine | null>((numbers) => client.getMobileLines(numbers), options),
    fixedLines: new DataLoader<string, FixedLine | null>((numbers) => client.getFixedLines(numbers), options),
    orders: new DataLoader<string, Order | null>((ids) => client.getOrders(ids), options),
    requests: new DataLoader<string, ServiceRequest | null>((ids) => client.getRequests(ids), options),
    // h-contract: a contract's referents and delivery addresses (seed 002 §7.1.2-§7.1.3).
    contractData: new DataLoader<string, ContractData | null>((numbers) => client.getContractData(numbers), options),
    /** issue 11: TIM TUO per line (seed 002 §7.4.5-§7.4.8). */
    timTuo: new DataLoader<string, TimTuoLine | null>((numbers) => client.getTimTuo(numbers), options),
    /** h-tuopost (issue 12): TIM TUO as the employee sees it (seed 002 §9.2.1.1). */
    employeeTimTuo: new DataLoader<string, EmployeeTimTuo | null>((numbers) => client.getEmployeeTimTuo(numbers), options),
    // h-inventory: the aggregates of every contract a request asks for in one call; the IMEIs of a page in one call;
    // the shipment phases and pratica details of a response in one call each.
    inventories: new DataLoader<string, ContractInventory | null>((numbers) => client.inventory.getAggregates(numbers), options),
    imeis: new DataLoader<string, string | null>((numbers) => client.inventory.getImeis(numbers), options),
    shipments: new DataLoader<string, Shipment>((ids) => client.tracking.getShipments(ids), options),
    requestDetails: new DataLoader<string, RequestDetail[]>((ids) => client.tracking.getRequestDetails(ids), options),
    // h-invoice (issue 12): the IMEIs of every SIM of the lines a response asks them for, in one call ("La mia SIM").
    simImeis: new DataLoader<string, ReadonlyMap<string, string>>((numbers) => client.simDevices.getSimImeis(numbers), options),
    // Issue 21: the services of the fixed lines, the routing plans of the intelligent numbers, the offers of fixed contracts.
    fixedLineServices: new DataLoader<string, FixedLineService[]>((numbers) => client.fixed.getLineServices(numbers), options),
    routingPlans: new DataLoader<string, RoutingPlan | null>((numbers) => client.fixed.getRoutingPlans(numbers), options),
    fixedOffers: new DataLoader<string, FixedOffer | null>((numbers) => client.fixed.getOffers(numbers), options),
  };
}
export type CrmLoaders = ReturnType<typeof createCrmLoaders>;
