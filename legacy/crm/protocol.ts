import type { IncomingMessage } from 'node:http';
import { LegacyFault, type LegacyProtocol, type StandInReply } from '../runtime/server';
import { assistanceOperations, MANUAL_PATH, manualPdf } from './assistance-operations';
import { UPLOAD_PATH, uploadAttachment, useAttachments } from './attachment-operations';
import { contractData } from './contract-data';
import { createRequest, requestOutcome } from './dispositive';
import { readOperations } from './operations';
import { inventoryOperations } from './inventory-operations';
import { PRICE_LIST_PATH, priceListPdf } from './price-list';
import { EXPORT_FILE_PATH, exportFileReply, exportOperations } from './exports';
import { trackingOperations } from './tracking-details';
import { readRequest, soapFault, type SoapRecord } from './soap';
import type { CrmStore } from './store';
import { timTuoOperations } from './tim-tuo';
import { fixedInventoryOperations } from './fixed-inventory';
import { fixedServicesOperations } from './fixed-services';
import { intelligentNetworkOperations } from './intelligent-network';
import { userEmailOperations } from './user-email';
import { registrationOperations } from './registration';
import { companyUserOperations } from './company-users';
import { companyDataOperations } from './company-data';
import { campaignOperations } from './campaigns';
import { simImeiOperations } from './sim-imei';
import { timTuoEmployeeOperations } from './tim-tuo-employee';
import { SUMMARY_MODULE_PATH, summaryModule } from './summary-module';
import { TICKET_FILE_PATH, ticketFile } from './ticket-file';
import { premiumServiceOperations } from './premium-services';
import { lineSwitchedServiceOperations } from './line-switched-services';

/**
 * CRM over SOAP 1.1: `POST /crm/soap`, the operation named by `SOAPAction: "urn:tim:crm#<Op>"` and by the body
 * element, which must agree. Operations are counted under their SOAP name (`GetLineeMobili`, ...).
 */
const SOAP_PATH = '/crm/soap';
const SOAP_ACTION = /^"?urn:tim:crm#(\w+)"?$/;

/** The runtime names its own failures (UNAVAILABLE, INTERNAL); CRM prints them as its internal-error code. */
const crmCode = (code: string) => (code.startsWith('SBL-') ? code : 'SBL-SVC-00100');

export function crmProtocol(store: CrmStore, credentials: { user: string; password: string }, dataDir: string): LegacyProtocol {
  const operations: Record<string, (params: SoapRecord) => StandInReply> = {
    ...readOperations(store),
    CreaPratica: (params) => createRequest(store, params),
    UsaAllegati: (params) => useAttachments(store, params),
    GetEsitoPratica: (params) => requestOutcome(store, params),
    // Issue 13: assistance (service points, manuals, tickets, call backs).
    ...assistanceOperations(store),
    // h-contract: the CM8 contract data and referents (seed 002 §7.1.2-§7.1.3).
    GetDatiContratto: (params) => contractData(store.db, params),
    // issue 11 (h-billing): TIM TUO, company side.
    ...timTuoOperations(store.db),
    // h-tuopost (issue 12): TIM TUO as the employee sees it (seed 002 §9.2.1.1).
    ...timTuoEmployeeOperations(store.db),
    // h-inventory: the CM8 inventory and its export jobs (seed 002 §7.2), tracking details (§7.3.1-§7.3.2).
    ...inventoryOperations(store),
    ...exportOperations(store.db, dataDir),
    ...trackingOperations(store.db),
    // h-invoice (issue 12): the registration e-mail, which "La mia fattura"'s MODIFICA EMAIL changes too.
    ...userEmailOperations(store.db),
    // h-invoice (issue 12): the IMEI of every SIM of a line, One Number secondaries included ("La mia SIM").
    ...simImeiOperations(store.db),
    // issue 20: the spontaneous registration (seed 000).
    ...registrationOperations(store.db),
    // issue 20 item 5: the legal representative's user console (ACC-08).
    ...companyUserOperations(store.db),
    // Issue 21: the fixed inventory by site or service, the fixed lines' services and offers, the intelligent numbers.
    ...fixedInventoryOperations(store),
    ...fixedServicesOperations(store.db),
    ...intelligentNetworkOperations(store.db),
    // Issue 21 (h21-mobile): the premium services and the black list of a contract's lines (MOB-06).
    ...premiumServiceOperations(store.db),
    ...lineSwitchedServiceOperations(store.db),
    // issue 20: the SDI recipient codes of "Dati Aziendali" (ACC-07).
    ...companyDataOperations(store.db),
    // issue 21 (MOB-20): the campaigns of "Offerte per te".
    ...campaignOperations(store.db),
  };
  const expectedAuthorization = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;

  return {
    route(req: IncomingMessage, body: Buffer) {
      const path = new URL(req.url ?? '/', 'http://crm').pathname;
      if (req.method === 'POST' && path === UPLOAD_PATH) return { operation: 'CaricaAllegato', run: () => uploadAttachment(store, req, body) };
      // Issue 13: the manuals' PDFs, fetched by the gateway for a signed download link.
      if (MANUAL_PATH.test(path)) return { operation: 'ScaricaManuale', run: () => manualPdf(req, path) };
      // h-inventory: two files, the price list (price-list.ts) and a completed export (exports.ts).
      const priceList = req.method === 'GET' ? PRICE_LIST_PATH.exec(path) : null;
      if (priceList) return { operation: 'GetListino', run: () => priceListPdf(store, priceList[1]) };
      const exported = req.method === 'GET' ? EXPORT_FILE_PATH.exec(path) : null;
      if (exported) return { operation: 'ScaricaExport', run: () => exportFileReply(store.db, dataDir, exported[1]) };
      // §7.7.7: the ticket monitoring list as a spreadsheet (ticket-file.ts).
      if (req.method === 'GET' && path === TICKET_FILE_PATH) return { operation: 'ScaricaTicket', run: () => ticketFile(store, new URL(req.url ?? '/', 'http://crm')) };
      // A change's summary module, before it is confirmed (summary-module.ts).
      if (req.method === 'GET' && path === SUMMARY_MODULE_PATH) return { operation: 'ScaricaRiepilogo', run: () => summaryModule(new URL(req.url ?? '/', 'http://crm')) };
      if (req.method !== 'POST' || path !== SOAP_PATH) throw new LegacyFault(404, 'SBL-EXL-00151', `Risorsa ${req.method} ${path} inesistente`);
      const action = SOAP_ACTION.exec(String(req.headers.soapaction ?? ''))?.[1];
      const { operation, params } = readRequest(body);
      if (action !== operation) throw new LegacyFault(500, 'SBL-EXL-00151', `SOAPAction "${action ?? ''}" non corrisponde a ${operation}`);
      const handler = operations[operation];
      if (!handler) throw new LegacyFault(500, 'SBL-EXL-00151', `Operazione ${operation} non supportata`);
      return { operation, run: () => handler(params) };
    },

    // SOAP 1.1 answers every fault with HTTP 500, except what the HTTP layer itself refuses (no such path, no auth).
    errorReply: (_operation, status, code, text, detail) => soapFault(status === 401 || status === 404 ? status : 500, crmCode(code), text, detail),

    malform(reply) {
      // A cut answer: the envelope never closes.
      const bytes = Buffer.from(reply.body);
      return { ...reply, body: bytes.subarray(0, Math.floor(bytes.length / 2)) };
    },

    authenticate(req) {
      if (req.headers.authorization === expectedAuthorization) return null;
      return soapFault(401, 'SBL-SEC-00001', 'Credenziali mancanti o non valide');
    },
  };
}
