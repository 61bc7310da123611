import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { batchSizeOf } from '../batches';
import { badUserInput, legacyRejected, legacyUnavailable } from '../errors';
import { logLegacyFailure, type LegacyHttp, type LegacyResponse } from '../http';
import { readAnswer, UnusableAnswer } from '../legacy-answer';

/**
 * CRM's SOAP 1.1 protocol (ARCHITECTURE.md, "CRM"): the request envelope, the answer element, and what a fault
 * means for the graph. Legacy text (faultstring) only ever goes to the log.
 */
const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const CRM_NS = 'urn:tim:crm';
const SOAP_PATH = '/crm/soap';

/** Request parameters: text, repeated text (lists), or nested elements such as `filtro`. */
export type SoapParams = { [name: string]: string | string[] | SoapParams | SoapParams[] };
/** An element of an answer as parsed: text, a nested record, or a list of either. */
export type CrmRecord = Record<string, unknown>;

/** CRM's "no such record". */
const NOT_FOUND = 'SBL-DAT-00225';
/** CRM's "this attachment cannot be used" (unknown, someone else's, already used, wrong type); names it in `allegato`. */
const ATTACHMENT_REFUSED = 'SBL-ATT-00001';

/** CRM's HTTP Basic credentials (defaults: the stand-in's). */
export const crmAuthorization = (user = 'onegraph', password = 'onegraph') =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** An idempotency key already used for another request (another operation, target or input): the client's mistake. */
const KEY_REUSED = 'SBL-IDM-00409';

/** Faults that are CRM refusing on business grounds, in our words. Every other fault means CRM is unusable. */
const REFUSALS: Record<string, string> = {
  'SBL-BRL-00110': "The line's current status does not allow this operation.",
  'SBL-EXL-00151': 'CRM refused the request as invalid.',
  // h-contract: a new referent CRM does not know (seed 002 §7.1.2).
  'SBL-BRL-00120': "CRM does not know this person: give the new referent's first name and surname.",
  // h-review: a fact already recorded by a pratica asked otherwise (CreaPratica's `chiaveNaturale`).
  'SBL-BRL-00130': 'This has already been requested, with other data: it is recorded as it was first asked.',
  // issue 20 (ACC-08): a console change CRM re-checked (legacy/crm/company-users.ts).
  'SBL-BRL-00140': 'CRM refused this change of a user: the line has a user already, or the user changed meanwhile.',
};

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });
// jPath: false: no callback of ours reads the element path, and building it as a string for every element was about
// a third of the parse time of a 100-line page (bench/RESULTS.md "Where the CPU goes").
const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, parseTagValue: false, trimValues: true, jPath: false });

export function requestEnvelope(operation: string, params: SoapParams): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({
    'soapenv:Envelope': {
      '@_xmlns:soapenv': SOAP_ENV,
      'soapenv:Body': { [`crm:${operation}`]: { '@_xmlns:crm': CRM_NS, ...params } },
    },
  })}`;
}

class CrmFault {
  constructor(readonly code: string, readonly text: string, readonly detail: CrmRecord) {}
}

const isRecord = (v: unknown): v is CrmRecord => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `<Op>Response` element of a good answer, or the fault CRM answered with. */
function parseAnswer(operation: string, res: LegacyResponse): CrmRecord | CrmFault {
  const xml = res.body.toString('utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new UnusableAnswer(`HTTP ${res.status}: unreadable XML (${valid.err.msg})`);
  const envelope = (parser.parse(xml) as CrmRecord).Envelope;
  const body = isRecord(envelope) ? envelope.Body : undefined;
  if (!isRecord(body)) throw new UnusableAnswer(`HTTP ${res.status}: no SOAP body`);
  const fault = body.Fault;
  if (isRecord(fault)) {
    const detail = isRecord(fault.detail) && isRecord(fault.detail.errore) ? fault.detail.errore : {};
    const code = typeof detail.codice === 'string' ? detail.codice : String(fault.faultcode);
    const crmFault = new CrmFault(code, String(fault.faultstring), detail);
    // SOAP 1.1 faults travel with HTTP 500; a fault on another status is the HTTP layer refusing (e.g. credentials).
    if (res.status !== 500) throw new UnusableAnswer(`HTTP ${res.status}: ${crmFault.code} ${crmFault.text}`);
    return crmFault;
  }
  const answer = body[`${operation}Response`];
  if (res.status !== 200 || (answer !== '' && !isRecord(answer))) throw new UnusableAnswer(`HTTP ${res.status}: no ${operation}Response`);
  return isRecord(answer) ? answer : {};
}

/** Attachment id → the input field that sent it, so that a refused attachment names the client's own field. */
export type AttachmentFields = Readonly<Record<string, string>>;

/**
 * Calls one CRM operation and reads its answer with `read`. A fault becomes a GraphError: "not found" goes to
 * `onNotFound` when the caller expects it, business refusals become LEGACY_REJECTED, a refused attachment
 * BAD_USER_INPUT naming its field (`attachmentFields`), and everything else (transport, 5xx, unreadable answer,
 * unexpected fault) LEGACY_UNAVAILABLE.
 */
export async function callCrm<R, N = never>(
  http: LegacyHttp, operation: string, params: SoapParams, read: (answer: CrmRecord) => R, onNotFound?: () => N,
  attachmentFields: AttachmentFields = {},
): Promise<R | N> {
  // CreaPratica is the one write; it is sent once, and a client retry is safe thanks to its idempotency key.
  return http.call({
    method: 'POST', path: SOAP_PATH, operation, kind: operation === 'CreaPratica' ? 'write' : 'read', batchSize: batchSizeOf(params),
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${CRM_NS}#${operation}"` },
    body: requestEnvelope(operation, params),
  }, (res) => readCrmAnswer(operation, res, read, onNotFound, attachmentFields));
}

