import { describe, expect, it } from 'vitest';
import { conformanceMatrix, D, E, F, type Capability, type Matrix } from '../support/conformance';
import { counters, graphql } from '../support/stack';
import { CHANGE_SUMMARY, NO_CONFIRMATION } from '../support/change-summary';
import { confirmedInput, prepaidSummary, type PrepaidChange } from '../support/tim-tuo-prepaid';

/**
 * h-prepaid (issue 12). The employee's TIM TUO packages and plafonds (seed 002 §9.2.1.3, BIL-11) and the personal
 * traffic counters of "La mia SIM" (§9.1.1), in the matrix of spec/profiles.md, both ways, then the page's rules on
 * the running stack. gina.eu: EU on her prepaid line 3700034020 (TIM TUO active with ROAMING_EXTRA_UE, 135,00 € of
 * personal credit, no option yet); anna.eu: EU on 3700801103 (TIM TUO active, M4 active, no personal credit);
 * pasquale.eu: ROA of their contract 888012234558 (and EU of his own postpaid line); lavo.ebill (REF_EBILL) and
 * umberto.traffic (TRAFFIC_MANAGER) of the other contract. eBill applies a request 2 seconds after it is made here.
 */
const GINA = '3700034020';
const ANNA = '3700801103';
const APPLY_SECONDS = 2;

const PAGE = `families { family available active { option { code } } options { code price creditCovers } }
  personalCredit changeInProgress { requestId family option charge status } extraDataPlafondRequestedThisMonth`;
const COUNTERS = 'dataGbTotal dataGbLeft minutesTotal minutesLeft smsTotal smsLeft';

const CAPABILITIES: Capability[] = [
  { id: 'BIL-11', what: 'the packages/plafonds page of 3700034020', query: `{ mobileLine(number: "${GINA}") { number timTuoPrepaid { ${PAGE} } } }`, path: ['mobileLine', 'timTuoPrepaid'] },
  { id: 'BIL-11', what: 'the packages/plafonds page of 3700801103', query: `{ mobileLine(number: "${ANNA}") { number timTuoPrepaid { ${PAGE} } } }`, path: ['mobileLine', 'timTuoPrepaid'] },
  {
    id: 'BIL-11', what: 'the summary of an S1 activation on 3700034020',
    query: `{ changeSummary(mutation: activateTimTuoNationalPackage, input: { number: "${GINA}", option: "S1" }) { records { id terms { name value } } fileUrl confirmationRef } }`,
    path: ['changeSummary'],
  },
  { id: 'MOB-18', what: 'personal traffic counters of 3700801103 (M4 active)', query: `{ mobileLine(number: "${ANNA}") { number personalTraffic { ${COUNTERS} } } }`, path: ['mobileLine', 'personalTraffic'] },
];

/** Expected outcome per user, in the order of CAPABILITIES ('empty': the line is none of his, or has nothing to show). */
const MATRIX: Matrix = {
  //                                                                       gina anna sum  cnt
  'gina.eu': { profile: 'EU, own prepaid line 3700034020', cells: [D, E, D, E] },
  'anna.eu': { profile: 'EU, own prepaid line 3700801103', cells: [E, D, E, D] },
  'pasquale.eu': { profile: 'ROA 888012234558 (their contract) + EU 3312548681', cells: [F, F, F, F] },
  'lavo.ebill': { profile: 'REF_EBILL 888010088938', cells: [E, E, F, E] },
  'umberto.traffic': { profile: 'TRAFFIC_MANAGER 888010088938', cells: [F, F, E, F] },
  'vincenzo.roa': { profile: 'ROA 888010088938', cells: [E, E, E, E] },
};

const matrix = conformanceMatrix(CAPABILITIES, MATRIX, { env: { TIM_TUO_PREPAID_APPLY_SECONDS: String(APPLY_SECONDS) } });

const OUTCOME = `request { id description } order { id } line { number timTuoPrepaid { ${PAGE} } }
  change { requestId family option charge price status }`;
