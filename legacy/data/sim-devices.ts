/**
 * h-invoice (issue 12). The SIMs of seed 002 §9.1.1's "La mia SIM" screens, with the device CRM last saw each in:
 * 3312548681's SIM (IMEI empty on the screen: not seen) and 3700034020's One Number group, whose primary SIM is in
 * device 352141100000104 and whose secondaries show "Richiedi" (not seen yet). Any other line's own SIM is seen in a
 * device CRM derives from the number (legacy/crm/inventory.ts); another SIM of a group is not seen unless listed here.
 */
export const SEED_SIMS = {
  '3312548681': ['8939010008546264046'],
  '3700034020': ['8939010008552355787', '8939010008546294720', '8939010008547003302'],
} as const;

/** ICCID → the IMEI of the device CRM last saw the SIM in; null: never seen. */
export const SIM_DEVICES: Readonly<Record<string, string | null>> = {
  '8939010008546264046': null,
  '8939010008552355787': '352141100000104',
};
