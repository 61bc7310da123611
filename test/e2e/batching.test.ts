import { describe, expect, it } from 'vitest';
import { counters, graphql, resetCounters, tokenFor } from '../support/stack';
import { readmeDashboardQuery } from './dashboard-query';
import { useStack } from '../support/use-stack';

/**
 * The dashboard costs the same legacy calls whether the customer has 10 lines or 500: DataLoaders batch every
 * per-line lookup into calls of up to the system's limit, and the first page is bounded.
 */
const stack = useStack({ env: { LARGE_CUSTOMERS: 'BIGTEN:10,BIG500:500' } });
async function callsFor(username: string, query: string): Promise<Record<string, Record<string, number>>> {
  await Promise.all((['crm', 'ebill', 'ebpfa'] as const).map((s) => resetCounters(stack, s)));
  const token = await tokenFor(stack, username);
  await Promise.all((['crm', 'ebill', 'ebpfa'] as const).map((s) => resetCounters(stack, s)));
  const { body } = await graphql(stack, query, {}, token);
  expect(body.errors).toBeUndefined();
  return { crm: await counters(stack, 'crm'), ebill: await counters(stack, 'ebill'), ebpfa: await counters(stack, 'ebpfa') };
}

describe('legacy calls per dashboard', () => {
  it('are the same for a customer with 10 lines and one with 500', async () => {
    const dashboard = readmeDashboardQuery();
    const small = await callsFor('bigten.rl', dashboard);
    const large = await callsFor('big500.rl', dashboard);
    console.log('legacy calls per dashboard request', JSON.stringify({ small, large }));
    expect(large).toEqual(small);
    expect(small.ebill['linee/credito'] ?? small.ebill.credito ?? 1).toBeLessThanOrEqual(1);
  });

  it('grow as ceil(lines / batch limit) when every line is read', async () => {
    const everyLine = `{ mobileLines(first: 100) { nodes { number residualCredit { amount } availableTraffic { dataGbLeft } } } }`;
    const calls = await callsFor('big500.rl', everyLine);
    // 100 lines in one page → ceil(100 / 50) = 2 eBill traffic calls, whatever the customer's size. Only the
    // prepaid lines (one in five: 20) are sent for credit: ceil(20 / 50) = 1 call.
    expect(calls.ebill).toEqual({ 'linee/traffico': 2, 'linee/credito': 1 });
    expect(calls.crm.ListaLineeMobili).toBe(1);
  });
});
