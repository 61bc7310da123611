import { beforeAll, describe, expect, it } from 'vitest';
import { graphql, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * Seed 002 §5 and issue 12 item 9, "profiles add up": pasquale.eu is EU of his own postpaid line 3312548681 (TIM TUO
 * active) and ROA of the prepaid contract 888012234558, which holds gina.eu's line 3700034020. Each grant gives him
 * its pages and nothing of the other's scope: as ROA he never reads an employee's personal data (gina's personal
 * credit, top-ups, service SMS, personal invoices), and as EU he reads nothing of his own line's contract
 * 888010088938 (inventory, invoices, referents), exactly as a stranger: massimiliano.roa, ROA of another Ente.
 */
const OWN_LINE = '3312548681';
const ROA_CONTRACT = '888012234558';
const GINA_LINE = '3700034020';
const OWN_LINE_CONTRACT = '888010088938';

const tokens: Record<string, string> = {};
const ask = (username: string, query: string, variables: Record<string, unknown> = {}) => graphql(stack, query, variables, tokens[username]);
const forbiddenPaths = (errors: { path: (string | number)[]; extensions: { code: string } }[] = []) =>
  errors.filter((e) => e.extensions.code === 'FORBIDDEN').map((e) => e.path.join('.')).sort();

const stack = useStack();
beforeAll(async () => {
  for (const username of ['pasquale.eu', 'gina.eu', 'massimiliano.roa']) tokens[username] = await tokenFor(stack, username);
});
describe('pasquale.eu as EU: his own line\'s §9 pages', () => {
  it('shows his SIM, no personal credit (postpaid), no personal top-up, his service SMS and "La mia fattura"', async () => {
    const { body } = await ask('pasquale.eu', `{ mobileLine(number: "${OWN_LINE}") { number kind
      sims { iccid imei } personalCredit { amount } personalTopUps { amount } serviceSms(months: 1) { kind text }
      personalInvoicing { invoiceMode invoices { bimester year } } } }`);
    expect(body.errors).toBeUndefined();
    const line = body.data.mobileLine;
    expect(line).toMatchObject({ number: OWN_LINE, kind: 'POSTPAID', personalCredit: null, personalTopUps: [], sims: [{ iccid: '8939010008546264046', imei: null }] });
    expect(line.serviceSms).toEqual([{ kind: 'SMS Soglie', text: expect.stringContaining('80%') }]);
    expect(line.personalInvoicing).toMatchObject({ invoiceMode: 'WEB_ONLY' });
    expect(line.personalInvoicing.invoices).toHaveLength(6);
  });
});

describe('pasquale.eu as ROA of 888012234558: the contract\'s pages', () => {
  it('reads the contract, its inventory and its lines, gina\'s included', async () => {
    const { body } = await ask('pasquale.eu', `{ contract(number: "${ROA_CONTRACT}") { number }
      mobileInventory(contractNumber: "${ROA_CONTRACT}") { contractNumber aggregates { lines { count } } }
      mobileLine(number: "${GINA_LINE}") { number status iccid sims { iccid imei } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.contract).toEqual({ number: ROA_CONTRACT });
    expect(body.data.mobileInventory.contractNumber).toBe(ROA_CONTRACT);
    expect(body.data.mobileLine).toMatchObject({ number: GINA_LINE, status: 'ACTIVE' });
    // The IMEI is the ROA's too (seed 002 §7.2.2 "Richiedi"): the device is the company's business.
    expect(body.data.mobileLine.sims[0].imei).toBe('352141100000104');
  });
});

describe('nothing leaks from one grant into the other', () => {
  it('the ROA grant gives him none of gina.eu\'s personal data: each personal field is FORBIDDEN, the line is still served', async () => {
    const { body } = await ask('pasquale.eu', `{ mobileLine(number: "${GINA_LINE}") { number
      personalCredit { amount } personalTopUps { amount } serviceSms(months: 6) { text } serviceSmsFileUrl personalInvoicing { number } } }`);
    expect(body.data.mobileLine).toEqual({
      number: GINA_LINE, personalCredit: null, personalTopUps: null, serviceSms: null, serviceSmsFileUrl: null, personalInvoicing: null,
    });
    expect(forbiddenPaths(body.errors)).toEqual(['mobileLine.personalCredit', 'mobileLine.personalInvoicing', 'mobileLine.personalTopUps',
      'mobileLine.serviceSms', 'mobileLine.serviceSmsFileUrl']);
    // gina herself reads them: the data exist, the grant is what refuses them.
    const own = await ask('gina.eu', `{ mobileLine(number: "${GINA_LINE}") { personalCredit { amount } personalTopUps { amount } } }`);
    expect(own.body.data.mobileLine.personalCredit).toEqual({ amount: '135.00' });
  });

  it('nor lets him act on her line as its employee: the personal changes are FORBIDDEN', async () => {
    const change = await ask('pasquale.eu', `mutation { changeInvoiceNotificationEmail(input: {
      number: "${GINA_LINE}", email: "pasquale@example.it", idempotencyKey: "add-up-email-gina" }) { number } }`);
    expect(change.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const topUp = await ask('pasquale.eu', `mutation { startPersonalTopUp(input: {
      number: "${GINA_LINE}", amount: "10", newMethod: CARD, idempotencyKey: "add-up-topup-gina" }) { id } }`);
    expect(topUp.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('the EU grant gives him nothing of his line\'s contract 888010088938 but its price list: he gets what a stranger gets', async () => {
    const CONTRACT_PAGES = `{ contract(number: "${OWN_LINE_CONTRACT}") { number referents { id } }
      mobileInventory(contractNumber: "${OWN_LINE_CONTRACT}") { contractNumber } }`;
    const [pasquale, stranger] = await Promise.all([ask('pasquale.eu', CONTRACT_PAGES), ask('massimiliano.roa', CONTRACT_PAGES)]);
    expect(pasquale.body.data).toEqual({ contract: null, mobileInventory: null });
    expect(pasquale.body.data).toEqual(stranger.body.data);
    expect((pasquale.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code))
      .toEqual((stranger.body.errors ?? []).map((e: { extensions: { code: string } }) => e.extensions.code));
    // The one exception, the seed's: the convention's price list is for every CM8 user, the employee included (§7.2.3).
    const priceList = await ask('pasquale.eu', `{ priceList(contractNumber: "${OWN_LINE_CONTRACT}") { fileName } }`);
    expect(priceList.body.data.priceList).toEqual({ fileName: `listino-${OWN_LINE_CONTRACT}.pdf` });
  });

  it('his invoices are his ROA contract\'s only, none of 888010088938\'s, and his own line shows him no referent data', async () => {
    const { body } = await ask('pasquale.eu', `{ invoices(kind: MOBILE, first: 50) { nodes { accountCode } }
      mobileLine(number: "${OWN_LINE}") { number contract { number } timTuo { status } } }`);
    expect(body.data.invoices.nodes.every((i: { accountCode: string }) => i.accountCode === ROA_CONTRACT)).toBe(true);
    // The line's contract and its company-side TIM TUO record are the ROA's of 888010088938, not the employee's.
    expect(body.data.mobileLine).toEqual({ number: OWN_LINE, contract: null, timTuo: null });
    expect(forbiddenPaths(body.errors)).toEqual(['mobileLine.timTuo']);
  });
});
