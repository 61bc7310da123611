import { afterAll, beforeAll } from 'vitest';
import { createEbillClient, type EbillClient } from '../../adapters/ebill';
import { createPaymentsClient, type PaymentsClient } from '../../adapters/payments';
import { ebillStandIn } from '../../legacy/ebill/standin';
import { paymentsStandIn } from '../../legacy/payments/standin';
import { BREAKER_NEVER_OPENS } from './resilience';
import { startTestStandIn, type TestStandIn } from './stand-in-admin';

/**
 * The payment provider's and eBill's stand-ins with the graph's adapters on them, started for the calling test file
 * (the employee's personal top-ups and TIM TUO use both). Read the fields inside tests, once `beforeAll` has run.
 */
export interface PaymentStandIns { provider: TestStandIn; payments: PaymentsClient; ebill: TestStandIn; ebillClient: EbillClient }

export function paymentStandIns(): PaymentStandIns {
  const started = {} as PaymentStandIns;
  beforeAll(async () => {
    [started.provider, started.ebill] = await Promise.all([startTestStandIn(paymentsStandIn), startTestStandIn(ebillStandIn)]);
    started.payments = createPaymentsClient({ url: started.provider.url, resilience: BREAKER_NEVER_OPENS });
    started.ebillClient = createEbillClient({ url: started.ebill.url, resilience: BREAKER_NEVER_OPENS });
  });
  afterAll(async () => {
    await Promise.all([started.payments?.close(), started.ebillClient?.close()]);
    await Promise.all([started.provider?.stop(), started.ebill?.stop()]);
  });
  return started;
}
