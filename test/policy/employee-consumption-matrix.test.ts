import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { graphql, LEGACY_TODAY } from '../support/stack';

/**
 * h-consumption (issue 12): "Riepilogo consumi personali" (seed 002 §9.2.2, CON-09), the employee's pages of his own
 * line, as he reads them, and in the matrix of spec/profiles.md both ways. The stack's today is 2026-11-23, so the
 * detail's two months run from 2026-10-01; the seed's sample rows sit 3 to 5 days back (18-20 November).
 * pasquale.eu: postpaid 3312548681 with TIM TUO, also ROA of 888012234558 (gina's prepaid line: he sees the line,
 * never her consumption); laura.eu: postpaid 3312548662 with TIM TUO, past 3,000 events; emanuele.eu: postpaid
 * 3312547883 without TIM TUO; gina.eu: prepaid 3700034020.
 */
const PASQUALE_LINE = '3312548681';
const LAURA_LINE = '3312548662';
const EMANUELE_LINE = '3312547883';
const GINA_LINE = '3700034020';
const COMPANY_A_LINE = '3343860302';
const WINDOW = { from: '2026-10-01', to: LEGACY_TODAY };

const consumption = (line: string, selection: string) => `{ mobileLine(number: "${line}") { number personalConsumption { ${selection} } } }`;
const AT = ['mobileLine', 'personalConsumption'];

const CAPABILITIES: Capability[] = [
  { id: 'CON-09', what: 'postpaid: services and this month\'s summary', query: consumption(PASQUALE_LINE, 'timTuoActive services { description employeeSharePercent } summary { voice { total } }'), path: AT },
  { id: 'CON-09', what: 'postpaid: traffic detail of two months', query: consumption(PASQUALE_LINE, `trafficEvents(filter: { from: "${WINDOW.from}", to: "${WINDOW.to}" }, first: 5) { totalCount nodes { type at } }`), path: AT },
  { id: 'CON-09', what: 'postpaid: traffic by type, 15 days', query: consumption(PASQUALE_LINE, 'trafficByType { total items { category amount } }'), path: AT },
  { id: 'CON-09', what: 'prepaid: options and traffic detail', query: consumption(GINA_LINE, `options { name } trafficEvents(filter: { from: "${WINDOW.from}", to: "${WINDOW.to}" }, first: 5) { totalCount }`), path: AT },
  { id: 'CON-09', what: 'postpaid without TIM TUO: summary', query: consumption(EMANUELE_LINE, 'timTuoActive summary { sms { total } }'), path: AT },
  { id: 'CON-09', what: 'a company line of Area Clienti', query: consumption(COMPANY_A_LINE, 'options { name }'), path: AT },
];

