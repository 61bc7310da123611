import { minimalPdf } from '../../../legacy/runtime/pdf';
import { paidInvoice, paidThrough } from '../../support/checkout';
import { graphql, LEGACY_TODAY, type TestStack } from '../../support/stack';
import { uploadFile } from '../../support/uploads';
import { SCOPE } from './assistance';
import { call, CONTRACT, FIXED_LINE, lines, type Fixture, type Input, type Target } from './fixture';

/**
 * The Area Clienti's changes (schema/area-clienti-changes.yaml), by mutation: company A's RL (ginevra.vallisneri) and
 * AF (luca.ferri) on company A's lines; company B's RL (mario.rossi) is the user of another company, for whom A's
 * lines must answer like unknown ones. The test's today is 2026-11-23 (test/support/stack.ts LEGACY_TODAY).
 */
const ceaseMobile = call('ceaseMobileLines', 'CeaseMobileLinesInput', { list: true });
const revokeMobile = call('revokeMobileLineCessation', 'RevokeMobileLineCessationInput', { list: true });
const ceaseFixed = call('ceaseFixedLines', 'CeaseFixedLinesInput', { list: true, target: FIXED_LINE });
const revokeFixed = call('revokeFixedLineCessation', 'RevokeFixedLineCessationInput', { list: true, target: FIXED_LINE });
const callBack = call('bookCallBack', 'BookCallBackInput', { target: SCOPE });
const enablePaperless = call('enablePaperlessInvoice', 'PaperlessInvoiceInput', { target: CONTRACT });
const disablePaperless = call('disablePaperlessInvoice', 'PaperlessInvoiceInput', { target: CONTRACT });
const directDebit = call('requestDirectDebit', 'RequestDirectDebitInput', { target: CONTRACT });
const moveFixed = call('moveFixedLine', 'MoveFixedLineInput', { target: FIXED_LINE });
const moveToContract = call('moveMobileLineToContract', 'MoveMobileLineToContractInput');
const barPremium = call('barPremiumService', 'PremiumServiceChangeInput');
const unbarPremium = call('unbarPremiumService', 'PremiumServiceChangeInput');
const addToBlackList = call('addLinesToBlackList', 'BlackListChangeInput', { list: true });
const removeFromBlackList = call('removeLinesFromBlackList', 'BlackListChangeInput', { list: true });
const enableSmsSolidale = call('enableSmsSolidale', 'SmsSolidaleChangeInput', { list: true });
const disableSmsSolidale = call('disableSmsSolidale', 'SmsSolidaleChangeInput', { list: true });
const enableTimduo = call('enableTimduo', 'TimduoChangeInput', { list: true });
const disableTimduo = call('disableTimduo', 'TimduoChangeInput', { list: true });
/** An invoice (issue 22): the outcome names it `invoice`. */
const INVOICE: Target = {
  field: 'invoice',
  selection: 'number',
  idOf: (invoice) => invoice.number,
  idSent: (input) => input.number as string,
  unknown: (input) => ({ ...input, number: '7X99999999' }),
};
/** An online payment (issue 22): the outcome names it `payment`, by the provider's id. */
const PAYMENT: Target = {
  field: 'payment',
  selection: 'paymentId',
  idOf: (payment) => payment.paymentId,
  idSent: (input) => input.paymentId as string,
  unknown: (input) => ({ ...input, paymentId: 'pay_000000000000000000000000' }),
};
const completePayment = call('completeInvoicePayment', 'CompleteInvoicePaymentInput', { target: PAYMENT });
const completeThirdParty = call('completeThirdPartyInvoicePayment', 'CompleteInvoicePaymentInput', { target: PAYMENT });
const reportThirdParty = call('reportThirdPartyInvoicePayment', 'ReportThirdPartyInvoicePaymentInput', { target: INVOICE });
/** A top-up of a line's credit (CON-01): the outcome names it `topUp`, by the provider's id. */
const completeTopUp = call('completeLineTopUp', 'CompletePersonalTopUpInput', { target: { ...PAYMENT, field: 'topUp' } });
/** Company A's fixed invoice as "Fatture di terzi" identifies it: its number and the line printed on it. */
const THIRD_PARTY_INVOICE = { number: '8W00492000', lineNumber: '066633987' };
const reportPayment = call('reportInvoicePayment', 'ReportInvoicePaymentInput', { target: INVOICE });
/** Two fixed invoices merged into one PDF (issue 22, BIL-07): the outcome names the pair `merge`. */
const INVOICE_PAIR: Target = {
  field: 'merge',
  selection: 'invoices { number }',
  idOf: (merge) => merge.invoices.map((i: { number: string }) => i.number).join('+'),
  idSent: (input) => `${input.number}+${input.otherNumber}`,
  unknown: (input) => ({ ...input, otherNumber: '8W99999999' }),
};
const mergeFixed = call('mergeFixedInvoices', 'MergeFixedInvoicesInput', { target: INVOICE_PAIR });
/** A company (issue 20): the outcome names it `company`. */
const COMPANY: Target = {
  field: 'company',
  selection: 'id',
  idOf: (company) => company.id,
  idSent: (input) => input.companyId as string,
  unknown: (input) => ({ ...input, companyId: '1-NONE99' }),
};
const COMPANY_A = '1-VALL01';
const legalSeat = call('changeLegalSeat', 'ChangeLegalSeatInput', { target: COMPANY });
const communicationEmail = call('changeFixedCommunicationEmail', 'ChangeFixedCommunicationEmailInput', { target: COMPANY });
const sdiCode = call('changeSdiRecipientCode', 'ChangeSdiRecipientCodeInput', { target: COMPANY });
/** A campaign of a company (issue 21, MOB-20): the outcome names it `campaign`; an unknown one is a campaign id nobody has. */
const activateOffer = call('activateOffer', 'ActivateOfferInput', { target: {
  field: 'campaign', selection: 'id', idOf: (campaign) => campaign.id, idSent: (input) => input.campaignId as string,
  unknown: (input) => ({ ...input, campaignId: 'CMP-9999' }),
} });
const NEW_SITE = { street: 'VIA TORINO 5', postalCode: '20123', city: 'Milano', province: 'MI' };

