import { createCrmFixed, type CrmFixed } from './fixed-services';
import type { Dispatcher } from 'undici';
import type {
  Company, Contract, ContractData, CreatedRequest, FixedLine, IsoDate, LineSort, MobileLine, Order, Page, RecordFilter, ServiceRequest, UserProfile,
} from '../domain';
import { GraphError, notFound } from '../errors';
import { createLegacyHttp } from '../http';
import type { ResilienceSettings } from '../resilience/settings';
import { batchesOf } from '../batches';
import { UnusableAnswer } from '../legacy-answer';
import { count, legacyDate } from '../legacy-values';
import {
  companyFromCrm, contractFromCrm, filterParams, fixedLineFromCrm, LINE_SORT, mobileLineFromCrm, orderFromCrm, requestFromCrm, userFromCrm,
} from './mapping';
import { crmAssistance, type CrmAssistance } from './assistance';
import { contractDataFromCrm } from './contract-data';
import { timTuoFromCrm, type TimTuoLine } from './tim-tuo';
import { employeeTimTuoFromCrm, type EmployeeTimTuo } from './tim-tuo-employee';
import { createCrmInventory, type CrmInventory } from './inventory';
import { createCrmPremiumServices, type CrmPremiumServices } from './premium-services';
import { createCrmExports, type CrmExports } from './exports';
import { createCrmUserEmail, type CrmUserEmail } from './user-email';
import { createCrmSdiCodes, type CrmSdiCodes } from './sdi-codes';
import { createCrmCampaigns, type CrmCampaigns } from './campaigns';
import { createCrmRegistration, type CrmRegistration } from './registration';
import { createCrmCompanyUsers, type CrmCompanyUsers } from './company-users';
import { createCrmSimDevices, type CrmSimDevices } from './sim-imei';
import { createCrmTracking, type CrmTracking } from './tracking';
import { callCrm, crmAuthorization, optionalRecord, records, text, type CrmRecord, type SoapParams } from './soap';

/** CRM takes at most 100 ids per call, and serves line lists in pages of at most 100. */
export const CRM_BATCH_LIMIT = 100;

export interface CrmClientOptions {
  url: string;
  user?: string;
  password?: string;
  dispatcher?: Dispatcher;
  connections?: number;
  resilience?: ResilienceSettings;
}

/** What a pratica is about (CreaPratica `oggetto`); `Referent` and `None` also name where the pratica is filed. */
export type RequestTarget =
  | { kind: 'MobileLine' | 'FixedLine' | 'Contract' | 'Company' | 'User'; id: string }
  | { kind: 'Referent'; id: string; contractNumber: string }
  | { kind: 'None'; companyId: string; contractNumber?: string; lineNumber?: string };

export interface CreateRequestInput {
  /** The "Descrizione Pratica" of seed 002 §10, e.g. "Furto/Smarrimento SIM". */
  description: string;
  /** Whether CRM also creates an ordine: the Appendix row's "Ordine" column, never inferred from the description. */
  withOrder: boolean;
  target: RequestTarget;
  reason?: string;
  /** Values the change needs in CRM (`nuovoIccid`, ...), by CRM's names. */
  parameters?: Record<string, string>;
  /**
   * Uploaded documents the pratica uses (CRM claims them in its transaction, for `uploader`, once, of `types` only);
   * `field` is the client's input path, which a refused one is reported on.
   */
  attachments?: readonly { id: string; field: string; types: readonly string[] }[];
  /** CRM's user id of the viewer: only the user who uploaded an attachment may use it. */
  uploader?: string;
  /** Origin of the pratica: "AREA CLIENTI", "CONSIP8". */
  channel: string;
  idempotencyKey: string;
  /** Hash of what was asked (operation, target, input): the same key with another fingerprint is refused. */
  fingerprint: string;
  /**
   * h-review: the fact the pratica records, once per description whatever the keys (`chiaveNaturale`, e.g. a payment's
   * id): a request for a recorded fact is answered its pratica; asking something else about it is LEGACY_REJECTED.
   */
  naturalKey?: string;
  /**
   * The client's key of the list this pratica is one item of, and the whole list's fingerprint: CRM refuses the key
   * used for another list (BAD_USER_INPUT on `input.idempotencyKey`), whose new items have new derived keys.
   */
  list?: ListKey;
}

