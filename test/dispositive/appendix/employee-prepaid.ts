import { call, type Fixture, type Input } from './fixture';

/**
 * h-prepaid (issue 12). Seed 002 §9.2.1.3 (Appendix rows 42–49): gina.eu's TIM TUO packages and plafonds on her
 * prepaid line 3700034020 (TIM TUO active with ROAMING_EXTRA_UE, 135,00 € of personal credit). The rows run in order
 * on one stack whose eBill applies requests at once (test/support/stack.ts), so each row finds the line as the one
 * before left it: 42–45 activate one option of each family, 46–49 cease them. Each input confirms the summary asked
 * when the row runs (the Appendix test asks it). anna.eu, the other employee, is the foreign user (her line's TIM TUO is ceased by row 20);
 * pasquale.eu, ROA of the prepaid contract, sees the pratiche ("monitorabile dal ROA").
 */
const LINE = '3700034020';
const activation = (mutation: string) => call(mutation, 'TimTuoPrepaidActivationInput');
const cessation = (mutation: string) => call(mutation, 'TimTuoPrepaidCessationInput');
/** The input of a change on gina's line; the Appendix test quotes the summary asked when the row runs. */
const onGina = (_family: string, _action: 'ACTIVATE' | 'CEASE', option?: string): Input => ({ number: LINE, ...(option && { option }) });

const REF = 'eyJ1IjoiMSJ9.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const employee = { user: 'gina.eu', foreignUser: 'anna.eu', historyUser: 'pasquale.eu' };

export const EMPLOYEE_PREPAID_FIXTURES: Record<number, Fixture> = {
  42: { ...employee, run: activation('activateTimTuoNationalPackage')(onGina('NATIONAL_PACKAGE', 'ACTIVATE', 'S1')),
    reuse: activation('activateTimTuoNationalPackage')(onGina('NATIONAL_PACKAGE', 'ACTIVATE', 'S4')),
    bad: { input: { number: LINE, option: 'PLUS_1GB', confirmationRef: REF }, field: 'input.option' } },
  43: { ...employee, run: activation('activateTimTuoExtraEuDailyPackage')(onGina('EXTRA_EU_ROAMING_DAILY_PACKAGE', 'ACTIVATE', 'EXTRA_EU_DAILY')),
    reuse: activation('activateTimTuoExtraEuDailyPackage')(onGina('EXTRA_EU_ROAMING_DAILY_PACKAGE', 'ACTIVATE', 'EXTRA_EU_DAILY_EXCLUSIVE')),
    bad: { input: { number: '37000340', option: 'EXTRA_EU_DAILY', confirmationRef: REF }, field: 'input.number' } },
  44: { ...employee, run: activation('activateTimTuoExtraDataPlafond')(onGina('EXTRA_DATA_PLAFOND', 'ACTIVATE', 'PLUS_1GB')),
    reuse: activation('activateTimTuoExtraDataPlafond')(onGina('EXTRA_DATA_PLAFOND', 'ACTIVATE', 'PLUS_4GB')),
    bad: { input: { number: LINE, option: 'PLUS_1GB', confirmationRef: 'not-a-reference' }, field: 'input.confirmationRef' } },
  45: { ...employee, run: activation('activateTimTuoExtraEuDataPlafond')(onGina('EXTRA_EU_ROAMING_DATA_PLAFOND', 'ACTIVATE', 'EXTRA_EU_500MB')),
    reuse: activation('activateTimTuoExtraEuDataPlafond')(onGina('EXTRA_EU_ROAMING_DATA_PLAFOND', 'ACTIVATE', 'EXTRA_EU_500MB_EXCLUSIVE')),
    bad: { input: { number: LINE, option: 'S1', confirmationRef: REF }, field: 'input.option' } },
  46: { ...employee, run: cessation('ceaseTimTuoNationalPackage')(onGina('NATIONAL_PACKAGE', 'CEASE')),
    reuse: cessation('ceaseTimTuoExtraEuDailyPackage')(onGina('EXTRA_EU_ROAMING_DAILY_PACKAGE', 'CEASE')),
    bad: { input: { number: LINE, confirmationRef: '' }, field: 'input.confirmationRef' } },
  47: { ...employee, run: cessation('ceaseTimTuoExtraEuDailyPackage')(onGina('EXTRA_EU_ROAMING_DAILY_PACKAGE', 'CEASE')),
    reuse: cessation('ceaseTimTuoExtraDataPlafond')(onGina('EXTRA_DATA_PLAFOND', 'CEASE')),
    bad: { input: { number: '0370003402', confirmationRef: REF }, field: 'input.number' } },
  48: { ...employee, run: cessation('ceaseTimTuoExtraDataPlafond')(onGina('EXTRA_DATA_PLAFOND', 'CEASE')),
    reuse: cessation('ceaseTimTuoExtraEuDataPlafond')(onGina('EXTRA_EU_ROAMING_DATA_PLAFOND', 'CEASE')),
    bad: { input: { number: LINE, confirmationRef: 'a.b' }, field: 'input.confirmationRef' } },
  49: { ...employee, run: cessation('ceaseTimTuoExtraEuDataPlafond')(onGina('EXTRA_EU_ROAMING_DATA_PLAFOND', 'CEASE')),
    reuse: activation('activateTimTuoExtraEuDataPlafond')(onGina('EXTRA_EU_ROAMING_DATA_PLAFOND', 'ACTIVATE', 'EXTRA_EU_500MB')),
    bad: { input: { number: LINE, confirmationRef: 'x'.repeat(10) }, field: 'input.confirmationRef' } },
};
