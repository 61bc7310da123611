import type { Decimal } from '../../adapters/domain';

/**
 * Sums of amounts in cents: a Decimal ("221.12") never passes through a float. Used where a page shows totals of
 * what a legacy system rated item by item.
 */
export const toCents = (amount: Decimal) => {
  const negative = amount.startsWith('-');
  const [units, decimals = '0'] = amount.replace(/^-/, '').split('.');
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  return negative ? -cents : cents;
};

export const fromCents = (total: number): Decimal =>
  `${total < 0 ? '-' : ''}${Math.floor(Math.abs(total) / 100)}.${String(Math.abs(total) % 100).padStart(2, '0')}`;

export const sumAmounts = (amounts: Decimal[]): Decimal => fromCents(amounts.reduce((sum, a) => sum + toCents(a), 0));
