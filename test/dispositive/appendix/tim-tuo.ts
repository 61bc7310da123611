import { call, lines, type Fixture } from './fixture';

/**
 * Seed 002 §7.4.5–§7.4.8 (Appendix rows 17–21): TIM TUO, the company side, on Ente KRISHNA's lines (vincenzo.roa,
 * postpaid contract 888010088938; pasquale.eu, ROA of the prepaid contract 888012234558). An operation whose input
 * is its lines alone is "reused" by another operation under the same key.
 */
const enablement = call('setTimTuoEnablement', 'SetTimTuoEnablementInput', { list: true });
const activateOption = call('activateTimTuoOption', 'TimTuoOptionInput', { list: true });
const ceasePostpaid = call('ceasePostpaidTimTuo', 'CeaseTimTuoInput', { list: true });
const ceasePrepaid = call('ceasePrepaidTimTuo', 'CeaseTimTuoInput', { list: true });
const ceaseOption = call('ceaseTimTuoOption', 'TimTuoOptionInput', { list: true });

export const TIM_TUO_FIXTURES: Record<number, Fixture> = {
  17: { user: 'vincenzo.roa', run: enablement({ lines: [{ number: '3312545213', enabled: true }] }),
    reuse: enablement({ lines: [{ number: '3312545213', enabled: false }] }),
    bad: { input: { lines: [{ number: '33125452', enabled: true }] }, field: 'input.lines[0].number' } },
  18: { user: 'vincenzo.roa', run: activateOption({ ...lines('3312548662'), option: 'EXTRA_EU_ROAMING' }),
    reuse: activateOption({ ...lines('3312548662'), option: 'MMS' }),
    bad: { input: { ...lines('3312548662', '3312548662'), option: 'EXTRA_EU_ROAMING' }, field: 'input.lines[1]' } },
  19: { user: 'vincenzo.roa', run: ceasePostpaid(lines('3312547310')),
    reuse: activateOption({ ...lines('3312547310'), option: 'EXTRA_EU_ROAMING' }),
    bad: { input: lines('0312547310'), field: 'input.lines[0].number' } },
  20: { user: 'pasquale.eu', run: ceasePrepaid(lines('3700801103')),
    reuse: ceaseOption({ ...lines('3700801103'), option: 'MMS' }),
    bad: { input: lines('37008011'), field: 'input.lines[0].number' } },
  21: { user: 'vincenzo.roa', run: ceaseOption({ ...lines('3312548681'), option: 'EXTRA_EU_ROAMING' }),
    reuse: ceaseOption({ ...lines('3312548681'), option: 'MMS' }),
    bad: { input: { ...lines('33125486'), option: 'EXTRA_EU_ROAMING' }, field: 'input.lines[0].number' } },
};
