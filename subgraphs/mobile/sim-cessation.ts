/**
 * Seed 002 §7.3.12 (and MOB-05's CM8 rule): a SIM of a CM8 contract cannot be ceased from the portal; the page
 * gives the customer service of the Convenzione Telefonia Mobile 8 instead. Nothing is read or written.
 */
export const SIM_CESSATION_INSTRUCTIONS = {
  possibleOnline: false,
  message: 'SIMs of the contracts you are referent of cannot be ceased online: call the customer service dedicated to the Public Administration.',
  tollFreeNumber: '800.680.068',
  hours: [
    { days: 'Monday to Friday', opensAt: '09:00', closesAt: '18:00' },
    { days: 'Saturday', opensAt: '09:00', closesAt: '14:00' },
  ],
  excludesNationalHolidays: true,
} as const;
