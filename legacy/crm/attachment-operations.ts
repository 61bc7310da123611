import type { IncomingMessage } from 'node:http';
import type { StandInReply } from '../runtime/server';
import { claimAttachments, saveAttachment } from './attachments';
import { invalidRequest, records, soapAnswer, text, texts, type SoapRecord } from './soap';
import type { CrmStore } from './store';

/**
 * The attachment operations of CRM. Binary content does not travel in SOAP here: `POST /crm/allegati?utente=<id>`
 * takes the file's bytes as the body and its type as `Content-Type`, and answers like any operation
 * (`crm:CaricaAllegatoResponse/id`, faults as SOAP faults).
 */
export const UPLOAD_PATH = '/crm/allegati';

export function uploadAttachment(store: CrmStore, req: IncomingMessage, body: Buffer): StandInReply {
  const owner = new URL(req.url ?? '/', 'http://crm').searchParams.get('utente');
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (!owner) throw invalidRequest('utente obbligatorio');
  if (!type) throw invalidRequest('Content-Type obbligatorio');
  if (body.length === 0) throw invalidRequest('allegato vuoto');
  return soapAnswer('CaricaAllegato', { id: saveAttachment(store.db, { owner, type, content: body }) });
}

/**
 * `UsaAllegati` (`allegato`*, `utente`, `tipoAmmesso`*): claims attachments on their own, as CreaPratica does inside
 * its transaction (claimRequestAttachments): the claim on its own, for the adapter and the tests.
 */
export function useAttachments(store: CrmStore, params: SoapRecord): StandInReply {
  const ids = texts(params, 'allegato');
  if (ids.length === 0) throw invalidRequest('allegato obbligatorio');
  store.transaction(() => claimAttachments(store.db, ids, text(params, 'utente'), texts(params, 'tipoAmmesso')));
  return soapAnswer('UsaAllegati', { allegato: ids });
}

/**
 * CreaPratica's attachments (`allegato`* {id, tipoAmmesso*}, `utente` the viewer): claimed for the pratica. Call it
 * inside CreaPratica's transaction: a refused attachment leaves no pratica, and a refused pratica no attachment used.
 * Answers the ids claimed, which the pratica keeps.
 */
export function claimRequestAttachments(store: CrmStore, params: SoapRecord): string[] {
  const uses = records(params, 'allegato');
  if (uses.length === 0) return [];
  const owner = text(params, 'utente');
  return uses.map((use) => {
    const id = text(use, 'id');
    claimAttachments(store.db, [id], owner, texts(use, 'tipoAmmesso'));
    return id;
  });
}
