import type { Decimal, IsoDate, LineStatus } from './domain';

/**
 * Domain types of the CM8 inventory (seed 002 §7.2; MOB-07, MOB-08), kept beside domain.ts so that they change
 * together with the inventory. Statuses are the lines' vocabulary (a service or device is ACTIVE, SUSPENDED,
 * CEASED like a line).
 */
export interface LinesByPlan { count: number; tariffPlan: string; status: LineStatus }
export interface ServicesByStatus { count: number; description: string; status: LineStatus }
export interface CountByStatus { count: number; status: LineStatus }
export interface DevicesByModel { count: number; nmuCode: string; serviceType: string; status: LineStatus }

/** §7.2.1: the six aggregates of one contract, computed by CRM. */
export interface ContractInventory {
  contractNumber: string;
  lines: LinesByPlan[];
  lineServices: ServicesByStatus[];
  timTuoPostpaid: CountByStatus[];
  timTuoPrepaid: CountByStatus[];
  devices: DevicesByModel[];
  contractServices: ServicesByStatus[];
}

/** §7.2.2 "Servizi su Linea (STS)": one service on one line. */
export interface LineServiceItem {
  lineNumber: string;
  description: string;
  /** For "FILTRO APN" only. */
  apn: string | null;
  activatedOn: IsoDate | null;
  ceasedOn: IsoDate | null;
  status: LineStatus;
  chargedToEntePercent: number;
  monthlyFee: Decimal;
}

/** §7.2.2 "Servizi TIM TUO in abbonamento": a line with the employee it is given to. */
export interface TimTuoLine {
  lineNumber: string;
  employeeCode: string;
  employeeLastName: string;
  employeeFirstName: string;
  employeeTaxCode: string;
  activatedOn: IsoDate | null;
  ceasedOn: IsoDate | null;
  status: LineStatus;
}

/** §7.2.2 "Servizi su apparato". */
export interface DeviceItem { id: string; lineNumber: string; nmuCode: string; serviceType: string; activatedOn: IsoDate | null; status: LineStatus }

/** §7.2.2 "Servizi a contratto (SAC)". */
export interface ContractServiceItem { description: string; activatedOn: IsoDate | null; status: LineStatus }

/** The search fields of the detail pages (all given ones must match); `status` filters the services on line (issue 21). */
export interface InventorySearch { lineNumber?: string; iccid?: string; lastName?: string; employeeCode?: string; taxCode?: string; status?: LineStatus }

/** §7.2.4 "I miei Export": what an export holds, in the portal's names of the request types. */
export const EXPORT_KINDS = {
  INVENTORY_LINES: 'ConsistenzaDettaglioLinee',
  INVENTORY_LINE_SERVICES: 'ConsistenzaDettaglioSTS',
  INVENTORY_TIM_TUO_POSTPAID: 'ConsistenzaDettaglioTimTuoAbb',
  INVENTORY_TIM_TUO_PREPAID: 'ConsistenzaDettaglioTimTuoRic',
  INVENTORY_DEVICES: 'ConsistenzaDettaglioApparati',
  INVENTORY_CONTRACT_SERVICES: 'ConsistenzaDettaglioSAC',
  INVENTORY_AGGREGATES: 'ConsistenzeAggregate',
  REQUESTS_HISTORY: 'StoricoPratiche',
  ORDERS_HISTORY: 'StoricoOrdini',
  // issue 20 (ACC-08): the company's users, from the legal representative's console; of a customer, not a contract.
  COMPANY_USERS: 'UtentiAzienda',
} as const;
/** The kinds that export a history over days (seed 002 §7.3.1-§7.3.2), the others the contract's inventory. */
export const HISTORY_EXPORT_KINDS: readonly ExportKind[] = ['REQUESTS_HISTORY', 'ORDERS_HISTORY'];
export type ExportKind = keyof typeof EXPORT_KINDS;
export type ExportFormat = 'CSV' | 'XLSX';
export type ExportStatus = 'REQUESTED' | 'PROCESSING' | 'COMPLETED';

/** An export job CRM holds for one user (MOB-09). */
export interface ExportJob {
  id: string;
  /** The contract exported; for COMPANY_USERS the customer code. */
  contractNumber: string;
  kind: ExportKind;
  /** The portal's name of the request type, e.g. ConsistenzaDettaglioLinee. */
  typeName: string;
  format: ExportFormat;
  status: ExportStatus;
  requestedOn: IsoDate;
  completedAt: string | null;
  rows: number | null;
  sizeBytes: number | null;
}

/**
 * Issue 21 (MOB-06), the customer area's "Servizi Premium": a premium service subscribed on a line (a content or
 * subscription service billed on the line); barred by the customer, it stays listed until unbarred.
 */
export const PREMIUM_SERVICE_TYPES = ['PREMIUM_SMS', 'VAS_SUBSCRIPTION', 'PREMIUM_RATE_NUMBERS'] as const;
export type PremiumServiceType = (typeof PREMIUM_SERVICE_TYPES)[number];
export interface PremiumService {
  lineNumber: string;
  code: string;
  description: string;
  provider: string;
  type: PremiumServiceType;
  activatedOn: IsoDate | null;
  barred: boolean;
}
/** "Gestione black list": a line kept from a type of premium service. */
export interface BlackListEntry { lineNumber: string; type: PremiumServiceType }
/** A service on the contract switched line by line ("SMS solidale", TIMDUO): whether the line has it enabled. */
export interface SwitchedServiceLine { lineNumber: string; enabled: boolean }
