import type { Fixture } from './fixture';
import { SIM_MANAGEMENT_FIXTURES } from './sim-management';
import { EMPLOYEE_FIXTURES } from './employee';

/** Every built Appendix row's fixture, by row: one file per part of seed 002. */
export const FIXTURES: Record<number, Fixture> = {
  ...SIM_MANAGEMENT_FIXTURES,
  ...EMPLOYEE_FIXTURES,
};
