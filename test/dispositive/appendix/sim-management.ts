import { minimalPdf } from '../../../legacy/runtime/pdf';
import type { TestStack } from '../../support/stack';
import { uploadFile } from '../../support/uploads';
import { call, CONTRACT, lines, type Fixture } from './fixture';

/** Seed 002 §7.3 (Appendix rows 5–16): the SIM management of the CM8 ROA. */
const confirm = call('confirmAutomaticRecharge', 'AutomaticRechargeChangeInput', { list: true });
const waive = call('waiveAutomaticRecharge', 'AutomaticRechargeChangeInput', { list: true });
const recharge = call('requestCompanyRecharge', 'CompanyRechargeInput');
const bundles = call('setBundleEnablements', 'SetBundleEnablementsInput', { list: true });
const activateLater = call('requestDeferredSimActivation', 'RequestDeferredSimActivationInput', { target: CONTRACT });
const block = call('blockSim', 'BlockSimInput');
const unblock = call('unblockSim', 'UnblockSimInput');
const changeSim = call('changeSim', 'ChangeSimInput');
const networkServices = call('setNetworkServices', 'SetNetworkServicesInput');
const rifProfile = call('setRifProfile', 'SetRifProfileInput');
const spareSims = call('requestSpareSims', 'RequestSpareSimsInput', { target: CONTRACT });
const blockImei = call('blockImei', 'BlockImeiInput');

const SIM_TO_ACTIVATE = { number: '3312549001', iccid: '8939010000000090017' };
const SPARE_SIMS = {
  contractNumber: '888010088938', voiceSims: 5, m2mStandardSims: 0, m2mPinDisabledSims: 2,
  delivery: { siteName: 'Sede centrale', streetType: 'VIA', street: 'DELLE SCUOLE', houseNumber: '2/D', province: 'BO', city: 'BOLOGNA', postalCode: '40132' },
  contact: { name: 'VINCENZO', phone: '3335617891' },
};
/** The IMEI block's documents: the theft report and the identity document, uploaded by the user who sends it. */
const imeiDocuments = async (token: string, stack: TestStack) => ({
  theftReport: await uploadFile(stack, token, minimalPdf('denuncia di smarrimento')),
  identityDocument: await uploadFile(stack, token, minimalPdf('carta di identita')),
});

/** Contract 888012234558 (prepaid, ROA pasquale.eu) and 888010088938 (postpaid, ROA vincenzo.roa). */
export const SIM_MANAGEMENT_FIXTURES: Record<number, Fixture> = {
  5: { user: 'pasquale.eu', run: confirm(lines('3700801103')), reuse: waive(lines('3700801103')),
    bad: { input: lines('3700801103', '37008011'), field: 'input.lines[1].number' } },
  6: { user: 'pasquale.eu', run: waive(lines('3346076607')), reuse: confirm(lines('3346076607')),
    bad: { input: lines('3346076607', '3346076607'), field: 'input.lines[1]' } },
  7: { user: 'pasquale.eu', run: recharge({ number: '3346075368', kind: 'ONE_SHOT', amount: '22' }),
    reuse: recharge({ number: '3346075368', kind: 'ONE_SHOT', amount: '44' }),
    bad: { input: { number: '3346075368', kind: 'ONE_SHOT', amount: '23' }, field: 'input.amount' } },
  10: { user: 'vincenzo.roa', run: block({ number: '3312545395', reason: 'THEFT' }), reuse: block({ number: '3312545395', reason: 'LOSS' }),
    bad: { input: { number: '331254539X', reason: 'THEFT' }, field: 'input.number' } },
  11: { user: 'pasquale.eu', run: unblock({ number: '3700801105' }), reuse: block({ number: '3700801105', reason: 'LOSS' }),
    bad: { input: { number: '0700801105' }, field: 'input.number' } },
  8: { user: 'vincenzo.roa', run: bundles({ lines: [{ number: '3312545395', overBundleExtraEu: true }] }),
    reuse: bundles({ lines: [{ number: '3312545395', overBundleExtraEu: false }] }),
    bad: { input: { lines: [{ number: '33125', overBundleExtraEu: true }] }, field: 'input.lines[0].number' } },
  9: { user: 'vincenzo.roa', run: activateLater({ contractNumber: '888010088938', sims: [SIM_TO_ACTIVATE] }),
    reuse: activateLater({ contractNumber: '888010088938', sims: [{ ...SIM_TO_ACTIVATE, number: '3312549002' }] }),
    bad: { input: { contractNumber: '888010088938', sims: [{ ...SIM_TO_ACTIVATE, iccid: '123' }] }, field: 'input.sims[0].iccid' } },
  12: { user: 'vincenzo.roa', run: changeSim({ number: '3312547228', replacedIccid: '8939100003312547228', newIccidLastDigits: '1234567890', reason: 'SIM guasta' }),
    reuse: changeSim({ number: '3312547228', replacedIccid: '8939100003312547228', newIccidLastDigits: '1234567891', reason: 'SIM guasta' }),
    bad: { input: { number: '3312547228', newIccidLastDigits: '12345', reason: 'SIM guasta' }, field: 'input.newIccidLastDigits' } },
  13: { user: 'vincenzo.roa', run: networkServices({ number: '3312547899', changes: [{ category: 'ROAMING', enabled: false }] }),
    reuse: networkServices({ number: '3312547899', changes: [{ category: 'ROAMING', enabled: true }] }),
    bad: { input: { number: '0312547899', changes: [{ category: 'ROAMING', enabled: false }] }, field: 'input.number' } },
  14: { user: 'vincenzo.roa', run: rifProfile({ number: '3312545213', profile: 'RIF_01' }), reuse: rifProfile({ number: '3312545213', profile: 'RIF_02' }),
    bad: { input: { number: '33125452', profile: 'RIF_01' }, field: 'input.number' } },
  15: { user: 'vincenzo.roa', run: spareSims(SPARE_SIMS), reuse: spareSims({ ...SPARE_SIMS, voiceSims: 6 }),
    bad: { input: { ...SPARE_SIMS, delivery: { ...SPARE_SIMS.delivery, postalCode: '4013' } }, field: 'input.delivery.postalCode' } },
  16: { user: 'vincenzo.roa', run: blockImei(async (token, stack) => ({ number: '3312544025', imei: '490154203237518', ...await imeiDocuments(token, stack) })),
    reuse: blockImei(async (token, stack) => ({ number: '3312544025', ...await imeiDocuments(token, stack) })),
    bad: { input: { number: '3312544025', imei: '490154203237519', theftReport: 'ALL-x', identityDocument: 'ALL-y' }, field: 'input.imei' } },
};

