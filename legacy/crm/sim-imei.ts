import { placeholders, type Db } from '../runtime/db';
import type { StandInReply } from '../runtime/server';
import { invalidRequest, soapAnswer, texts, type SoapRecord } from './soap';
import { BATCH_LIMIT } from './operations';
import { deviceImei } from './device-imei';

/**
 * h-invoice (issue 12). The device each SIM was last seen in (seed 002 §9.1.1 "L'IMEI del device dove è inserita la
 * SIM CARD (se disponibile)", for the main and the One Number secondary SIMs). `GetImeiLinee` answers the line's own
 * SIM; `GetImeiSim` (`numero`* ≤100) answers every SIM of each line, `sim`* {numero, iccid, imei}, only the SIMs
 * seen in a device; none for a ceased or unknown line.
 */

interface LineSims { numero: string; iccid: string; one_number_iccid: string | null }

export function simImeiOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    GetImeiSim(params) {
      const numbers = texts(params, 'numero');
      if (numbers.length > BATCH_LIMIT) throw invalidRequest(`al massimo ${BATCH_LIMIT} numero`);
      const lines = numbers.length === 0 ? [] : db.prepare(`SELECT numero, iccid, one_number_iccid FROM linee_mobili
        WHERE numero IN (${placeholders(numbers.length)}) AND stato <> 'CESSATO'`).all(...numbers) as LineSims[];
      const sims = lines.flatMap((l) => {
        const group = l.one_number_iccid ? (JSON.parse(l.one_number_iccid) as string[]) : [];
        return [l.iccid, ...group.filter((iccid) => iccid !== l.iccid)]
          .map((iccid) => ({ numero: l.numero, iccid, imei: deviceImei(l.numero, iccid, iccid === l.iccid) }))
          .filter((s) => s.imei !== null);
      });
      return soapAnswer('GetImeiSim', { sim: sims });
    },
  };
}
