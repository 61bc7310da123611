import { describe, expect, it } from 'vitest';
import { counters, graphql, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/** MOB-03 end to end: the pratica and the order are written in CRM, show in the history and survive restarts. */
const BLOCK = `mutation Block($input: BlockSimInput!) {
  blockSim(input: $input) { request { id description status } order { id } line { number status } }
}`;
const UNBLOCK = `mutation Unblock($input: UnblockSimInput!) {
  unblockSim(input: $input) { request { id description } line { number status } }
}`;
const AFTER = `{ requests { id description line { number } } mobileLine(number: "3343860505") { status } }`;

const stack = useStack();

describe('block and unblock a SIM (MOB-03)', () => {
  let requestId = '';

  it('blocks 3343860505 for ginevra.vallisneri: a request and an order, the line SUSPENDED, visible in the history', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const { body } = await graphql(stack, BLOCK, { input: { number: '3343860505', reason: 'THEFT', idempotencyKey: 'block-3343860505-a' } }, token);
    expect(body.errors).toBeUndefined();
    const outcome = body.data.blockSim;
    expect(outcome.request.id).toMatch(/^7-\d+$/);
    expect(outcome.request.description).toBe('Furto/Smarrimento SIM');
    expect(outcome.order?.id).toBeTruthy();
    expect(outcome.line).toEqual({ number: '3343860505', status: 'SUSPENDED' });
    requestId = outcome.request.id;

    const after = await graphql(stack, AFTER, {}, token);
    expect(after.body.data.mobileLine.status).toBe('SUSPENDED');
    expect(after.body.data.requests).toContainEqual({ id: requestId, description: 'Furto/Smarrimento SIM', line: { number: '3343860505' } });
  });

  it('a retry with the same idempotency key returns the same request and writes nothing', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const before = await counters(stack, 'crm');
    const { body } = await graphql(stack, BLOCK, { input: { number: '3343860505', reason: 'THEFT', idempotencyKey: 'block-3343860505-a' } }, token);
    expect(body.data.blockSim.request.id).toBe(requestId);
    const history = await graphql(stack, AFTER, {}, token);
    expect(history.body.data.requests.filter((r: { id: string }) => r.id === requestId)).toHaveLength(1);
    // The line is blocked now, so the retry fails the rule and the engine finds the key's first outcome: no write.
    expect((await counters(stack, 'crm')).CreaPratica ?? 0).toBe(before.CreaPratica ?? 0);
    expect((await counters(stack, 'crm')).GetEsitoPratica).toBe((before.GetEsitoPratica ?? 0) + 1);
  });

  it('refuses the same key with another reason (another request under a reused key), and writes nothing', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const before = await counters(stack, 'crm');
    const { body } = await graphql(stack, BLOCK, { input: { number: '3343860505', reason: 'LOSS', idempotencyKey: 'block-3343860505-a' } }, token);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect((await counters(stack, 'crm')).CreaPratica ?? 0).toBe(before.CreaPratica ?? 0);
  });

  it('refuses to block a SIM already blocked (a new key) with our own words, and writes nothing', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const before = await counters(stack, 'crm');
    const { body } = await graphql(stack, BLOCK, { input: { number: '3343860505', reason: 'LOSS', idempotencyKey: 'block-3343860505-b' } }, token);
    expect(body.errors[0].extensions.code).toBe('LEGACY_REJECTED');
    expect(body.errors[0].message).toBe('Only the SIM of an active or frozen line can be blocked: the line is suspended.');
    expect((await counters(stack, 'crm')).CreaPratica ?? 0).toBe(before.CreaPratica ?? 0);
  });

  it('keeps the request and the status across a restart of everything', async () => {
    await stack.restartAll();
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const after = await graphql(stack, AFTER, {}, token);
    expect(after.body.data.mobileLine.status).toBe('SUSPENDED');
    expect(after.body.data.requests.map((r: { id: string }) => r.id)).toContain(requestId);
  }, 90_000);

  it('unblocks the SIM: request "Ritrovamento SIM", line ACTIVE again', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const { body } = await graphql(stack, UNBLOCK, { input: { number: '3343860505', idempotencyKey: 'unblock-3343860505-a' } }, token);
    expect(body.errors).toBeUndefined();
    expect(body.data.unblockSim.request.description).toBe('Ritrovamento SIM');
    expect(body.data.unblockSim.line.status).toBe('ACTIVE');
  });

  it('refuses another company\'s line exactly like an unknown line, and writes nothing', async () => {
    const token = await tokenFor(stack, 'mario.rossi');
    const before = (await counters(stack, 'crm')).CreaPratica ?? 0;
    const foreign = await graphql(stack, BLOCK, { input: { number: '3343860902', reason: 'LOSS', idempotencyKey: 'mario-foreign-1' } }, token);
    const unknown = await graphql(stack, BLOCK, { input: { number: '3999999999', reason: 'LOSS', idempotencyKey: 'mario-unknown-1' } }, token);
    expect(foreign.body.data).toBeNull();
    expect(foreign.body.errors[0].extensions.code).toBe(unknown.body.errors[0].extensions.code);
    expect(foreign.body.errors[0].message).toBe(unknown.body.errors[0].message);
    expect((await counters(stack, 'crm')).CreaPratica ?? 0).toBe(before);
  });

  it('refuses a key already used for another operation, and scopes keys to the user', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const before = (await counters(stack, 'crm')).CreaPratica ?? 0;
    // block-3343860505-a created the block above: as an unblock, or on another line, it is a reused key.
    const reused = await graphql(stack, UNBLOCK, { input: { number: '3343860505', idempotencyKey: 'block-3343860505-a' } }, token);
    expect(reused.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
    expect((await counters(stack, 'crm')).CreaPratica ?? 0).toBe(before);
    // mario.rossi using ginevra's key on his own line gets his own request, not hers.
    const mario = await graphql(stack, BLOCK, { input: { number: '3471000001', reason: 'LOSS', idempotencyKey: 'block-3343860505-a' } },
      await tokenFor(stack, 'mario.rossi'));
    expect(mario.body.errors).toBeUndefined();
    expect(mario.body.data.blockSim.request.id).not.toBe(requestId);
  });

  it('refuses a malformed number with BAD_USER_INPUT naming the field', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const { body } = await graphql(stack, BLOCK, { input: { number: '33A', reason: 'LOSS', idempotencyKey: 'bad-number-1' } }, token);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toContain('input.number');
  });
});
