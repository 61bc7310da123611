import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { graphql, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * Record scoping from day one: whatever id is sent, a record outside the user's grants is never returned, and the
 * answer is the same as for an id that does not exist.
 */
/** Known to the test, so that it can sign identities the gateway would never sign. */
const IDENTITY_SECRET = 'tenancy-test-identity-secret-of-32-chars-at-least';
const stack = useStack({ env: { GATEWAY_IDENTITY_SECRET: IDENTITY_SECRET } });
const BY_ID = `query ById($line: ID!, $fixed: ID!, $invoice: ID!, $contract: ID!, $request: ID!) {
  mobileLine(number: $line) { number status }
  fixedLine(number: $fixed) { number }
  invoice(number: $invoice) { number amount }
  contract(number: $contract) { number }
  request(id: $request) { id }
}`;

const COMPANY_A_IDS = { line: '3343860505', fixed: '066633987', invoice: '7X00412066', contract: '888012170373', request: '7-64436898334' };
const UNKNOWN_IDS = { line: '3999999999', fixed: '069999999', invoice: '7X99999999', contract: '888099999999', request: '7-99999999999' };

describe('record scoping', () => {
  it('answers a foreign id exactly as an unknown id', async () => {
    const token = await tokenFor(stack, 'mario.rossi');
    const foreign = await graphql(stack, BY_ID, COMPANY_A_IDS, token);
    const unknown = await graphql(stack, BY_ID, UNKNOWN_IDS, token);
    expect(foreign.body).toEqual({ data: { mobileLine: null, fixedLine: null, invoice: null, contract: null, request: null } });
    expect(unknown.body).toEqual(foreign.body);
  });

  it('returns the same records to their owner', async () => {
    const token = await tokenFor(stack, 'ginevra.vallisneri');
    const own = await graphql(stack, BY_ID, { ...COMPANY_A_IDS, request: UNKNOWN_IDS.request }, token);
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.mobileLine.number).toBe('3343860505');
    expect(own.body.data.fixedLine.number).toBe('066633987');
    expect(own.body.data.invoice.amount).toBe('221.12');
    expect(own.body.data.contract.number).toBe('888012170373');
  });

  it('shows an AL (sara.neri) only her own line but the company invoices', async () => {
    const token = await tokenFor(stack, 'sara.neri');
    const { body } = await graphql(stack, `{ mobileLines { nodes { number } } invoices(kind: MOBILE) { nodes { number } } }`, {}, token);
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileLines.nodes).toEqual([{ number: '3343860405' }]);
    expect(body.data.invoices.nodes.map((i: { number: string }) => i.number)).toContain('7X00412066');
  });

  it('shows an UT (giada.mantesi) only her own line', async () => {
    const token = await tokenFor(stack, 'giada.mantesi');
    const { body } = await graphql(stack, `{ mobileLines { totalCount nodes { number } } other: mobileLine(number: "3343860505") { number } }`, {}, token);
    expect(body.data.mobileLines).toEqual({ totalCount: 1, nodes: [{ number: '3343860902' }] });
    expect(body.data.other).toBeNull();
  });

  it('keeps the CM8 requests history of Ente KRISHNA to its referents', async () => {
    const query = `{ requestsHistory { id origin } }`;
    const roa = await graphql(stack, query, {}, await tokenFor(stack, 'pasquale.eu'));
    expect(roa.body.data.requestsHistory.map((r: { id: string }) => r.id)).toContain('7-64436898334');
    const other = await graphql(stack, query, {}, await tokenFor(stack, 'massimiliano.roa'));
    expect(other.body.data.requestsHistory.map((r: { id: string }) => r.id)).not.toContain('7-64436898334');
  });
});

describe('subgraph trust', () => {
  it('a subgraph called directly, without the gateway identity or with a forged one, refuses', async () => {
    const url = stack.components.get('mobile')!.url;
    const query = JSON.stringify({ query: '{ mobileLines { totalCount } }' });
    const bare = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(bare.status).toBe(401);
    expect(JSON.stringify(await bare.json())).toContain('UNAUTHENTICATED');
    const userToken = await tokenFor(stack, 'ginevra.vallisneri');
    const forged = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gateway-identity': userToken }, body: query });
    expect(forged.status).toBe(401);
  });

  it('a subgraph refuses an identity signed with the right secret but without exp, or meant to live a day', async () => {
    const url = stack.components.get('mobile')!.url;
    const query = JSON.stringify({ query: '{ mobileLines { totalCount } }' });
    const identity = (exp: string | null) => {
      const jwt = new SignJWT({ username: 'ginevra.vallisneri', name: 'GINEVRA', grants: [{ profile: 'RL', scope: { kind: 'COMPANY', id: '1-VALL01' } }] })
        .setProtectedHeader({ alg: 'HS256' }).setSubject('1-U0001').setIssuer('onegraph-gateway').setAudience('onegraph-subgraphs').setIssuedAt();
      return (exp ? jwt.setExpirationTime(exp) : jwt).sign(new TextEncoder().encode(IDENTITY_SECRET));
    };
    const send = async (token: string) =>
      (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-gateway-identity': token }, body: query })).status;
    expect(await send(await identity('60s'))).toBe(200);
    expect(await send(await identity(null))).toBe(401);
    expect(await send(await identity('1d'))).toBe(401);
  });
});