/** Expected outcome per user, in the order of CAPABILITIES (empty: the line is not his, answered like an unknown one). */
const MATRIX: Matrix = {
  //                                                                         svc  det  type pre  noTT compA
  'pasquale.eu': { profile: 'EU 3312548681 + ROA 888012234558', cells: [D, D, D, F, E, E] },
  'gina.eu': { profile: 'EU, own prepaid line', cells: [E, E, E, D, E, E] },
  'emanuele.eu': { profile: 'EU 3312547883, no TIM TUO', cells: [E, E, E, E, D, E] },
  'laura.eu': { profile: 'EU 3312548662 (another employee)', cells: [E, E, E, E, E, E] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [F, F, F, E, F, E] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [F, F, F, E, F, E] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938 (mobileLine refused)', cells: [F, F, F, F, F, F] },
  'ginevra.vallisneri': { profile: 'RL (A)', cells: [E, E, E, E, E, F] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX);
const ask = (user: string, line: string, selection: string) =>
  graphql(matrix.stack(), `{ mobileLine(number: "${line}") { personalConsumption { ${selection} } } }`, {}, matrix.token(user));
const DETAIL = 'trafficEvents(filter: $filter, first: $first, offset: $offset) { totalCount truncated nodes { type detail calledNumber operator at duration volumeKb grossAmount netAmount rating category callType scope } }';
const detail = (user: string, line: string, filter: Record<string, unknown>, first = 100, offset = 0) =>
  graphql(matrix.stack(), `query($filter: TrafficEventFilter!, $first: Int, $offset: Int) { mobileLine(number: "${line}") { personalConsumption { ${DETAIL} } } }`,
    { filter, first, offset }, matrix.token(user));
const page = (body: any) => body.data.mobileLine.personalConsumption.trafficEvents;
const cents = (amount: string) => Math.round(Number(amount) * 100);

describe('"Servizi attivi" and "Riepilogo dei consumi" of a postpaid line (seed 002 §9.2.2.1)', () => {
  it('lists the seed\'s five services with the employee\'s share and the monthly fee', async () => {
    const { body } = await ask('pasquale.eu', PASQUALE_LINE, 'services { description activatedOn status employeeSharePercent monthlyFee }');
    const services = body.data.mobileLine.personalConsumption.services;
    expect(services.map((s: any) => s.description)).toEqual(['RF IN ROAMING', 'RF USCENTE', 'SUPER INTERNET MOBILE LTE VOLTE', 'VOCE VOLTE eSU_abb', 'BLOCCO SATELLITARE']);
    expect(services.every((s: any) => s.status === 'ACTIVE' && s.employeeSharePercent === 0 && s.monthlyFee === '10.00')).toBe(true);
  });

  it('sums this month company and personal, national and roaming; the previous month voice and SMS only', async () => {
    const SUMMARY = 'summary(month: $month) { from to voice { company personal total } sms { company personal total } data { national roaming total } }';
    const summary = async (user: string, line: string, month: string) => (await graphql(matrix.stack(),
      `query($month: ConsumptionMonth) { mobileLine(number: "${line}") { personalConsumption { timTuoActive ${SUMMARY} } } }`, { month }, matrix.token(user))).body.data.mobileLine.personalConsumption;
    const current = await summary('pasquale.eu', PASQUALE_LINE, 'CURRENT');
    expect(current).toMatchObject({ timTuoActive: true, summary: { from: '2026-11-01', to: LEGACY_TODAY } });
    for (const split of [current.summary.voice, current.summary.sms]) expect(cents(split.company) + cents(split.personal)).toBe(cents(split.total));
    expect(cents(current.summary.data.national) + cents(current.summary.data.roaming)).toBe(cents(current.summary.data.total));
    expect(cents(current.summary.voice.personal) + cents(current.summary.sms.personal)).toBeGreaterThan(0);
    const previous = await summary('pasquale.eu', PASQUALE_LINE, 'PREVIOUS');
    expect(previous.summary).toMatchObject({ from: '2026-10-01', to: '2026-10-31', data: null });
    // Without TIM TUO nothing is personal.
    const emanuele = await summary('emanuele.eu', EMANUELE_LINE, 'CURRENT');
    expect(emanuele).toMatchObject({ timTuoActive: false, summary: { voice: { personal: '0.00' }, sms: { personal: '0.00' } } });
  });

  it('shows the national and roaming bundles with their erosion', async () => {
    const { body } = await ask('pasquale.eu', PASQUALE_LINE, 'options { name scope allowances { unit included used left } }');
    const options = body.data.mobileLine.personalConsumption.options;
    expect(options.map((o: any) => [o.name, o.scope])).toEqual([['TIM Senza Limiti Business', 'NATIONAL'], ['TIM in Viaggio Europa', 'ROAMING']]);
    expect(options[0].allowances.map((a: any) => a.unit)).toEqual(['MINUTES', 'SMS', 'MB']);
    for (const a of options.flatMap((o: any) => o.allowances)) expect(a.used + a.left).toBe(a.included);
  });
});

describe('"Dettaglio traffico" (seed 002 §9.2.2.1)', () => {
  it('shows the seed\'s sample events of a postpaid line, the called numbers masked', async () => {
    const { body } = await detail('pasquale.eu', PASQUALE_LINE, { from: '2026-11-18', to: '2026-11-20', categories: ['DATA', 'INTERACTIVE_SERVICES'], callType: 'COMPANY' });
    expect(body.errors).toBeUndefined();
    const events = page(body).nodes;
    expect(events.find((e: any) => e.at === '2026-11-20T12:03:00Z')).toEqual({
      type: 'DATI WAP', detail: 'Navigazione Wap', calledNumber: null, operator: 'ALTRO', at: '2026-11-20T12:03:00Z', duration: '01:59:40', volumeKb: 2784,
      grossAmount: '0.00', netAmount: '0.00', rating: 'Kbyte', category: 'DATA', callType: 'COMPANY', scope: 'NATIONAL',
    });
    expect(events.filter((e: any) => e.type === 'A-SMS RICHIESTA SERVIZI' && e.calledNumber === '3399902***' && e.detail === 'Da Provider').length).toBeGreaterThanOrEqual(3);
    expect(events.every((e: any) => ['DATA', 'INTERACTIVE_SERVICES'].includes(e.category) && e.callType === 'COMPANY')).toBe(true);
    expect(events.every((e: any) => e.calledNumber === null || /\*{2,3}$/.test(e.calledNumber))).toBe(true);
  });

  it('shows the seed\'s sample events of a prepaid line: MOC to 3210000***, GPRS on iboxtimit at no known cost', async () => {
    const { body } = await detail('gina.eu', GINA_LINE, { from: '2026-11-20', to: '2026-11-20', categories: ['VOICE', 'DATA_AND_CONTENT'] });
    const events = page(body).nodes;
    expect(events).toContainEqual(expect.objectContaining({ type: 'MOC', calledNumber: '3210000***', at: '2026-11-20T04:21:41Z', duration: '01:50:00', netAmount: '10.00' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'MOC', calledNumber: '00**', duration: '09:20:00', netAmount: '115.90' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'GPRS', detail: 'iboxtimit', at: '2026-11-20T05:30:00Z', volumeKb: 10000, netAmount: null }));
  });

  it('takes a period within the last two months only, naming the argument', async () => {
    const before = await detail('pasquale.eu', PASQUALE_LINE, { from: '2026-09-30', to: '2026-10-10' });
    expect(before.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
    const after = await detail('pasquale.eu', PASQUALE_LINE, { from: '2026-11-01', to: '2026-11-24' });
    expect(after.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const whole = await detail('pasquale.eu', PASQUALE_LINE, WINDOW);
    expect(page(whole.body).totalCount).toBeGreaterThan(200);
  });

  it('offers the personal call type only with TIM TUO active, and the categories of the line\'s kind only', async () => {
    const personal = page((await detail('pasquale.eu', PASQUALE_LINE, { ...WINDOW, callType: 'PERSONAL' })).body);
    expect(personal.totalCount).toBeGreaterThan(0);
    expect(personal.nodes.every((e: any) => e.callType === 'PERSONAL')).toBe(true);
    const withoutTimTuo = await detail('emanuele.eu', EMANUELE_LINE, { ...WINDOW, callType: 'PERSONAL' });
    expect(withoutTimTuo.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.callType' });
    const company = page((await detail('emanuele.eu', EMANUELE_LINE, { ...WINDOW, callType: 'COMPANY' })).body);
    expect(company.totalCount).toBe(page((await detail('emanuele.eu', EMANUELE_LINE, WINDOW)).body).totalCount);
    const postpaidCategory = await detail('gina.eu', GINA_LINE, { ...WINDOW, categories: ['EVENTS'] });
    expect(postpaidCategory.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.categories' });
  });

  it('extracts only the charged events when asked', async () => {
    const all = page((await detail('pasquale.eu', PASQUALE_LINE, WINDOW)).body);
    const charged = page((await detail('pasquale.eu', PASQUALE_LINE, { ...WINDOW, chargedOnly: true })).body);
    expect(charged.totalCount).toBeGreaterThan(0);
    expect(charged.totalCount).toBeLessThan(all.totalCount);
    expect(charged.nodes.every((e: any) => cents(e.netAmount) > 0)).toBe(true);
  });

  it('counts every event that matched and shows the newest 3,000, page by page', async () => {
    const first = page((await detail('laura.eu', LAURA_LINE, WINDOW)).body);
    expect(first.totalCount).toBeGreaterThan(3_000);
    expect(first.truncated).toBe(true);
    expect(first.nodes).toHaveLength(100);
    const last = page((await detail('laura.eu', LAURA_LINE, WINDOW, 100, 2_900)).body);
    expect(last.nodes).toHaveLength(100);
    expect(last.nodes[99].at <= first.nodes[0].at).toBe(true);
    const beyond = await detail('laura.eu', LAURA_LINE, WINDOW, 100, 3_000);
    expect(beyond.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });

  it('costs one eBill call per page, whatever the page holds', async () => {
    const calls = async (first: number) => {
      const res = await fetch(matrix.stack().gatewayUrl, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${matrix.token('laura.eu')}`, 'x-legacy-calls': 'true' },
        body: JSON.stringify({ query: `query($filter: TrafficEventFilter!, $first: Int) { mobileLine(number: "${LAURA_LINE}") { personalConsumption { trafficEvents(filter: $filter, first: $first) { totalCount } } } }`, variables: { filter: WINDOW, first } }),
      });
      return ((await res.json()) as any).extensions.legacyCalls.eBill;
    };
    expect(await calls(1)).toEqual({ 'linee/traffico-dettaglio': 1 });
    expect(await calls(100)).toEqual({ 'linee/traffico-dettaglio': 1 });
  });
});

describe('the traffic detail exported (seed 002 §9.2.2.1: "esportabile in .xls o .csv", at most 3,000 events)', () => {
  const fileUrl = async (user: string, line: string, filter: Record<string, unknown>, format: string) => {
    const { body } = await graphql(matrix.stack(), `query($filter: TrafficEventFilter!, $format: TrafficEventFileFormat!) { mobileLine(number: "${line}") {
      personalConsumption { trafficEventsFileUrl(filter: $filter, format: $format) } } }`, { filter, format }, matrix.token(user));
    expect(body.errors).toBeUndefined();
    const res = await fetch(new URL(body.data.mobileLine.personalConsumption.trafficEventsFileUrl, matrix.stack().gatewayUrl));
    expect(res.status).toBe(200);
    return res;
  };

  it('holds in CSV the events the page shows', async () => {
    const filter = { from: '2026-11-18', to: '2026-11-20', categories: ['DATA', 'INTERACTIVE_SERVICES'], callType: 'COMPANY' };
    const shown = page((await detail('pasquale.eu', PASQUALE_LINE, filter)).body);
    const res = await fileUrl('pasquale.eu', PASQUALE_LINE, filter, 'CSV');
    expect(res.headers.get('content-disposition')).toContain(`dettaglio-traffico-${PASQUALE_LINE}.csv`);
    const rows = (await res.text()).split('\r\n');
    expect(rows[0]).toBe('"Tipologia";"Dettaglio";"Chiamato";"Operatore";"Data e ora";"Durata";"Pacch./Kbyte";"Imp. Lordo";"Imp. Netto";"Opzione";"Tariffazione";"Categoria";"Tipologia chiamata"');
    expect(rows).toHaveLength(shown.totalCount + 1);
    expect(rows).toContain('"DATI WAP";"Navigazione Wap";"";"ALTRO";"20/11/2026 12:03:00";"01:59:40";"2784";"0,00";"0,00";"";"Kbyte";"Dati";"AZIENDALE"');
    expect(rows.filter((r) => r.includes('"3399902***"')).length).toBe(shown.nodes.filter((e: any) => e.calledNumber === '3399902***').length);
  });

  it('holds in XLSX the newest 3,000 events of a line past the limit', async () => {
    const res = await fileUrl('laura.eu', LAURA_LINE, WINDOW, 'XLSX');
    expect(res.headers.get('content-disposition')).toContain(`dettaglio-traffico-${LAURA_LINE}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as any);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(3_001);
    expect(sheet.getRow(1).getCell(1).value).toBe('Tipologia');
  });
});

describe('"Tipologia traffico" and the prepaid line\'s credits and options (seed 002 §9.2.2.1)', () => {
  it('gives the last 15 days\' cost per category, totalling the detail of those days', async () => {
    const { body } = await ask('pasquale.eu', PASQUALE_LINE, 'trafficByType { from to total items { category amount } }');
    const byType = body.data.mobileLine.personalConsumption.trafficByType;
    expect(byType).toMatchObject({ from: '2026-11-09', to: LEGACY_TODAY });
    expect(byType.items.map((i: any) => i.category)).toEqual(['GENERIC', 'DATA', 'INTERACTIVE_SERVICES', 'EVENTS']);
    expect(byType.items.reduce((sum: number, i: any) => sum + cents(i.amount), 0)).toBe(cents(byType.total));
    const events = page((await detail('pasquale.eu', PASQUALE_LINE, { from: byType.from, to: byType.to })).body);
    expect(events.totalCount).toBeLessThanOrEqual(100);
    expect(events.nodes.reduce((sum: number, e: any) => sum + cents(e.netAmount ?? '0'), 0)).toBe(cents(byType.total));
  });

  it('gives a postpaid line\'s month by type, this one and the previous, and refuses a month on a prepaid line', async () => {
    const month = async (line: string, user: string, which: string) =>
      (await ask(user, line, `trafficByType(month: ${which}) { from to total items { category amount } }`)).body;
    const current = (await month(PASQUALE_LINE, 'pasquale.eu', 'CURRENT')).data.mobileLine.personalConsumption.trafficByType;
    const previous = (await month(PASQUALE_LINE, 'pasquale.eu', 'PREVIOUS')).data.mobileLine.personalConsumption.trafficByType;
    expect(current).toMatchObject({ from: '2026-11-01', to: LEGACY_TODAY });
    expect(previous).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    const events = page((await detail('pasquale.eu', PASQUALE_LINE, { from: previous.from, to: previous.to })).body);
    expect(events.totalCount).toBeGreaterThan(0);
    expect(cents(previous.total)).toBeGreaterThan(0);
    const prepaid = await month(GINA_LINE, 'gina.eu', 'CURRENT');
    expect(prepaid.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });

  it('shows a prepaid line\'s two credits beside its active options, and its categories by type', async () => {
    const { body } = await graphql(matrix.stack(), `{ mobileLine(number: "${GINA_LINE}") { residualCredit { amount } personalCredit { amount }
      personalConsumption { services { description } summary { from } options { name allowances { unit included } } trafficByType { items { category } } } } }`, {}, matrix.token('gina.eu'));
    expect(body.errors).toBeUndefined();
    const line = body.data.mobileLine;
    expect(line.personalCredit).toEqual({ amount: '135.00' });
    expect(line.residualCredit.amount).toMatch(/^\d+\.\d{2}$/);
    expect(line.personalConsumption).toMatchObject({ services: null, summary: null });
    expect(line.personalConsumption.options.map((o: any) => o.name)).toEqual(['TIM Business Prepagata Voce', 'TIM Business Prepagata Internet']);
    expect(line.personalConsumption.trafficByType.items.map((i: any) => i.category)).toEqual(['VOICE', 'SMS_MMS', 'GENERIC', 'DATA_AND_CONTENT']);
  });
});

describe('the line survives a refused personal consumption', () => {
  it.each([['vincenzo.roa', PASQUALE_LINE], ['pasquale.eu', GINA_LINE]])('%s reads %s but not its employee\'s consumption', async (user, line) => {
    const { body } = await graphql(matrix.stack(), `{ mobileLine(number: "${line}") { number status personalConsumption { timTuoActive } } }`, {}, matrix.token(user));
    expect(body.data.mobileLine).toMatchObject({ number: line, status: 'ACTIVE', personalConsumption: null });
    expect(body.errors.map((e: any) => [e.extensions.code, e.path.join('.')])).toEqual([['FORBIDDEN', 'mobileLine.personalConsumption']]);
  });
});
