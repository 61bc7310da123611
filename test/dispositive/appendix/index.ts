import { ASSISTANCE_FIXTURES } from './assistance';
import { CONTRACT_FIXTURES } from './contract';
import type { Fixture } from './fixture';
import { SIM_MANAGEMENT_FIXTURES } from './sim-management';
import { BILLING_FIXTURES } from './billing';
import { TIM_TUO_FIXTURES } from './tim-tuo';
import { EMPLOYEE_FIXTURES } from './employee';
import { EMPLOYEE_PREPAID_FIXTURES } from './employee-prepaid';
import { EMPLOYEE_TIM_TUO_FIXTURES } from './employee-tim-tuo';

/** Every built Appendix row's fixture, by row: one file per part of seed 002. */
export const FIXTURES: Record<number, Fixture> = {
  ...SIM_MANAGEMENT_FIXTURES,
  ...ASSISTANCE_FIXTURES,
  ...CONTRACT_FIXTURES,
  ...BILLING_FIXTURES,
  ...TIM_TUO_FIXTURES,
  ...EMPLOYEE_FIXTURES,
  ...EMPLOYEE_PREPAID_FIXTURES,
  ...EMPLOYEE_TIM_TUO_FIXTURES,
};
