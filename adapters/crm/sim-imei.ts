import { batchesOf } from '../batches';
import type { CrmCall } from './inventory';
import { records, text } from './soap';

/**
 * h-invoice (issue 12). The IMEI of the device each SIM of a line was last seen in (`GetImeiSim`; seed 002 §9.1.1 "La
 * mia SIM", One Number secondaries included): CRM answers only the SIMs it saw in a device.
 */
export interface CrmSimDevices {
  /** Aligned with the line numbers: ICCID → IMEI of each SIM seen in a device (empty for a ceased or unknown line). */
  getSimImeis(lineNumbers: readonly string[]): Promise<ReadonlyMap<string, string>[]>;
}

export function createCrmSimDevices(call: CrmCall, batchLimit: number): CrmSimDevices {
  return {
    async getSimImeis(lineNumbers) {
      const answers = await Promise.all(batchesOf(lineNumbers, batchLimit).map((batch) => call('GetImeiSim', { numero: batch },
        (a) => records(a, 'sim').map((r) => ({ line: text(r, 'numero'), iccid: text(r, 'iccid'), imei: text(r, 'imei') })))));
      const sims = answers.flat();
      return lineNumbers.map((n) => new Map(sims.filter((s) => s.line === n).map((s) => [s.iccid, s.imei])));
    },
  };
}
