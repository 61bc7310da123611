import type { TestStack } from '../../support/stack';
import { graphql } from '../../support/stack';
import { confirmed } from '../../support/change-summary';
import { confirmOnCheckoutPage, DEMO_CARD } from '../../support/checkout';
import { call, type Fixture, type Input } from './fixture';

/**
 * h-tuopost (issue 12). Seed 002 §9.2.1.1 (Appendix rows 34–41): TIM TUO as the employee on his own postpaid line.
 * Activations (34–36) on the three lines the ROA enabled and nobody associated yet (giorgio.eu by card, emanuele.eu by
 * direct debit, ivan.eu by postal slip), each quoting the summary it downloaded first; changes (37–41) on
 * pasquale.eu's line (direct debit, then card, then postal slip) and laura.eu's (card, then direct debit). Another
 * employee is the foreign user; the ROA of their contract, vincenzo.roa, monitors the pratiche ("monitorabile dal ROA").
 */
export const INVOICE_ADDRESS = { street: 'VIA TOLEDO', houseNumber: '15', postalCode: '80134', city: 'NAPOLI', province: 'NA' };
export const EMANUELE_DIRECT_DEBIT = {
  iban: 'IT66A0306909606100000012345',
  accountHolder: { firstName: 'EMANUELE', lastName: 'MANCINI', taxCode: 'MNCMNL83C12A944Q', address: INVOICE_ADDRESS },
};
const LAURA_DIRECT_DEBIT = {
  iban: 'IT49B0200802435000104428964',
  accountHolder: { firstName: 'LAURA', lastName: 'ROSSI', taxCode: 'RSSLRA85M41F839V', address: INVOICE_ADDRESS },
};
const PASQUALE_NEW_IBAN = {
  iban: 'IT80D0306909606100000067890',
  accountHolder: { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J', address: INVOICE_ADDRESS },
};

async function ask(stack: TestStack, token: string, query: string, input: Input) {
  const { body } = await graphql(stack, query, { input }, token);
  if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A card verified as the employee verifies it: started through the graph, confirmed on the provider's page. */
export async function verifiedCard(stack: TestStack, token: string, number: string, key: string): Promise<string> {
  const data = await ask(stack, token, `mutation($input: StartTimTuoCardVerificationInput!) { startTimTuoCardVerification(input: $input) { id redirectUrl } }`,
    { number, idempotencyKey: key });
  const confirmed = await confirmOnCheckoutPage(data.startTimTuoCardVerification.redirectUrl, { pan: DEMO_CARD });
  if (confirmed.status !== 200) throw new Error(`the provider's page answered ${confirmed.status}`);
  return data.startTimTuoCardVerification.id;
}

/** The activation of each payment method. */
export const ACTIVATION_BY: Record<string, string> = { CARD: 'activateTimTuoByCard', DIRECT_DEBIT: 'activateTimTuoByDirectDebit', POSTAL_SLIP: 'activateTimTuoByPostalSlip' };

/** The activation's input as the pages send it: the summary downloaded first (changeSummary), its reference quoted. */
export async function confirmedActivation(stack: TestStack, token: string, request: Input & { paymentMethod: string }): Promise<Input> {
  const { paymentMethod, ...terms } = request;
  return confirmed(stack, token, ACTIVATION_BY[paymentMethod], { ...terms, acceptConditions: true });
}

const activation = (mutation: string) => call(mutation, 'ActivateTimTuoInput');
const paymentChange = (mutation: string) => call(mutation, 'ChangeTimTuoPaymentInput');
const billingData = call('changeTimTuoBillingData', 'ChangeTimTuoBillingDataInput');

/** An activation made once per row (and reused: a retry sends exactly what was sent). */
const activated = (number: string, paymentMethod: string, extra: (token: string, stack: TestStack) => Promise<Input>) =>
  async (token: string, stack: TestStack) => confirmedActivation(stack, token, { number, paymentMethod, invoiceAddress: INVOICE_ADDRESS, ...await extra(token, stack) });
const withCard = (number: string, key: string) => async (token: string, stack: TestStack) => ({ cardVerificationId: await verifiedCard(stack, token, number, key) });
const nothing = async () => ({});

const byCard = activated('3312547516', 'CARD', withCard('3312547516', 'appendix-34-card'));
const byDirectDebit = activated('3312547883', 'DIRECT_DEBIT', async () => ({ directDebit: EMANUELE_DIRECT_DEBIT }));
const byPostalSlip = activated('3312547899', 'POSTAL_SLIP', nothing);
/**
 * Another request under the row's key, once the row went through (TIM TUO is active, so its rule refuses it before
 * its summary would be checked): a reference of the right shape, the line's own fields and an SMS to notify.
 */
const REUSED_REF = `${'a'.repeat(20)}.${'b'.repeat(43)}`;
const another = (number: string, extra: Input = {}) => ({ number, invoiceAddress: INVOICE_ADDRESS, acceptConditions: true, smsNumber: '3331234567', confirmationRef: REUSED_REF, ...extra });
const HISTORY = { historyUser: 'vincenzo.roa' };

export const EMPLOYEE_TIM_TUO_FIXTURES: Record<number, Fixture> = {
  34: { user: 'giorgio.eu', run: activation('activateTimTuoByCard')(byCard), reuse: activation('activateTimTuoByCard')(another('3312547516', { cardVerificationId: `seti_${'0'.repeat(24)}` })),
    bad: { input: { number: '3312547516', invoiceAddress: INVOICE_ADDRESS, acceptConditions: true, confirmationRef: 'x' }, field: 'input.cardVerificationId' },
    foreignUser: 'laura.eu', ...HISTORY },
  35: { user: 'emanuele.eu', run: activation('activateTimTuoByDirectDebit')(byDirectDebit), reuse: activation('activateTimTuoByDirectDebit')(another('3312547883', { directDebit: EMANUELE_DIRECT_DEBIT })),
    bad: { input: { number: '3312547883', invoiceAddress: INVOICE_ADDRESS, directDebit: { ...EMANUELE_DIRECT_DEBIT, iban: 'DE89370400440532013000' }, acceptConditions: true, confirmationRef: 'x' },
      field: 'input.directDebit.iban' },
    foreignUser: 'laura.eu', ...HISTORY },
  36: { user: 'ivan.eu', run: activation('activateTimTuoByPostalSlip')(byPostalSlip), reuse: activation('activateTimTuoByPostalSlip')(another('3312547899')),
    bad: { input: { number: '3312547899', invoiceAddress: INVOICE_ADDRESS, acceptConditions: false, confirmationRef: 'x' }, field: 'input.acceptConditions' },
    foreignUser: 'laura.eu', ...HISTORY },
  37: { user: 'pasquale.eu',
    run: billingData({ number: '3312548681', holder: { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J' }, invoiceAddress: INVOICE_ADDRESS }),
    reuse: billingData({ number: '3312548681', holder: { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J' }, invoiceAddress: { ...INVOICE_ADDRESS, houseNumber: '16' } }),
    bad: { input: { number: '3312548681', holder: { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839X' }, invoiceAddress: INVOICE_ADDRESS }, field: 'input.holder.taxCode' },
    foreignUser: 'laura.eu', ...HISTORY },
  38: { user: 'pasquale.eu', run: paymentChange('changeTimTuoIban')({ number: '3312548681', directDebit: PASQUALE_NEW_IBAN }),
    reuse: paymentChange('changeTimTuoIban')({ number: '3312548681', directDebit: LAURA_DIRECT_DEBIT }),
    bad: { input: { number: '3312548681', directDebit: { ...PASQUALE_NEW_IBAN, iban: 'IT00X0000000000000000000000' } }, field: 'input.directDebit.iban' },
    foreignUser: 'laura.eu', ...HISTORY },
  39: { user: 'pasquale.eu', run: paymentChange('switchTimTuoPaymentToCard')(async (token, stack) => ({ number: '3312548681', ...await withCard('3312548681', 'appendix-39-card')(token, stack) })),
    reuse: paymentChange('switchTimTuoPaymentToPostalSlip')({ number: '3312548681' }),
    bad: { input: { number: '3312548681', cardVerificationId: 'card' }, field: 'input.cardVerificationId' },
    foreignUser: 'laura.eu', ...HISTORY },
  40: { user: 'laura.eu', run: paymentChange('switchTimTuoPaymentToDirectDebit')({ number: '3312548662', directDebit: LAURA_DIRECT_DEBIT }),
    reuse: paymentChange('switchTimTuoPaymentToDirectDebit')({ number: '3312548662', directDebit: EMANUELE_DIRECT_DEBIT }),
    bad: { input: { number: '3312548662' }, field: 'input.directDebit' },
    foreignUser: 'pasquale.eu', ...HISTORY },
  41: { user: 'pasquale.eu', run: paymentChange('switchTimTuoPaymentToPostalSlip')({ number: '3312548681' }),
    reuse: billingData({ number: '3312548681', holder: { firstName: 'PASQUALE', lastName: 'ESPOSITO', taxCode: 'SPSPQL80A01F839J' }, invoiceAddress: INVOICE_ADDRESS }),
    bad: { input: { number: 'abc' }, field: 'input.number' },
    foreignUser: 'laura.eu', ...HISTORY },
};
