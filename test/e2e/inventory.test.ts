import { describe, expect, it } from 'vitest';
import { largeCustomer } from '../../legacy/data/large';
import { fuzzCases, supergraphSchema } from '../support/argument-fuzz';
import { counters, graphql, resetCounters, tokenFor } from '../support/stack';
import { useStack } from '../support/use-stack';

/**
 * Issue 10 items 5-7 (seed 002 §7.2; MOB-07, MOB-08): a CM8 referent's inventory pages as `vincenzo.roa` sees them,
 * the aggregates CRM computes (one call for every contract of a request, whatever their size), detail pages whose
 * legacy calls do not grow with what the page holds, the IMEI only when asked for, and the price list by link.
 */
const ENTE = { id: 'INV10K', lines: 10_000 };
const ENTE_CONTRACTS = largeCustomer(ENTE.id, ENTE.lines).mobileContracts.map((c) => c.number);

const tokens = new Map<string, string>();
const stack = useStack({ env: { LARGE_CUSTOMERS: `${ENTE.id}:${ENTE.lines}` } });
async function ask(username: string, query: string, variables: Record<string, unknown> = {}) {
  if (!tokens.has(username)) tokens.set(username, await tokenFor(stack, username));
  await resetCounters(stack, 'crm');
  const { body } = await graphql(stack, query, variables, tokens.get(username));
  // The gateway's grants look-up (GetProfiloUtente, cached for a while) is not the page's cost.
  const { GetProfiloUtente: _grants, ...crm } = await counters(stack, 'crm');
  return { body, crm };
}

const AGGREGATES = `query Aggregates($contract: ID) {
  mobileInventory(contractNumber: $contract) {
    contractNumber
    aggregates {
      lines { count tariffPlan status }
      lineServices { count description status }
      timTuoPostpaid { count status }
      timTuoPrepaid { count status }
      devices { count nmuCode serviceType status }
      contractServices { count description status }
    }
  }
}`;

describe('aggregate inventory (§7.2.1, MOB-07)', () => {
  it('shows Ente KRISHNA\'s contract grouped as the six pages of the seed, from one CRM call', async () => {
    const { body, crm } = await ask('vincenzo.roa', AGGREGATES);
    expect(body.errors).toBeUndefined();
    const { contractNumber, aggregates } = body.data.mobileInventory;
    expect(contractNumber).toBe('888010088938');
    expect(aggregates.lines).toContainEqual({ count: 5, tariffPlan: 'PA 8', status: 'ACTIVE' });
    expect(aggregates.lines).toContainEqual({ count: 1, tariffPlan: 'PA 8', status: 'FROZEN' });
    expect(aggregates.lines).toContainEqual({ count: 1, tariffPlan: 'M2M PA 8', status: 'ACTIVE' });
    expect(aggregates.lineServices).toContainEqual({ count: 2, description: 'BLOCCO SATELLITARE', status: 'ACTIVE' });
    expect(aggregates.lineServices).toContainEqual({ count: 5, description: 'RIF USCENTE', status: 'ACTIVE' });
    // 3312547310, 3312548681 and §7.4.6's 3312548662.
    expect(aggregates.timTuoPostpaid).toEqual([{ count: 3, status: 'ACTIVE' }]);
    expect(aggregates.timTuoPrepaid).toEqual([]);
    expect(aggregates.devices).toEqual([
      { count: 1, nmuCode: '705935', serviceType: 'VENDITA RATEALE I.TIM NOKIA N73 RED AND WHITE', status: 'ACTIVE' },
      { count: 1, nmuCode: '713361', serviceType: 'VENDITA RATEALE ITELCO ALICE MOBILE TABLET PC IDOL + TC', status: 'ACTIVE' },
    ]);
    expect(aggregates.contractServices).toEqual([{ count: 1, description: 'TIM TUO A CONTRATTO', status: 'ACTIVE' }]);
    expect(crm).toEqual({ GetConsistenzeAggregate: 1 });
  });

  it('counts the prepaid contract\'s TIM TUO ricaricabile lines by status (2 active, 2 ceased)', async () => {
    const { body } = await ask('pasquale.eu', AGGREGATES);
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileInventory.contractNumber).toBe('888012234558');
    expect(body.data.mobileInventory.aggregates.timTuoPrepaid).toEqual([{ count: 2, status: 'ACTIVE' }, { count: 2, status: 'CEASED' }]);
  });

  it('sums to the 10,000 lines of the generated Ente, its four contracts in one CRM call', async () => {
    const query = `{ ${ENTE_CONTRACTS.map((c, i) => `c${i}: mobileInventory(contractNumber: "${c}") { aggregates { lines { count } devices { count } } }`).join(' ')} }`;
    const { body, crm } = await ask(`${ENTE.id.toLowerCase()}.roa`, query);
    expect(body.errors).toBeUndefined();
    const lines = Object.values(body.data as Record<string, { aggregates: { lines: { count: number }[] } }>)
      .flatMap((i) => i.aggregates.lines).reduce((sum, g) => sum + g.count, 0);
    expect(lines).toBe(ENTE.lines);
    expect(crm).toEqual({ GetConsistenzeAggregate: 1 });
  });

  it('answers null for a contract of another Ente, without asking CRM', async () => {
    const { body, crm } = await ask('massimiliano.roa', AGGREGATES, { contract: '888010088938' });
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileInventory).toBeNull();
    expect(crm).toEqual({});
  });
});

