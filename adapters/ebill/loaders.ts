import DataLoader from 'dataloader';
import type { AvailableTraffic, Invoice, ResidualCredit } from '../domain';
import type { OnlineTraffic } from './online-traffic';
import type { EmployeeService, OptionBundle } from './personal-consumption';
import type { PersonalInvoicing } from './personal-invoices';
import type { SpendingThreshold } from './thresholds';
import type { LinePrepaidOptions } from './tim-tuo-prepaid';
import type { PersonalBillingAccount } from './personal-account';
import { EBILL_BATCH_LIMIT, type EbillClient } from './client';

/**
 * Per-request loaders: every per-line or per-invoice lookup of one GraphQL request is collected into eBill calls of
 * at most 50 keys. `null` means eBill has no record for the key (e.g. no credit on a postpaid line).
 */
export function createEbillLoaders(client: EbillClient) {
  const options = { maxBatchSize: EBILL_BATCH_LIMIT };
  return {
    invoices: new DataLoader<string, Invoice | null>((numbers) => client.getInvoices(numbers), options),
    residualCredit: new DataLoader<string, ResidualCredit | null>((lines) => client.getResidualCredit(lines), options),
    availableTraffic: new DataLoader<string, AvailableTraffic | null>((lines) => client.getAvailableTraffic(lines), options),
    /** issue 11: every threshold of a line, active or ceased (seed 002 §7.5). */
    thresholds: new DataLoader<string, SpendingThreshold[]>((lines) => client.getThresholds(lines), options),
    /** issue 11: the traffic not yet billed, this month and the previous one (seed 002 §7.4.3, §7.4.4). */
    onlineTraffic: new DataLoader<string, OnlineTraffic[]>((lines) => client.getOnlineTraffic(lines), options),
    // h-employee (issue 12): the employee's personal credit of a prepaid line (seed 002 §9.1.1).
    personalCredit: new DataLoader<string, ResidualCredit | null>((lines) => client.getPersonalCredit(lines), options),
    // h-consumption (issue 12): the services with the employee's share and the options' bundles (seed 002 §9.2.2).
    employeeServices: new DataLoader<string, EmployeeService[]>((lines) => client.getEmployeeServices(lines), options),
    optionBundles: new DataLoader<string, OptionBundle[]>((lines) => client.getOptionBundles(lines), options),
    // h-prepaid (issue 12): the TIM TUO prepaid options of a line and the national traffic left of them (seed 002 §9.2.1.3, §9.1.1).
    timTuoPrepaid: new DataLoader<string, LinePrepaidOptions>((lines) => client.getTimTuoPrepaid(lines), options),
    personalTraffic: new DataLoader<string, AvailableTraffic | null>((lines) => client.getPersonalTraffic(lines), options),
    // h-invoice (issue 12): "La mia fattura" of TIM TUO postpaid lines (seed 002 §9.2.1.2).
    personalInvoicing: new DataLoader<string, PersonalInvoicing | null>((lines) => client.getPersonalInvoicing(lines), options),
    // h-tuopost (issue 12): the employee's personal billing account of TIM TUO (seed 002 §9.2.1.1).
    personalAccount: new DataLoader<string, PersonalBillingAccount | null>((lines) => client.getPersonalAccounts(lines), options),
  };
}
export type EbillLoaders = ReturnType<typeof createEbillLoaders>;
