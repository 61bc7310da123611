import { SIM_DEVICES } from '../data/sim-devices';

/**
 * h-invoice (issue 12). The IMEI of the device a SIM was last seen in, the one rule of `GetImeiLinee` (the ROA's
 * "Richiedi", inventory.ts) and `GetImeiSim` (the employee's "La mia SIM", sim-imei.ts): the seed's where it says
 * (null: never seen), else one the stand-in derives from the number for the line's own SIM; another SIM of a One
 * Number group is not seen unless the seed says.
 */
export function deviceImei(number: string, iccid: string, ownSim: boolean): string | null {
  if (iccid in SIM_DEVICES) return SIM_DEVICES[iccid];
  return ownSim ? `35${number.padStart(13, '0')}` : null;
}
