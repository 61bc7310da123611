import { describe, expect, it } from 'vitest';
import type { CreateRequestInput } from '../../adapters/crm';
import { crmUnderTest } from '../support/crm-clients';

/**
 * CreaPratica's business key (`chiaveNaturale`, legacy/crm/natural-keys.ts), through the real adapter: one pratica
 * per fact and description whatever the idempotency keys, the way a payment is credited once from two tabs.
 */
const LINE = '3343860505';
const PAYMENT = 'pay_0123456789abcdef01234567';

const { crm, client } = crmUnderTest();

/** A top-up's pratica for the payment, under a key, asked with a fingerprint. */
const topUp = (idempotencyKey: string, fingerprint = 'fp-top-up', naturalKey: string | null = PAYMENT) => {
  const input: CreateRequestInput = {
    description: 'Ricarica manuale web/app', withOrder: false, target: { kind: 'MobileLine', id: LINE }, channel: 'CONSIP8',
    parameters: { idPagamento: PAYMENT }, idempotencyKey, fingerprint, ...(naturalKey !== null && { naturalKey }),
  };
  return client().createRequest(input);
};

describe('CreaPratica with a business key', () => {
  it('answers two keys for one fact with one pratica, written once', async () => {
    await crm().resetCounters();
    const [a, b] = await Promise.all([topUp('tab-a'), topUp('tab-b')]);
    expect(b.request.id).toBe(a.request.id);
    expect((await crm().counters()).CreaPratica).toBe(2);
    const sameDay = await client().listRequests({ lineNumbers: [LINE] }, '2026-03-15', '2026-03-15');
    expect(sameDay.filter((r) => r.description === 'Ricarica manuale web/app').map((r) => r.id)).toEqual([a.request.id]);
  });

  it('answers the second key as its own from then on, also when asked for its outcome', async () => {
    const first = await topUp('tab-a');
    expect((await topUp('tab-b')).request.id).toBe(first.request.id);
    expect((await client().findCreatedRequest('tab-b', 'fp-top-up'))?.request.id).toBe(first.request.id);
  });

  it('refuses the same fact asked otherwise, in our words, and a key that was never used is still unknown', async () => {
    await expect(topUp('tab-c', 'fp-another-amount')).rejects.toMatchObject({ extensions: { code: 'LEGACY_REJECTED' } });
    expect(await client().findCreatedRequest('tab-c', 'fp-another-amount')).toBeNull();
  });

  it('keeps facts apart: without a business key, or with another, a new key is a new pratica', async () => {
    const first = await topUp('tab-a');
    expect((await topUp('no-fact', 'fp-top-up', null)).request.id).not.toBe(first.request.id);
    expect((await topUp('other-payment', 'fp-top-up', 'pay_76543210fedcba9876543210')).request.id).not.toBe(first.request.id);
  });
});