const MUTATION: Record<string, [string, string]> = {
  'NATIONAL_PACKAGE:ACTIVATE': ['activateTimTuoNationalPackage', 'TimTuoPrepaidActivationInput'],
  'EXTRA_DATA_PLAFOND:ACTIVATE': ['activateTimTuoExtraDataPlafond', 'TimTuoPrepaidActivationInput'],
  'EXTRA_EU_ROAMING_DAILY_PACKAGE:ACTIVATE': ['activateTimTuoExtraEuDailyPackage', 'TimTuoPrepaidActivationInput'],
  'NATIONAL_PACKAGE:CEASE': ['ceaseTimTuoNationalPackage', 'TimTuoPrepaidCessationInput'],
};

/**
 * Asks the summary as `username`, then confirms it under `key`: the mutation's answer. A change the rules refuse has
 * no summary (changeSummary answers the same refusal): it is sent with a reference that confirms nothing, and the
 * mutation's rules answer first.
 */
async function change(username: string, asked: PrepaidChange, key: string, input?: Record<string, unknown>) {
  const [mutation, inputType] = MUTATION[`${asked.family}:${asked.action}`];
  const token = matrix.token(username);
  const sent = input ?? await confirmedInput(matrix.stack(), token, asked)
    .catch(() => ({ number: asked.number, ...(asked.option && { option: asked.option }), confirmationRef: NO_CONFIRMATION }));
  const { body } = await graphql(matrix.stack(), `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${OUTCOME} } }`,
    { input: { ...sent, idempotencyKey: key } }, token);
  return { body, result: body.data?.[mutation], sent };
}

const page = async (username: string, number: string) =>
  (await graphql(matrix.stack(), `{ mobileLine(number: "${number}") { timTuoPrepaid { ${PAGE} } personalTraffic { ${COUNTERS} } } }`, {}, matrix.token(username))).body.data.mobileLine;

