import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { LegacyFault, type StandInReply } from '../runtime/server';

/**
 * CRM's SOAP 1.1 envelope as the stand-in reads and writes it (ARCHITECTURE.md, "CRM"): body element `crm:<Op>`,
 * answer `crm:<Op>Response`, repeated elements for lists, faults as HTTP 500 with `detail/crm:errore/codice`.
 */
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const CRM_NS = 'urn:tim:crm';

/** What a request element holds: text, nested elements, or repeated ones. */
export type SoapValue = string | SoapRecord | SoapValue[];
export interface SoapRecord { [name: string]: SoapValue }

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true });
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

export const invalidRequest = (text: string) => new LegacyFault(500, 'SBL-EXL-00151', `Richiesta non valida: ${text}`);

/** The operation named by the body element and its parameters. */
export function readRequest(body: Buffer): { operation: string; params: SoapRecord } {
  const xml = body.toString('utf8');
  if (XMLValidator.validate(xml) !== true) throw invalidRequest('XML non leggibile');
  const envelope = (parser.parse(xml) as SoapRecord).Envelope as SoapRecord | undefined;
  const soapBody = envelope?.Body;
  if (typeof soapBody !== 'object' || Array.isArray(soapBody)) throw invalidRequest('Envelope/Body mancante');
  const [operation, params] = Object.entries(soapBody)[0] ?? [];
  if (!operation) throw invalidRequest('operazione mancante');
  return { operation, params: typeof params === 'object' && !Array.isArray(params) ? params : {} };
}

function envelope(content: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
    'soapenv:Envelope': { '@_xmlns:soapenv': SOAP_ENV, 'soapenv:Body': content },
  })}`;
}

export const xmlReply = (status: number, body: string): StandInReply => ({ status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body });

/** A successful answer: `crm:<Op>Response` holding `content` (arrays repeat their element). */
export function soapAnswer(operation: string, content: Record<string, unknown>): StandInReply {
  return xmlReply(200, envelope({ [`crm:${operation}Response`]: { '@_xmlns:crm': CRM_NS, ...content } }));
}

/**
 * A SOAP fault: `soapenv:Server` for CRM's own failures (`SBL-SVC-*`), `soapenv:Client` for the caller's. `detail`
 * adds elements next to `codice` (e.g. `allegato`, the attachment at fault).
 */
export function soapFault(status: number, code: string, text: string, detail: Record<string, string> = {}): StandInReply {
  return xmlReply(status, envelope({
    'soapenv:Fault': {
      faultcode: code.startsWith('SBL-SVC') ? 'soapenv:Server' : 'soapenv:Client',
      faultstring: text,
      detail: { 'crm:errore': { '@_xmlns:crm': CRM_NS, codice: code, ...detail } },
    },
  }));
}

/** Reads the elements of a request: one value, or every repetition of a list element. */
export function texts(params: SoapRecord, name: string): string[] {
  const value = params[name];
  if (value === undefined) return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v): v is string => typeof v === 'string')) throw invalidRequest(`${name} deve contenere testo`);
  return values;
}

export function text(params: SoapRecord, name: string): string {
  const [value, ...more] = texts(params, name);
  if (value === undefined || value === '' || more.length > 0) throw invalidRequest(`${name} obbligatorio`);
  return value;
}

export function optionalText(params: SoapRecord, name: string): string | null {
  const values = texts(params, name);
  if (values.length > 1) throw invalidRequest(`${name} ripetuto`);
  return values[0] || null;
}

export function record(params: SoapRecord, name: string): SoapRecord {
  const value = params[name];
  if (value === undefined || value === '') return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidRequest(`${name} non valido`);
  return value;
}

/** Every repetition of a nested element (`<parametro>` …), none when absent. */
export function records(params: SoapRecord, name: string): SoapRecord[] {
  const value = params[name];
  if (value === undefined || value === '') return [];
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v): v is SoapRecord => typeof v === 'object' && v !== null && !Array.isArray(v))) throw invalidRequest(`${name} non valido`);
  return values;
}
