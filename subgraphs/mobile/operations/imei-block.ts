import type { MobileLine } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { MOBILE_LINE } from '../../runtime/dispositive/targets';
import { checkAttachmentId, DOCUMENT_TYPES } from '../../runtime/validators/attachment';
import { checkImei } from '../../runtime/validators/imei';
import { checkMobileNumber } from '../../runtime/validators/phone';

/**
 * Seed 002 §7.3.13 (Appendix row 16) and MOB-15: block a device so that nobody else can use it, by its IMEI, or
 * without it (TIM finds it from the line's traffic). "In assenza di questi documenti la richiesta non potrà essere
 * presa in carico": the theft/loss report and the requester's identity document are required uploads (PDF, JPEG,
 * PNG), claimed by CRM with the pratica. The network block is the back office's: the pratica stays open.
 */
interface ImeiBlock { number: string; imei?: string; theftReport: string; identityDocument: string }

export const BLOCK_IMEI: DispositiveDeclaration<ImeiBlock, MobileLine> = {
  field: 'blockImei',
  appendixRows: [16],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  capabilities: ['MOB-15'],
  pratica: 'Blocco Imei',
  ordine: false,
  target: MOBILE_LINE,
  validate(raw, at) {
    const number = checkMobileNumber(raw.number, at('number'));
    const imei = raw.imei === undefined || raw.imei === null ? undefined : checkImei(raw.imei, at('imei'));
    const theftReport = checkAttachmentId(raw.theftReport, at('theftReport'));
    const identityDocument = checkAttachmentId(raw.identityDocument, at('identityDocument'));
    if (identityDocument === theftReport) throw badUserInput(at('identityDocument'), 'must be another upload than the theft/loss report');
    return { number, imei, theftReport, identityDocument };
  },
  targetId: (input) => input.number,
  refusal: (line) => (line.status === 'CEASED' ? 'The device of a ceased line cannot be blocked from here.' : null),
  attachments: (input) => [
    { field: 'theftReport', id: input.theftReport, types: DOCUMENT_TYPES },
    { field: 'identityDocument', id: input.identityDocument, types: DOCUMENT_TYPES },
  ],
  crm: (_line, input): { parameters: Record<string, string> } => ({ parameters: input.imei ? { imei: input.imei } : { imeiNoto: 'NO' } }),
};