export interface CrmClient {
  /** By CRM user id (the identity provider's `sub`); `null` when CRM has no such user. */
  getUserProfile(userId: string): Promise<UserProfile | null>;
  /** Lookups aligned with the ids: `null` where CRM has no record. Split into calls of at most 100 ids. */
  getCompanies(ids: readonly string[]): Promise<(Company | null)[]>;
  getContracts(numbers: readonly string[]): Promise<(Contract | null)[]>;
  getMobileLines(numbers: readonly string[]): Promise<(MobileLine | null)[]>;
  getFixedLines(numbers: readonly string[]): Promise<(FixedLine | null)[]>;
  getOrders(ids: readonly string[]): Promise<(Order | null)[]>;
  getRequests(ids: readonly string[]): Promise<(ServiceRequest | null)[]>;
  /** Records matching any id of the filter (at most 100 ids per kind); an empty filter matches nothing. */
  listContracts(filter: RecordFilter): Promise<Contract[]>;
  listMobileLines(filter: RecordFilter, page: { offset: number; limit: number }, sort: LineSort): Promise<Page<MobileLine>>;
  listFixedLines(filter: RecordFilter, page: { offset: number; limit: number }, sort: LineSort): Promise<Page<FixedLine>>;
  /** Orders created between `from` and `to` (inclusive), newest first. */
  listOrders(filter: RecordFilter, from: IsoDate, to: IsoDate): Promise<Order[]>;
  /** Requests opened between `from` and `to` (inclusive), newest first. */
  listRequests(filter: RecordFilter, from: IsoDate, to: IsoDate): Promise<ServiceRequest[]>;
  /**
   * Creates a pratica (and an ordine when told); the same key and fingerprint return the first outcome again. A key
   * used with another fingerprint is BAD_USER_INPUT on `input.idempotencyKey`; an unknown target NOT_FOUND.
   */
  createRequest(input: CreateRequestInput): Promise<CreatedRequest>;
  /** The outcome CreaPratica gave under this key and fingerprint (and list key); null when the key was never used. */
  findCreatedRequest(idempotencyKey: string, fingerprint: string, list?: ListKey): Promise<CreatedRequest | null>;
  /** Issue 13: service points, manuals, device tickets, call backs (assistance.ts). */
  assistance: CrmAssistance;
  // h-contract: the CM8 contract data (GetDatiContratto): referents and delivery addresses, aligned with the numbers.
  getContractData(numbers: readonly string[]): Promise<(ContractData | null)[]>;
  /** issue 11: TIM TUO per line (seed 002 §7.4.5-§7.4.8), aligned with the numbers: `null` where CRM has no such line. */
  getTimTuo(numbers: readonly string[]): Promise<(TimTuoLine | null)[]>;
  /** h-tuopost (issue 12): TIM TUO as the employee sees it (seed 002 §9.2.1.1), aligned with the numbers. */
  getEmployeeTimTuo(numbers: readonly string[]): Promise<(EmployeeTimTuo | null)[]>;
  /** h-inventory: the CM8 inventory (inventory.ts), the export jobs (exports.ts), tracking details (tracking.ts). */
  inventory: CrmInventory;
  exports: CrmExports;
  tracking: CrmTracking;
  /** h-invoice (issue 12): the registration e-mail, changed with "La mia fattura"'s notification address (user-email.ts). */
  userEmail: CrmUserEmail;
  /** h-invoice (issue 12): the IMEI of every SIM of a line, "La mia SIM" (sim-imei.ts). */
  simDevices: CrmSimDevices;
  /** issue 20: the spontaneous registration (registration.ts), which the IdP calls. */
  registration: CrmRegistration;
  /** issue 20 item 5: the customer area's users of a company, the legal representative's console (company-users.ts). */
  companyUsers: CrmCompanyUsers;
  /** Issue 21: the fixed inventory by site or service, fixed services, routing plans, fixed offers (fixed-services.ts). */
  fixed: CrmFixed;
  /** Issue 21 (MOB-06): the premium services and black list of a contract's lines (premium-services.ts). */
  premiumServices: CrmPremiumServices;
  /** issue 20: the company's SDI recipient codes, by contract, customer code and line (sdi-codes.ts; ACC-07). */
  sdiCodes: CrmSdiCodes;
  /** issue 21 (MOB-20): the campaigns of "Offerte per te" (campaigns.ts). */
  campaigns: CrmCampaigns;
  close(): Promise<void>;
}

const isEmpty = (f: RecordFilter) => !f.companyIds?.length && !f.contractNumbers?.length && !f.lineNumbers?.length;

/** A filter CRM would refuse is our own mistake: the subgraphs build filters from grants, never near 100 per kind. */
function checkFilter(f: RecordFilter): void {
  for (const ids of [f.companyIds, f.contractNumbers, f.lineNumbers]) {
    if ((ids?.length ?? 0) > CRM_BATCH_LIMIT) throw new GraphError('INTERNAL', `A CRM list filter holds at most ${CRM_BATCH_LIMIT} ids per kind.`);
  }
}