describe('detailed inventory (§7.2.2, MOB-08)', () => {
  it('MOB-06 services on a line: lists the five STS of 3312545213, 100 % charged to the Ente, 10 € each', async () => {
    const { body } = await ask('lavo.ebill', `{ mobileInventory { lineServices(lineNumber: "3312545213") {
      totalCount nodes { lineNumber description apn activatedOn status chargedToEntePercent monthlyFee } } } }`);
    expect(body.errors).toBeUndefined();
    const page = body.data.mobileInventory.lineServices;
    expect(page.totalCount).toBe(5);
    expect(page.nodes.map((n: { description: string }) => n.description).sort())
      .toEqual(['BLOCCO SATELLITARE', 'RIF IN ROAMING', 'RIF USCENTE', 'SUPER INTERNET MOBILE LTE VOLTE', 'VOCE VOLTE eBU_obb']);
    for (const n of page.nodes) {
      expect(n).toMatchObject({ lineNumber: '3312545213', apn: null, activatedOn: '2021-01-25', status: 'ACTIVE', chargedToEntePercent: 100, monthlyFee: '10.00' });
    }
  });

  it('shows the APN of a "Filtro APN" service', async () => {
    const { body } = await ask('vincenzo.roa', `{ mobileInventory { lineServices(lineNumber: "3312547228") { nodes { description apn } } } }`);
    expect(body.data.mobileInventory.lineServices.nodes).toEqual([{ description: 'FILTRO APN', apn: 'm2m.pa8.tim.it' }]);
  });

  it('finds a line by the ICCID of its secondary One Number SIM, with its role', async () => {
    const { body } = await ask('vincenzo.roa', `{ mobileInventory { lines(search: "8939100003312547228") {
      totalCount nodes { number iccid oneNumber { role } tariffPlan activatedOn ceasedOn status } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileInventory.lines).toEqual({ totalCount: 1, nodes: [{
      number: '3312547228', iccid: '8939000003312547228', oneNumber: { role: 'PRIMARY' }, tariffPlan: 'M2M PA 8',
      activatedOn: '2021-02-01', ceasedOn: null, status: 'ACTIVE',
    }] });
  });

  it('finds the TIM TUO postpaid line of employee 888200090226 by code, by surname and by tax code', async () => {
    const expected = { totalCount: 1, nodes: [{ lineNumber: '3312547310', employeeCode: '888200090226', employeeLastName: 'L. C. SALVATORE',
      employeeFirstName: 'SALVATORE', activatedOn: '2021-02-11', ceasedOn: null, status: 'ACTIVE' }] };
    const fields = 'totalCount nodes { lineNumber employeeCode employeeLastName employeeFirstName activatedOn ceasedOn status }';
    for (const search of ['employeeCode: "888200090226"', 'lastName: "l. c."', 'taxCode: "LCSSVT71B11A944K"']) {
      const { body } = await ask('vincenzo.roa', `{ mobileInventory { timTuoPostpaid(${search}) { ${fields} } } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data.mobileInventory.timTuoPostpaid).toEqual(expected);
    }
  });

  it('lists devices and contract services (MOB-06 services on the contract)', async () => {
    const { body } = await ask('vincenzo.roa', `{ mobileInventory {
      devices { totalCount nodes { lineNumber nmuCode status } }
      contractServices { totalCount nodes { description activatedOn status } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.mobileInventory.devices.nodes).toEqual([
      { lineNumber: '3312545395', nmuCode: '705935', status: 'ACTIVE' }, { lineNumber: '3312547883', nmuCode: '713361', status: 'ACTIVE' },
    ]);
    expect(body.data.mobileInventory.contractServices.nodes).toEqual([{ description: 'TIM TUO A CONTRATTO', activatedOn: '2021-02-01', status: 'ACTIVE' }]);
  });

  it('costs one CRM call per page, whatever the page holds, and looks the IMEI up only when asked, in one call', async () => {
    const contract = ENTE_CONTRACTS[1];
    const page = (first: number, imei: boolean) => `{ mobileInventory(contractNumber: "${contract}") {
      lines(first: ${first}, offset: ${first}) { nodes { number status ${imei ? 'imei' : ''} } } } }`;
    const user = `${ENTE.id.toLowerCase()}.roa`;
    const small = await ask(user, page(5, false));
    const large = await ask(user, page(100, false));
    expect(large.body.data.mobileInventory.lines.nodes).toHaveLength(100);
    expect(small.crm).toEqual({ ListaConsistenze: 1 });
    expect(large.crm).toEqual(small.crm);
    const withImei = await ask(user, page(100, true));
    expect(withImei.crm).toEqual({ ListaConsistenze: 1, GetImeiLinee: 1 });
    for (const line of withImei.body.data.mobileInventory.lines.nodes) expect(line.imei).toMatch(/^35\d{13}$/);
  });
});

describe('contract selection and the price list (§5, §7.2.3)', () => {
  it('asks a referent of two contracts which one, and takes the only one otherwise', async () => {
    const several = await ask('pasquale.eu', '{ priceList { url } }');
    expect(several.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contractNumber' });
    const only = await ask('lavo.ebill', '{ mobileInventory { contractNumber } }');
    expect(only.body.data.mobileInventory.contractNumber).toBe('888010088938');
  });

  it('gives the employee (EU) his contract\'s price list as a PDF link', async () => {
    const { body } = await ask('gina.eu', '{ priceList { fileName contentType url } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.priceList).toMatchObject({ fileName: 'listino-888012234558.pdf', contentType: 'application/pdf' });
    const res = await fetch(new URL(body.data.priceList.url, stack.gatewayUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('Listino CONVENZIONE PA 8');
  });
});

describe('bad arguments of the inventory lists (the supergraph fuzz, as a viewer who reaches them)', () => {
  it('answers every wrong-typed, empty, huge and out-of-range value with a client error, never a 5xx or INTERNAL', async () => {
    const cases = fuzzCases(supergraphSchema()).filter((c) => c.target.startsWith('MobileInventory.'));
    expect(cases.length).toBeGreaterThan(100);
    const token = await tokenFor(stack, 'vincenzo.roa');
    const failures: string[] = [];
    for (let i = 0; i < cases.length; i += 4) {
      await Promise.all(cases.slice(i, i + 4).map(async (fuzz) => {
        const { status, body } = await graphql(stack, fuzz.query, fuzz.variables, token);
        const internal = (body.errors ?? []).filter((e: { extensions?: { code?: string } }) => e.extensions?.code === 'INTERNAL');
        if (status >= 500 || internal.length > 0) failures.push(`${fuzz.target} = ${JSON.stringify(fuzz.value)?.slice(0, 40)}: HTTP ${status}`);
      }));
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