/** Reads one CRM answer (`<operation>Response` or a fault) as `callCrm` describes; for calls that are not SOAP requests. */
export function readCrmAnswer<R, N = never>(
  operation: string, res: LegacyResponse, read: (answer: CrmRecord) => R, onNotFound?: () => N, attachmentFields: AttachmentFields = {},
): R | N {
  const outcome = readAnswer('CRM', operation, res, (r) => {
    const answer = parseAnswer(operation, r);
    return answer instanceof CrmFault ? answer : { value: read(answer) };
  });
  if (!(outcome instanceof CrmFault)) return outcome.value;
  if (outcome.code === NOT_FOUND && onNotFound) return onNotFound();
  if (outcome.code === KEY_REUSED) {
    throw badUserInput('input.idempotencyKey', 'was already used for another operation, target or input: use a new key for each operation');
  }
  logLegacyFailure('CRM', operation, res.correlationId, `${outcome.code} ${outcome.text}`);
  if (outcome.code === ATTACHMENT_REFUSED) {
    const id = typeof outcome.detail.allegato === 'string' ? outcome.detail.allegato : '';
    throw badUserInput(attachmentFields[id] ?? 'attachments',
      'this upload cannot be used: an upload serves one request of the user who sent it, and must be of the type asked for.');
  }
  const refusal = REFUSALS[outcome.code];
  if (refusal) throw legacyRejected('CRM', refusal, res.correlationId);
  throw legacyUnavailable('CRM', res.correlationId);
}

/** A required text element. */
export function text(r: CrmRecord, field: string): string {
  const value = r[field];
  if (typeof value !== 'string') throw new UnusableAnswer(`element "${field}" missing or not text`);
  return value;
}

/** A text element where empty (or absent) means "none". */
export function optionalText(r: CrmRecord, field: string): string | null {
  const value = r[field];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') throw new UnusableAnswer(`element "${field}" is not text`);
  return value;
}

/** A repeated element: none, one or many. */
function repeated(r: CrmRecord, field: string): unknown[] {
  const value = r[field];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function records(r: CrmRecord, field: string): CrmRecord[] {
  const values = repeated(r, field);
  if (!values.every(isRecord)) throw new UnusableAnswer(`element "${field}" is not a record`);
  return values;
}

export function texts(r: CrmRecord, field: string): string[] {
  const values = repeated(r, field);
  if (!values.every((v): v is string => typeof v === 'string')) throw new UnusableAnswer(`element "${field}" is not text`);
  return values;
}

/** A nested element where empty (or absent) means "none". */
export function optionalRecord(r: CrmRecord, field: string): CrmRecord | null {
  const value = r[field];
  if (value === undefined || value === '') return null;
  if (!isRecord(value)) throw new UnusableAnswer(`element "${field}" is not a record`);
  return value;
}