/**
 * The CRM pages (size, 1-based numbers) that cover `offset..offset+limit`: one page when ours lines up with CRM's,
 * else consecutive pages of 100. A limit of 0 still asks one page of one, for the total.
 */
export function crmPages(offset: number, limit: number): { size: number; numbers: number[] } {
  if (limit === 0) return { size: 1, numbers: [1] };
  if (limit <= CRM_BATCH_LIMIT && offset % limit === 0) return { size: limit, numbers: [offset / limit + 1] };
  const first = Math.floor(offset / CRM_BATCH_LIMIT);
  const last = Math.floor((offset + limit - 1) / CRM_BATCH_LIMIT);
  return { size: CRM_BATCH_LIMIT, numbers: Array.from({ length: last - first + 1 }, (_, i) => first + i + 1) };
}

/** The HTTP channel to CRM with its credentials and policy: the client's, and the uploads' own (attachments.ts). */
export const createCrmHttp = (options: CrmClientOptions) => createLegacyHttp({
  system: 'CRM',
  url: options.url,
  headers: { authorization: crmAuthorization(options.user, options.password) },
  dispatcher: options.dispatcher,
  connections: options.connections,
  resilience: options.resilience,
});

const CRM_TARGET_KINDS: Record<RequestTarget['kind'], string> = {
  MobileLine: 'LINEA_MOBILE', FixedLine: 'LINEA_FISSA', Contract: 'CONTRATTO', Company: 'AZIENDA', Referent: 'REFERENTE', None: 'NESSUNO', User: 'UTENTE',
};

/** A list of pratiche under one client key (CreaPratica's and GetEsitoPratica's `chiaveLista`, `improntaLista`). */
export interface ListKey { key: string; fingerprint: string }
const listParams = (list: ListKey | undefined): SoapParams => (list ? { chiaveLista: list.key, improntaLista: list.fingerprint } : {});

function targetParams(target: RequestTarget): SoapParams {
  const oggetto = { tipo: CRM_TARGET_KINDS[target.kind], id: 'id' in target ? target.id : '' };
  if (target.kind === 'Referent') return { oggetto, numeroContratto: target.contractNumber };
  if (target.kind === 'None') {
    return { oggetto, codiceCliente: target.companyId, ...(target.contractNumber && { numeroContratto: target.contractNumber }),
      ...(target.lineNumber && { numeroLinea: target.lineNumber }) };
  }
  return { oggetto };
}

const createdFromCrm = (operation: string) => (answer: CrmRecord): CreatedRequest => {
  const request = optionalRecord(answer, 'pratica');
  if (!request) throw new UnusableAnswer(`no pratica in ${operation}Response`);
  const order = optionalRecord(answer, 'ordine');
  return { request: requestFromCrm(request), order: order && orderFromCrm(order) };
};

