import type { SubgraphContext } from '../runtime/server';
import type { LineSim } from './my-sim';

/**
 * h-invoice (issue 12). The IMEI of "La mia SIM" (seed 002 §9.1.1, MOB-18): the device each SIM of the line was last
 * seen in, One Number secondaries included, null where CRM saw none (the seed's empty IMEI, its "Richiedi"). Asked
 * only when selected; the SIMs of every line of a response in one CRM call (`GetImeiSim`), like the ROA's IMEIs.
 */
export const lineSimFields = {
  imei: async (sim: LineSim, _args: unknown, { loaders }: SubgraphContext): Promise<string | null> =>
    (await loaders.crm.simImeis.load(sim.lineNumber)).get(sim.iccid) ?? null,
};
