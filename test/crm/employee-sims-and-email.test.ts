import { describe, expect, it } from 'vitest';
import { createCrmLoaders } from '../../adapters/crm';
import { crmUnderTest } from '../support/crm-clients';

/**
 * h-invoice (issue 12), CRM through the real adapter: the IMEI of every SIM of a line (`GetImeiSim`, "La mia SIM",
 * seed 002 §9.1.1) agreeing with the ROA's `GetImeiLinee`, and the registration e-mail "La mia fattura" changes
 * (`AggiornaEmailUtente`, §9.2.1.2), once per key.
 */
const { crm, client } = crmUnderTest();

describe('GetImeiSim', () => {
  it('answers the seed\'s devices: 3700034020\'s primary SIM seen, its secondaries and 3312548681\'s SIM not; another line\'s SIM as GetImeiLinee', async () => {
    const [gina, pasquale, laura, unknown] = await client().simDevices.getSimImeis(['3700034020', '3312548681', '3312548662', '3999999999']);
    expect([...gina]).toEqual([['8939010008552355787', '352141100000104']]);
    expect(pasquale.size).toBe(0);
    expect(unknown.size).toBe(0);
    const [lauraImei, ginaImei, pasqualeImei] = await client().inventory.getImeis(['3312548662', '3700034020', '3312548681']);
    expect([...laura.values()]).toEqual([lauraImei]);
    expect(ginaImei).toBe('352141100000104');
    expect(pasqualeImei).toBeNull();
  });

  it('looks the lines of one request up in one call', async () => {
    const loaders = createCrmLoaders(client());
    await crm().resetCounters();
    await Promise.all(['3700034020', '3312548681'].map((n) => loaders.simImeis.load(n)));
    expect(await crm().counters()).toEqual({ GetImeiSim: 1 });
  });
});

describe('AggiornaEmailUtente', () => {
  const set = (email: string, idempotencyKey: string, fingerprint = email) => client().userEmail.set({ userId: '1-U0039', email, idempotencyKey, fingerprint });

  it('changes the registration e-mail once per key; a replay answers the e-mail as it is now', async () => {
    expect(await set('laura.a@example.it', 'k-1')).toBe('laura.a@example.it');
    expect(await set('laura.b@example.it', 'k-2')).toBe('laura.b@example.it');
    expect(await set('laura.a@example.it', 'k-1')).toBe('laura.b@example.it');
    expect((await client().getUserProfile('1-U0039'))?.email).toBe('laura.b@example.it');
  });

  it('refuses the key with another fingerprint as the client\'s mistake, and an unknown user as unknown', async () => {
    await expect(set('laura.c@example.it', 'k-1')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' } });
    await expect(client().userEmail.set({ userId: '1-U9999', email: 'x@example.it', idempotencyKey: 'k-3', fingerprint: 'x' }))
      .rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