export function createCrmClient(options: CrmClientOptions): CrmClient {
  const http = createCrmHttp(options);
  const call = <R, N = never>(operation: string, params: SoapParams, read: (answer: CrmRecord) => R, onNotFound?: () => N) =>
    callCrm(http, operation, params, read, onNotFound);

  /** Looks ids up in calls of at most 100 and aligns the answers with the ids. */
  async function lookup<T>(ids: readonly string[], operation: string, idParam: string, answerElement: string, key: (item: T) => string,
    map: (r: CrmRecord) => T): Promise<(T | null)[]> {
    const answers = await Promise.all(batchesOf(ids, CRM_BATCH_LIMIT).map((batch) =>
      call(operation, { [idParam]: batch }, (answer) => records(answer, answerElement).map(map))));
    const byKey = new Map(answers.flat().map((item) => [key(item), item]));
    return ids.map((id) => byKey.get(id) ?? null);
  }

  async function listLines<T>(operation: string, map: (r: CrmRecord) => T, filter: RecordFilter, { offset, limit }: { offset: number; limit: number },
    sort: LineSort): Promise<Page<T>> {
    if (isEmpty(filter)) return { totalCount: 0, items: [] };
    checkFilter(filter);
    const pages = crmPages(offset, limit);
    const answers = await Promise.all(pages.numbers.map((page) => call(operation, {
      filtro: filterParams(filter), pagina: String(page), dimensionePagina: String(pages.size), ordinamento: LINE_SORT[sort],
    }, (answer) => ({ total: count(text(answer, 'totale')), items: records(answer, 'linea').map(map) }))));
    const skipped = offset - (pages.numbers[0] - 1) * pages.size;
    return { totalCount: answers[0].total, items: answers.flatMap((a) => a.items).slice(skipped, skipped + limit) };
  }

  async function listHistory<T>(operation: string, element: string, map: (r: CrmRecord) => T, filter: RecordFilter, from: IsoDate, to: IsoDate): Promise<T[]> {
    if (isEmpty(filter)) return [];
    checkFilter(filter);
    return call(operation, { filtro: filterParams(filter), dal: legacyDate(from), al: legacyDate(to) }, (answer) => records(answer, element).map(map));
  }

  return {
    getUserProfile: (userId) =>
      callCrm(http, 'GetProfiloUtente', { idUtente: userId }, (answer) => {
        const user = optionalRecord(answer, 'utente');
        if (!user) throw new UnusableAnswer('no utente in GetProfiloUtenteResponse');
        return userFromCrm(user);
      }, () => null),

    getCompanies: (ids) => lookup(ids, 'GetAziende', 'codiceCliente', 'azienda', (c) => c.id, companyFromCrm),
    getContracts: (numbers) => lookup(numbers, 'GetContratti', 'numero', 'contratto', (c) => c.number, contractFromCrm),
    getMobileLines: (numbers) => lookup(numbers, 'GetLineeMobili', 'numero', 'linea', (l) => l.number, mobileLineFromCrm),
    getFixedLines: (numbers) => lookup(numbers, 'GetLineeFisse', 'numero', 'linea', (l) => l.number, fixedLineFromCrm),
    getOrders: (ids) => lookup(ids, 'GetOrdini', 'id', 'ordine', (o) => o.id, orderFromCrm),
    getRequests: (ids) => lookup(ids, 'GetPratiche', 'id', 'pratica', (r) => r.id, requestFromCrm),

    async listContracts(filter) {
      if (isEmpty(filter)) return [];
      checkFilter(filter);
      return call('ListaContratti', { filtro: filterParams(filter) }, (answer) => records(answer, 'contratto').map(contractFromCrm));
    },
    listMobileLines: (filter, page, sort) => listLines('ListaLineeMobili', mobileLineFromCrm, filter, page, sort),
    listFixedLines: (filter, page, sort) => listLines('ListaLineeFisse', fixedLineFromCrm, filter, page, sort),
    listOrders: (filter, from, to) => listHistory('ListaOrdini', 'ordine', orderFromCrm, filter, from, to),
    listRequests: (filter, from, to) => listHistory('ListaPratiche', 'pratica', requestFromCrm, filter, from, to),

    createRequest: (input) =>
      callCrm(http, 'CreaPratica', {
        descrizione: input.description,
        ordine: input.withOrder ? 'SI' : 'NO',
        ...targetParams(input.target),
        ...(input.reason !== undefined && { motivo: input.reason }),
        ...(input.parameters && { parametro: Object.entries(input.parameters).map(([nome, valore]) => ({ nome, valore })) }),
        ...(input.attachments && {
          allegato: input.attachments.map((a) => ({ id: a.id, tipoAmmesso: [...a.types] })), utente: input.uploader ?? '',
        }),
        canale: input.channel,
        chiaveIdempotenza: input.idempotencyKey,
        impronta: input.fingerprint,
        ...(input.naturalKey !== undefined && { chiaveNaturale: input.naturalKey }),
        ...listParams(input.list),
      }, createdFromCrm('CreaPratica'), () => {
        throw notFound('This record');
      }, Object.fromEntries((input.attachments ?? []).map((a) => [a.id, a.field]))),

    findCreatedRequest: (idempotencyKey, fingerprint, list) =>
      callCrm(http, 'GetEsitoPratica', { chiaveIdempotenza: idempotencyKey, impronta: fingerprint, ...listParams(list) },
        createdFromCrm('GetEsitoPratica'), () => null),

    // Issue 13: the assistance pages' reads.
    assistance: crmAssistance(call),
    getContractData: (numbers) => lookup(numbers, 'GetDatiContratto', 'numero', 'datiContratto', (d) => d.contractNumber, contractDataFromCrm),

    getTimTuo: (numbers) => lookup(numbers, 'GetTimTuo', 'numero', 'lineaTimTuo', (t) => t.number, timTuoFromCrm),
    // h-tuopost (issue 12)
    getEmployeeTimTuo: (numbers) => lookup(numbers, 'GetTimTuoDipendente', 'numero', 'dipendenteTimTuo', (t) => t.number, employeeTimTuoFromCrm),
    inventory: createCrmInventory(call),
    exports: createCrmExports(call),
    tracking: createCrmTracking(call),
    userEmail: createCrmUserEmail(call),
    simDevices: createCrmSimDevices(call, CRM_BATCH_LIMIT),
    registration: createCrmRegistration(call),
    companyUsers: createCrmCompanyUsers(call),
    fixed: createCrmFixed(call, CRM_BATCH_LIMIT),
    premiumServices: createCrmPremiumServices(call),
    sdiCodes: createCrmSdiCodes(call),
    campaigns: createCrmCampaigns(call),

    close: () => http.close(),
  };
}