const ON = '2026-12-31';

/** Issue 21 (h21-fixed): an intelligent number (FIX-06): the outcome names it `intelligentNumber`. */
const INTELLIGENT_NUMBER: Target = {
  field: 'intelligentNumber',
  selection: 'number',
  idOf: (number) => number.number,
  idSent: (input) => input.number as string,
  unknown: (input) => ({ ...input, number: '800999999' }),
};
const changeRoutingPlan = call('changeRoutingPlan', 'ChangeRoutingPlanInput', { target: INTELLIGENT_NUMBER });
const activateFixedService = call('activateFixedLineService', 'FixedLineServiceInput', { target: FIXED_LINE });
const deactivateFixedService = call('deactivateFixedLineService', 'FixedLineServiceInput', { target: FIXED_LINE });
const reportUnwanted = call('reportUnwantedCalls', 'ReportUnwantedCallsInput', { target: FIXED_LINE });
/** Issue 21 (h21-finish): the same report on a mobile line (FIX-04, seed 000 "Linee Mobile"). */
const reportMobileUnwanted = call('reportMobileUnwantedCalls', 'ReportMobileUnwantedCallsInput');
/** Company A's Numero Verde routed 70/30 between its Milan and Rome sites, weekdays only. */
const PLAN = {
  number: '800123456',
  destinations: [{ site: 'Milano via Pavia', answeringNumber: '066633987', percentage: 70 }, { site: 'Roma via Nazionale', answeringNumber: '0612345670', percentage: 30 }],
  authorisedCallers: [], districts: ['02', '06'], openingHours: [{ days: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'], from: '09:00', to: '18:00' }],
  closedOn: ['2026-12-25'],
};

/**
 * An undoing needs something to undo (a cessation to revoke, NoCarta to turn off): the input is made by asking for it
 * first, as the user would, whatever that answers (the table's row that asks for it may have done so already).
 */
const afterAsking = (mutation: string, inputType: string, first: Input, selection: string, input: Input) => async (token: string, stack: TestStack): Promise<Input> => {
  await graphql(stack, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${selection} } }`,
    { input: { ...first, idempotencyKey: `asked-before-undoing-${mutation}` } }, token);
  return input;
};
const scheduledFirst = (mutation: string, inputType: string, number: string) =>
  afterAsking(mutation, inputType, { ...lines(number), effectiveOn: ON }, 'number', lines(number));

const MOBILE_CONTRACT = { contractNumber: '888012170373' };
const FIXED_CONTRACT = { contractNumber: '066633987' };
const DEBIT = { ...MOBILE_CONTRACT, iban: 'IT60 X054 2811 1010 0000 0123 456', accountHolder: 'Vallisneri Ginevra' };

/** Issue 20 (ACC-08): a console change's outcome names the user; a creation's is read by the line it was made on. */
const COMPANY_USER: Target = {
  field: 'user',
  selection: 'id',
  idOf: (user) => user.id,
  idSent: (input) => (input.users as { userId: string }[])[0].userId,
  unknown: (input) => ({ ...input, users: (input.users as Input[]).map((u) => ({ ...u, userId: '1-U9999' })) }),
};
const NEW_COMPANY_USER: Target = {
  field: 'user',
  selection: 'line',
  idOf: (user) => user.line,
  idSent: (input) => (input.users as { line: string }[])[0].line,
  unknown: (input) => ({ ...input, users: (input.users as Input[]).map((u) => ({ ...u, line: '3999999999' })) }),
};
const companyUsers = (...ids: string[]) => ({ users: ids.map((userId) => ({ userId })) });
const onUsers = (mutation: string, inputType = 'CompanyUsersInput') => call(mutation, inputType, { list: true, target: COMPANY_USER });
const registerUsers = onUsers('registerCompanyUsers');
const changeProfiles = onUsers('changeCompanyUserProfiles', 'ChangeCompanyUserProfilesInput');
const resetPasswords = onUsers('resetCompanyUserPasswords');
const sendCredentials = onUsers('sendCompanyUserCredentials');
const disableUsers = onUsers('disableCompanyUsers');
const deleteUsers = onUsers('deleteCompanyUsers');
const createUsers = call('createCompanyUsers', 'CreateCompanyUsersInput', { list: true, target: NEW_COMPANY_USER });
/** A new user of company A (a valid personal tax code: BRNMRC90A01F205 and its check letter). */
const NEW_USER = { line: '3316779290', firstName: 'Marco', lastName: 'Bruni', taxCode: 'BRNMRC90A01F205A', email: 'marco.bruni@example.it', profile: 'UT' };

export const AREA_CLIENTI_FIXTURES: Record<string, Fixture> = {
  ceaseMobileLines: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: ceaseMobile({ ...lines('3343860505'), effectiveOn: ON }), reuse: ceaseMobile({ ...lines('3343860505'), effectiveOn: '2026-12-30' }),
    bad: { input: { ...lines('3343860505'), effectiveOn: '2026-11-23' }, field: 'input.effectiveOn' } },
  revokeMobileLineCessation: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: revokeMobile(scheduledFirst('ceaseMobileLines', 'CeaseMobileLinesInput', '3316779290')),
    reuse: ceaseMobile({ ...lines('3316779290'), effectiveOn: ON }),
    bad: { input: lines('3316779290', '33167792'), field: 'input.lines[1].number' } },
  ceaseFixedLines: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: ceaseFixed({ ...lines('066633987'), effectiveOn: ON }), reuse: ceaseFixed({ ...lines('066633987'), effectiveOn: '2027-01-04' }),
    bad: { input: { ...lines('3343860505'), effectiveOn: ON }, field: 'input.lines[0].number' } },
  revokeFixedLineCessation: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: revokeFixed(scheduledFirst('ceaseFixedLines', 'CeaseFixedLinesInput', '066633987')),
    reuse: ceaseFixed({ ...lines('066633987'), effectiveOn: ON }),
    bad: { input: lines('066633987', '066633987'), field: 'input.lines[1]' } },
  bookCallBack: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: callBack({ scopeId: '1-VALL01', topic: 'LINES_AND_OFFERS', phone: '3485180611', window: 'WEEKDAY_09_12' }),
    reuse: callBack({ scopeId: '1-VALL01', topic: 'INVOICES', phone: '3485180611', window: 'WEEKDAY_09_12' }),
    bad: { input: { scopeId: '1-VALL01', topic: 'LINES_AND_OFFERS', phone: '12', window: 'WEEKDAY_09_12' }, field: 'input.phone' } },
  enablePaperlessInvoice: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: enablePaperless(MOBILE_CONTRACT), reuse: disablePaperless(MOBILE_CONTRACT),
    bad: { input: { contractNumber: '888-012' }, field: 'input.contractNumber' } },
  disablePaperlessInvoice: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: disablePaperless(afterAsking('enablePaperlessInvoice', 'PaperlessInvoiceInput', FIXED_CONTRACT, 'request { id }', FIXED_CONTRACT)),
    reuse: enablePaperless(FIXED_CONTRACT),
    bad: { input: { contractNumber: '' }, field: 'input.contractNumber' } },
  requestDirectDebit: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: directDebit(DEBIT), reuse: directDebit({ ...DEBIT, accountHolder: 'Ferri Luca' }),
    bad: { input: { ...DEBIT, iban: 'DE89370400440532013000' }, field: 'input.iban' } },
  moveFixedLine: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: moveFixed({ number: '066633987', site: NEW_SITE }), reuse: moveFixed({ number: '066633987', site: { ...NEW_SITE, street: 'VIA ROMA 1' } }),
    bad: { input: { number: '066633987', site: { ...NEW_SITE, postalCode: '201' } }, field: 'input.site.postalCode' } },
  // Issue 22: the invoice paid on the provider's page first (the demo card), as the user does before the graph is told.
  completeInvoicePayment: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: completePayment(async (token, stack) => ({ paymentId: await paidInvoice(stack, token, '7X04127467') })),
    reuse: enablePaperless(MOBILE_CONTRACT),
    bad: { input: { paymentId: 'not-a-payment' }, field: 'input.paymentId' } },
  reportInvoicePayment: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: reportPayment(async (token, stack) => ({ number: '7X00231188', paidOn: LEGACY_TODAY, receipt: await uploadFile(stack, token, minimalPdf('bonifico 7X00231188')) })),
    reuse: enablePaperless(MOBILE_CONTRACT),
    bad: { input: { number: '7X00231188', paidOn: '2026-13-45', receipt: 'ALL-x' }, field: 'input.paidOn' } },
  // Issue 22 (CON-01): the RL tops up company A's prepaid line, paid on the provider's page first.
  completeLineTopUp: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: completeTopUp(async (token, stack) => ({
      paymentId: await paidThrough(stack, token, { mutation: 'startLineTopUp', inputType: 'StartPersonalTopUpInput' },
        { number: '3343860302', amount: '10', newMethod: 'CARD', idempotencyKey: 'area-clienti-start-top-up' }),
    })),
    reuse: enablePaperless(MOBILE_CONTRACT),
    bad: { input: { paymentId: 'not-a-payment' }, field: 'input.paymentId' } },
  // Issue 22 (BIL-06): company B's RL pays company A's fixed invoice; only the payer may complete his payment.
  completeThirdPartyInvoicePayment: { user: 'mario.rossi', foreignUser: 'ginevra.vallisneri',
    run: completeThirdParty(async (token, stack) => ({
      paymentId: await paidThrough(stack, token, { mutation: 'startThirdPartyInvoicePayment', inputType: 'StartThirdPartyInvoicePaymentInput' },
        { ...THIRD_PARTY_INVOICE, method: 'CARD' }),
    })),
    reuse: enablePaperless({ contractNumber: '888012999001' }),
    bad: { input: { paymentId: 'not-a-payment' }, field: 'input.paymentId' } },
  // Issue 22 (BIL-06): another customer's invoice has no "foreign" user (any customer may report its payment): the
  // unknown invoice is checked alone.
  reportThirdPartyInvoicePayment: { user: 'mario.rossi', foreignUser: null,
    // Company A's mobile invoice, by its number and the contract printed on it (the fixed one is paid above).
    run: reportThirdParty(async (token, stack) => ({
      number: '7X00412066', lineNumber: '888012170373', paidOn: LEGACY_TODAY, receipt: await uploadFile(stack, token, minimalPdf('bonifico 7X00412066')),
    })),
    reuse: enablePaperless({ contractNumber: '888012999001' }),
    bad: { input: { ...THIRD_PARTY_INVOICE, paidOn: '2026-13-45', receipt: 'ALL-x' }, field: 'input.paidOn' } },
  // Issue 20 item 5 (ACC-08): the legal representative's user console, on company A's users (legacy/data/company-users.ts).
  registerCompanyUsers: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: registerUsers(companyUsers('1-U0007')), reuse: registerUsers(companyUsers('1-U0003')),
    bad: { input: companyUsers('1-U00'), field: 'input.users[0].userId' } },
  changeCompanyUserProfiles: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: changeProfiles({ ...companyUsers('1-U0004'), profile: 'UTD' }), reuse: changeProfiles({ ...companyUsers('1-U0004'), profile: 'AL' }),
    bad: { input: { ...companyUsers('1-U0004'), profile: 'RL' }, field: 'input.profile' } },
  resetCompanyUserPasswords: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: resetPasswords(companyUsers('1-U0003')), reuse: sendCredentials(companyUsers('1-U0003')),
    bad: { input: { users: [] }, field: 'input.users' } },
  sendCompanyUserCredentials: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: sendCredentials(companyUsers('1-U0004')), reuse: resetPasswords(companyUsers('1-U0004')),
    bad: { input: companyUsers('luca.ferri'), field: 'input.users[0].userId' } },
  disableCompanyUsers: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: disableUsers(companyUsers('1-U0005')), reuse: disableUsers(companyUsers('1-U0005', '1-U0003')),
    bad: { input: companyUsers('1-U0005', '1-U0005'), field: 'input.users[1]' } },
  deleteCompanyUsers: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: deleteUsers(companyUsers('1-U0006')), reuse: disableUsers(companyUsers('1-U0006')),
    bad: { input: { users: [{ userId: '' }] }, field: 'input.users[0].userId' } },
  // On the line the deletion above freed (asked again here, whatever that answers, for the row to stand alone).
  createCompanyUsers: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: createUsers(afterAsking('deleteCompanyUsers', 'CompanyUsersInput', companyUsers('1-U0006'), 'number', { users: [NEW_USER] })),
    reuse: createUsers({ users: [{ ...NEW_USER, email: 'marco.bruni@example.com' }] }),
    bad: { input: { users: [{ ...NEW_USER, taxCode: 'BRNMRC90A01F205' }] }, field: 'input.users[0].taxCode' } },
  // Issue 22 (BIL-07): company A's two fixed invoices of one bimester (8W00038521 Fonia, 8W00038522 Fonia-Dati).
  mergeFixedInvoices: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: mergeFixed({ number: '8W00038521', otherNumber: '8W00038522' }),
    reuse: mergeFixed({ number: '8W00038522', otherNumber: '8W00038521' }),
    // The same invoice twice, refused before anything is read (two bimesters: test/policy/customer-billing-matrix.test.ts).
    bad: { input: { number: '8W00038521', otherNumber: '8W00038521' }, field: 'input.otherNumber' } },
  // Issue 21 (h21-fixed): End User Control of company A's Numero Verde, TiAvviso on its lines, a report of unwanted calls.
  changeRoutingPlan: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: changeRoutingPlan(PLAN), reuse: changeRoutingPlan({ ...PLAN, districts: ['02'] }),
    bad: { input: { ...PLAN, destinations: [{ ...PLAN.destinations[0], percentage: 60 }, PLAN.destinations[1]] }, field: 'input.destinations' } },
  activateFixedLineService: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: activateFixedService({ number: '066633988', service: 'TI_AVVISO' }), reuse: activateFixedService({ number: '066633988', service: 'IVR' }),
    bad: { input: { number: '066633988', service: 'FAX' }, field: 'input.service' } },
  deactivateFixedLineService: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: deactivateFixedService({ number: '0612345670', service: 'IVR' }), reuse: deactivateFixedService({ number: '0612345670', service: 'TI_AVVISO' }),
    bad: { input: { number: '3343860505', service: 'IVR' }, field: 'input.number' } },
  reportUnwantedCalls: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: reportUnwanted({ number: '066633987', callingNumber: '0298765432', lastCallOn: LEGACY_TODAY, description: 'Chiamate commerciali ripetute' }),
    reuse: reportUnwanted({ number: '066633987', callingNumber: '0298765433', lastCallOn: LEGACY_TODAY, description: 'Chiamate commerciali ripetute' }),
    bad: { input: { number: '066633987', callingNumber: 'anonimo', lastCallOn: LEGACY_TODAY, description: 'x' }, field: 'input.callingNumber' } },
  // Issue 21 (MOB-17): the AL's own line moves to company A's second mobile contract, and back under a reused key.
  moveMobileLineToContract: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: moveToContract({ number: '3343860405', contractNumber: '888012170381' }),
    reuse: moveToContract({ number: '3343860405', contractNumber: '888012170373' }),
    bad: { input: { number: '3343860405', contractNumber: '888-012' }, field: 'input.contractNumber' } },
  // Issue 21 (MOB-06): company A's premium services (legacy/data/mobile-services-reference.ts): VAS-48210 active and
  // SMS-45501 barred on 3343860505; 3343860902 in the black list of premium-rate numbers.
  barPremiumService: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: barPremium({ number: '3343860505', serviceCode: 'VAS-48210' }), reuse: barPremium({ number: '3343860505', serviceCode: 'SMS-45501' }),
    bad: { input: { number: '3343860505', serviceCode: 'meteo' }, field: 'input.serviceCode' } },
  unbarPremiumService: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: unbarPremium({ number: '3343860505', serviceCode: 'SMS-45501' }), reuse: barPremium({ number: '3343860505', serviceCode: 'SMS-45501' }),
    bad: { input: { number: '33438605', serviceCode: 'SMS-45501' }, field: 'input.number' } },
  addLinesToBlackList: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: addToBlackList({ ...lines('3343860505'), type: 'PREMIUM_SMS' }), reuse: addToBlackList({ ...lines('3343860505'), type: 'VAS_SUBSCRIPTION' }),
    bad: { input: { ...lines('3343860505'), type: 'HOROSCOPES' }, field: 'input.type' } },
  removeLinesFromBlackList: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: removeFromBlackList({ ...lines('3343860902'), type: 'PREMIUM_RATE_NUMBERS' }),
    reuse: addToBlackList({ ...lines('3343860902'), type: 'PREMIUM_RATE_NUMBERS' }),
    bad: { input: { ...lines('3343860902', '33'), type: 'PREMIUM_RATE_NUMBERS' }, field: 'input.lines[1].number' } },
  // Issue 21 (MOB-06): SMS solidale, enabled on 3343860505 and 3343860902 only.
  enableSmsSolidale: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: enableSmsSolidale(lines('3343860302')), reuse: enableSmsSolidale(lines('3343860302', '3316779290')),
    bad: { input: lines('3343860302', '3343860302'), field: 'input.lines[1]' } },
  disableSmsSolidale: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: disableSmsSolidale(lines('3343860902')), reuse: enableSmsSolidale(lines('3343860902')),
    bad: { input: lines('0266633987'), field: 'input.lines[0].number' } },
  // Issue 20 (ACC-05 to ACC-07): company A's data of "Dati Aziendali", a pratica on the company each.
  changeLegalSeat: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: legalSeat({ companyId: COMPANY_A, legalSeat: { street: 'VIA TORINO', houseNumber: '5', postalCode: '20123', city: 'Milano', province: 'MI' } }),
    reuse: legalSeat({ companyId: COMPANY_A, legalSeat: { street: 'VIA TORINO', houseNumber: '7', postalCode: '20123', city: 'Milano', province: 'MI' } }),
    bad: { input: { companyId: COMPANY_A, legalSeat: { street: 'VIA TORINO', houseNumber: '5', postalCode: '201', city: 'Milano', province: 'MI' } },
      field: 'input.legalSeat.postalCode' } },
  changeFixedCommunicationEmail: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: communicationEmail({ companyId: COMPANY_A, email: 'fisso@vallisneri.it' }),
    reuse: communicationEmail({ companyId: COMPANY_A, email: 'altro@vallisneri.it' }),
    bad: { input: { companyId: COMPANY_A, email: 'ufficio@pec.vallisneri.it' }, field: 'input.email' } },
  changeSdiRecipientCode: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: sdiCode({ companyId: COMPANY_A, scope: 'CONTRACT', scopeId: '888012170373', code: 'ABC1234' }),
    reuse: sdiCode({ companyId: COMPANY_A, scope: 'CONTRACT', scopeId: '888012170373', code: 'XYZ9876' }),
    bad: { input: { companyId: COMPANY_A, scope: 'CONTRACT', scopeId: '888012170373', code: '12' }, field: 'input.code' } },
  // Issue 21 (MOB-20): company A's RL activates the offer of one of its campaigns (seed 000 "Offerte per te").
  activateOffer: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: activateOffer({ companyId: COMPANY_A, campaignId: 'CMP-0003' }), reuse: activateOffer({ companyId: COMPANY_A, campaignId: 'CMP-0001' }),
    bad: { input: { companyId: COMPANY_A, campaignId: 'offer-1' }, field: 'input.campaignId' } },
  // Issue 21 (h21-finish, FIX-04): unwanted calls reported on company A's mobile line, as on its fixed line.
  reportMobileUnwantedCalls: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: reportMobileUnwanted({ number: '3343860505', callingNumber: '0298765432', lastCallOn: LEGACY_TODAY, description: 'Chiamate commerciali ripetute' }),
    reuse: reportMobileUnwanted({ number: '3343860505', callingNumber: '0298765433', lastCallOn: LEGACY_TODAY, description: 'Chiamate commerciali ripetute' }),
    bad: { input: { number: '066633987', callingNumber: '0298765432', lastCallOn: LEGACY_TODAY, description: 'x' }, field: 'input.number' } },
  // Issue 21 (h21-timduo, MOB-06): TIMDUO, enabled on 3343860902 only.
  enableTimduo: { user: 'ginevra.vallisneri', foreignUser: 'mario.rossi',
    run: enableTimduo(lines('3343860302')), reuse: enableTimduo(lines('3343860302', '3316779290')),
    bad: { input: lines('3343860302', '3343860302'), field: 'input.lines[1]' } },
  disableTimduo: { user: 'luca.ferri', foreignUser: 'mario.rossi',
    run: disableTimduo(lines('3343860902')), reuse: enableTimduo(lines('3343860902')),
    bad: { input: lines('0266633987'), field: 'input.lines[0].number' } },
};
