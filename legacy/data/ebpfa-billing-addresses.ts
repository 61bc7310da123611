/**
 * Issue 21 (FIX-03): the billing address EBPFA prints on the fixed invoices of a billing customer code. Company A's
 * fixed contract 066633987 bills to 99318457198 at the line's site; a trasloco moves it (legacy/ebpfa/billing-addresses.ts).
 */
export interface EbpfaBillingAddressRecord { customerCode: string; street: string; postalCode: string; city: string; province: string }

export const EBPFA_BILLING_ADDRESSES: EbpfaBillingAddressRecord[] = [
  { customerCode: '99318457198', street: 'VIA PAVIA 2', postalCode: '20136', city: 'MILANO', province: 'MI' },
];
