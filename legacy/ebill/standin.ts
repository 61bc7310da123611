import type { StandInOptions } from '../runtime/server';
import { readStandInSettings } from '../runtime/settings';
import { ebillProtocol } from './protocol';
import { openEbillStore } from './store';
import { openPersonalBaskets } from './personal';
import { openPersonalConsumption } from './personal-consumption';
import { timTuoPrepaid } from './tim-tuo-prepaid';
import { openPersonalInvoicing } from './personal-invoices';
import { openPersonalAccounts } from './personal-account';
import { invoicePayments } from './invoice-payments';
import { openContractDirectDebits } from './contract-direct-debit';

/** The eBill stand-in as `startStandIn` / `runStandIn` take it, configured from the environment. */
export function ebillStandIn(env?: Record<string, string | undefined>): StandInOptions {
  const settings = readStandInSettings(env);
  const store = openEbillStore(settings.dataDir, settings.largeCustomers);
  const personal = openPersonalBaskets(settings.dataDir);
  // The employee's pages (issue 12): his consumption, his personal invoices and his TIM TUO billing account (each its
  // own file), the TIM TUO prepaid options beside the basket they charge.
  const consumption = openPersonalConsumption(settings.dataDir);
  const invoicing = openPersonalInvoicing(settings.dataDir);
  const accounts = openPersonalAccounts(settings.dataDir);
  const prepaid = timTuoPrepaid(personal.db, settings.timTuoPrepaidApplySeconds);
  const payments = invoicePayments(store.db); // issue 22: online payments of mobile invoices
  // Issue 21: the mobile contracts' direct debits (its own file).
  const directDebits = openContractDirectDebits(settings.dataDir);
  return {
    name: 'ebill',
    protocol: ebillProtocol(store, settings.ebillApiKey, { ...personal.routes, ...consumption.routes, ...invoicing.routes, ...accounts.routes, ...prepaid.routes, ...payments.routes, ...directDebits.routes },
      [...personal.files, ...consumption.files, ...invoicing.files, ...accounts.files, ...prepaid.files]),
    settings,
    defaultFault: { latencyMs: 90, jitterMs: 30 },
    onClose: () => {
      store.close();
      personal.close();
      consumption.close();
      invoicing.close();
      accounts.close();
      directDebits.close();
    },
  };
}