/** Waits until eBill applied the line's request in progress. */
async function applied(username: string, number: string) {
  for (let i = 0; i < 40; i += 1) {
    if ((await page(username, number)).timTuoPrepaid.changeInProgress === null) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the request was never applied');
}

describe('BIL-11 the page of 3700034020 (seed 002 §9.2.1.3)', () => {
  it('shows the four families with their options and prices, the roaming ones available (ROAMING_EXTRA_UE), none active, 135,00 € of credit', async () => {
    const { timTuoPrepaid, personalTraffic } = await page('gina.eu', GINA);
    expect(timTuoPrepaid.personalCredit).toBe('135.00');
    expect(timTuoPrepaid.families.map((f: any) => [f.family, f.available, f.active, f.options.map((o: any) => o.code)])).toEqual([
      ['NATIONAL_PACKAGE', true, null, ['S1', 'S4', 'M4', 'M20', 'L4', 'L20']],
      ['EXTRA_DATA_PLAFOND', true, null, ['PLUS_1GB', 'PLUS_4GB', 'PLUS_20GB']],
      ['EXTRA_EU_ROAMING_DAILY_PACKAGE', true, null, ['EXTRA_EU_DAILY', 'EXTRA_EU_DAILY_EXCLUSIVE']],
      ['EXTRA_EU_ROAMING_DATA_PLAFOND', true, null, ['EXTRA_EU_500MB', 'EXTRA_EU_500MB_EXCLUSIVE']],
    ]);
    expect(timTuoPrepaid.families[0].options[0]).toEqual({ code: 'S1', price: '3.00', creditCovers: true });
    expect(personalTraffic).toBeNull();
  });

  it('reads the page and the counters with one eBill call of each kind (the request\'s loaders)', async () => {
    const before = await counters(matrix.stack(), 'ebill');
    await page('anna.eu', ANNA);
    const after = await counters(matrix.stack(), 'ebill');
    const calls = (operation: string) => (after[operation] ?? 0) - (before[operation] ?? 0);
    expect(['linee/tim-tuo-ric', 'linee/credito-personale', 'linee/traffico-personale'].map(calls)).toEqual([1, 1, 1]);
  });

  it('Appendix row 44: hands the summary module to download (changeSummary), with the option and its cost', async () => {
    const summary = await prepaidSummary(matrix.stack(), matrix.token('gina.eu'), { number: GINA, family: 'EXTRA_DATA_PLAFOND', action: 'ACTIVATE', option: 'PLUS_4GB' });
    expect(summary).toMatchObject({ mutation: 'activateTimTuoExtraDataPlafond', pratica: 'Timtuoric-attiv plaf dati naz', records: [{ id: GINA }] });
    expect(summary.records[0].terms).toEqual(expect.arrayContaining([{ name: 'option', value: 'PLUS_4GB' }, { name: 'cents', value: '500' }]));
    const res = await fetch(new URL(summary.fileUrl, matrix.stack().gatewayUrl));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('Riepilogo della richiesta;Timtuoric-attiv plaf dati naz');
    expect(text).toContain(`${GINA};option;PLUS_4GB`);
    expect(text).toContain(`Riferimento;${summary.confirmationRef.slice(-12)}`);
  });

  it('refuses a change without the summary\'s confirmation, and one confirming another change, writing nothing', async () => {
    const other = await confirmedInput(matrix.stack(), matrix.token('gina.eu'), { number: GINA, family: 'NATIONAL_PACKAGE', action: 'ACTIVATE', option: 'S4' });
    const { body } = await change('gina.eu', { number: GINA, family: 'NATIONAL_PACKAGE', action: 'ACTIVATE' }, 'prepaid-wrong-ref', { ...other, option: 'S1' });
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confirmationRef' });
    expect((await page('gina.eu', GINA)).timTuoPrepaid.changeInProgress).toBeNull();
  });
});

describe('BIL-11 the changes: charged once, one at a time, replacing, once a month, discarded without credit', () => {
  it('activates S1: charged 3,00 €, in progress; until eBill applies it, every other change is refused with the reason', async () => {
    const { body, result } = await change('gina.eu', { number: GINA, family: 'NATIONAL_PACKAGE', action: 'ACTIVATE', option: 'S1' }, 'prepaid-s1');
    expect(body.errors).toBeUndefined();
    expect(result.request.description).toBe('Timtuoric-attiv pacc traff naz');
    expect(result.change).toEqual({ requestId: result.request.id, family: 'NATIONAL_PACKAGE', option: 'S1', charge: 'CHARGED', price: '3.00', status: 'IN_PROGRESS' });
    expect(result.line.timTuoPrepaid.personalCredit).toBe('132.00');

    const summary = await graphql(matrix.stack(), CHANGE_SUMMARY, { mutation: 'activateTimTuoExtraEuDailyPackage', input: { number: GINA, option: 'EXTRA_EU_DAILY' } }, matrix.token('gina.eu'));
    expect(summary.body.errors[0]).toMatchObject({ message: expect.stringMatching(/still being applied/), extensions: { code: 'LEGACY_REJECTED' } });
    const { body: refused } = await change('gina.eu', { number: GINA, family: 'EXTRA_EU_ROAMING_DAILY_PACKAGE', action: 'ACTIVATE', option: 'EXTRA_EU_DAILY' }, 'prepaid-too-soon');
    expect(refused.errors[0]).toMatchObject({ message: expect.stringMatching(/still being applied/), extensions: { code: 'LEGACY_REJECTED' } });
  });

  it('once applied, S1 is active and its counters show; M4 then replaces it, charged once whatever the retries', async () => {
    await applied('gina.eu', GINA);
    const before = await page('gina.eu', GINA);
    expect(before.timTuoPrepaid.families[0].active).toEqual({ option: { code: 'S1' } });
    expect(before.personalTraffic).toEqual({ dataGbTotal: '1.00', dataGbLeft: '1.00', minutesTotal: 100, minutesLeft: 100, smsTotal: 100, smsLeft: 100 });

    const asked: PrepaidChange = { number: GINA, family: 'NATIONAL_PACKAGE', action: 'ACTIVATE', option: 'M4' };
    const first = await change('gina.eu', asked, 'prepaid-m4');
    const retry = await change('gina.eu', asked, 'prepaid-m4', first.sent);
    expect(retry.result.change).toEqual(first.result.change);
    await applied('gina.eu', GINA);
    const after = await page('gina.eu', GINA);
    expect(after.timTuoPrepaid.families[0].active).toEqual({ option: { code: 'M4' } });
    expect(after.timTuoPrepaid.personalCredit).toBe('125.00');
  });

  it('takes one extra data plafond a calendar month', async () => {
    const { result } = await change('gina.eu', { number: GINA, family: 'EXTRA_DATA_PLAFOND', action: 'ACTIVATE', option: 'PLUS_1GB' }, 'prepaid-plus-1');
    expect(result.change).toMatchObject({ charge: 'CHARGED', price: '2.00' });
    await applied('gina.eu', GINA);
    expect((await page('gina.eu', GINA)).timTuoPrepaid.extraDataPlafondRequestedThisMonth).toBe(true);
    const { body } = await change('gina.eu', { number: GINA, family: 'EXTRA_DATA_PLAFOND', action: 'ACTIVATE', option: 'PLUS_4GB' }, 'prepaid-plus-2');
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/per calendar month/), extensions: { code: 'LEGACY_REJECTED' } });
  });

  it('records a request the credit does not cover, then discards it: nothing charged, the active option stays (3700801103, no personal credit)', async () => {
    const asked: PrepaidChange = { number: ANNA, family: 'NATIONAL_PACKAGE', action: 'ACTIVATE', option: 'L20' };
    expect((await prepaidSummary(matrix.stack(), matrix.token('anna.eu'), asked)).records[0].terms).toContainEqual({ name: 'cents', value: '1300' });
    const { body, result } = await change('anna.eu', asked, 'prepaid-uncovered');
    expect(body.errors).toBeUndefined();
    expect(result.change).toMatchObject({ charge: 'DISCARDED', status: 'IN_PROGRESS' });
    await applied('anna.eu', ANNA);
    const after = await page('anna.eu', ANNA);
    expect(after.timTuoPrepaid.families[0].active).toEqual({ option: { code: 'M4' } });
    expect(after.personalTraffic).toEqual({ dataGbTotal: '4.00', dataGbLeft: '2.50', minutesTotal: 500, minutesLeft: 380, smsTotal: 200, smsLeft: 185 });
  });

  it('refuses the roaming families on a line without ROAMING_EXTRA_UE, naming what to ask the ROA', async () => {
    const { body } = await change('anna.eu', { number: ANNA, family: 'EXTRA_EU_ROAMING_DAILY_PACKAGE', action: 'ACTIVATE', option: 'EXTRA_EU_DAILY' }, 'prepaid-no-roaming');
    expect(body.errors[0]).toMatchObject({ message: expect.stringMatching(/ROAMING ON EXTRA UE/), extensions: { code: 'LEGACY_REJECTED' } });
  });

  it('refuses the ROA of the contract the employee\'s change (FORBIDDEN), and answers another employee as for an unknown line', async () => {
    const sent = await confirmedInput(matrix.stack(), matrix.token('gina.eu'), { number: GINA, family: 'NATIONAL_PACKAGE', action: 'CEASE' });
    const roa = await change('pasquale.eu', { number: GINA, family: 'NATIONAL_PACKAGE', action: 'CEASE' }, 'prepaid-by-roa', sent);
    expect(roa.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const other = await change('anna.eu', { number: GINA, family: 'NATIONAL_PACKAGE', action: 'CEASE' }, 'prepaid-by-anna', sent);
    expect(other.body.errors[0]).toMatchObject({ message: 'This mobile line does not exist.', extensions: { code: 'NOT_FOUND' } });
  });
});
