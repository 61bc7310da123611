import type { Page, Profile } from '../domain';
import { batchesOf } from '../batches';
import { count, optionalIsoDate } from '../legacy-values';
import { crmPages, CRM_BATCH_LIMIT } from './client';
import type { CrmCall } from './inventory';
import { word } from './mapping';
import { optionalText, records, text, type CrmRecord } from './soap';

/**
 * issue 20 item 5 (ACC-08, seed 000 "Gestione utenze"): the customer area's users of a company as CRM holds them
 * (`ListaUtentiAzienda`, `GetUtentiAzienda`: legacy/crm/company-users.ts). Their changes are pratiche (CreaPratica).
 */
export type CompanyUserStatus = 'ACTIVE' | 'DISABLED' | 'TO_REGISTER' | 'PENDING_ACCEPTANCE' | 'DELETED';

export interface CompanyUser {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  companyId: string;
  line: string | null;
  profile: Profile;
  status: CompanyUserStatus;
  createdOn: string | null;
  mobile: string | null;
  email: string | null;
}

export interface CompanyUserFilter { search?: string; status?: CompanyUserStatus }

export interface CrmCompanyUsers {
  list(companyId: string, filter: CompanyUserFilter, page: { offset: number; limit: number }): Promise<Page<CompanyUser>>;
  /** Aligned with the ids: null where CRM has no customer-area user; a deleted one is DELETED. */
  get(ids: readonly string[]): Promise<(CompanyUser | null)[]>;
}

const STATUS_WORDS: Record<string, CompanyUserStatus> = {
  ATTIVA: 'ACTIVE', DISATTIVATA: 'DISABLED', DA_REGISTRARE: 'TO_REGISTER', IN_ACCETTAZIONE: 'PENDING_ACCEPTANCE', ELIMINATA: 'DELETED',
};
const userStatus = word<CompanyUserStatus>(STATUS_WORDS, 'user status');
const CRM_STATUS = Object.fromEntries(Object.entries(STATUS_WORDS).map(([crm, ours]) => [ours, crm]));
const profile = word<Profile>({ RL: 'RL', AF: 'AF', AL: 'AL', UT: 'UT', UTD: 'UTD', CC: 'CC' }, 'console profile');

function companyUserFromCrm(r: CrmRecord): CompanyUser {
  return {
    id: text(r, 'id'),
    username: text(r, 'username'),
    firstName: text(r, 'nome'),
    lastName: text(r, 'cognome'),
    companyId: text(r, 'codiceCliente'),
    line: optionalText(r, 'numeroLinea'),
    profile: profile(text(r, 'profilo')),
    status: userStatus(text(r, 'stato')),
    createdOn: optionalIsoDate(optionalText(r, 'dataCreazione') ?? ''),
    mobile: optionalText(r, 'cellulare'),
    email: optionalText(r, 'email'),
  };
}

export function createCrmCompanyUsers(call: CrmCall): CrmCompanyUsers {
  return {
    async list(companyId, filter, { offset, limit }) {
      const pages = crmPages(offset, limit);
      const answers = await Promise.all(pages.numbers.map((page) => call('ListaUtentiAzienda', {
        codiceCliente: companyId,
        ...(filter.search && { cerca: filter.search }),
        ...(filter.status && { stato: CRM_STATUS[filter.status] }),
        pagina: String(page), dimensionePagina: String(pages.size),
      }, (answer) => ({ total: count(text(answer, 'totale')), items: records(answer, 'utente').map(companyUserFromCrm) }))));
      const skipped = offset - (pages.numbers[0] - 1) * pages.size;
      return { totalCount: answers[0].total, items: answers.flatMap((a) => a.items).slice(skipped, skipped + limit) };
    },
    async get(ids) {
      const found = (await Promise.all(batchesOf(ids, CRM_BATCH_LIMIT).map((batch) => call('GetUtentiAzienda', { id: [...batch] }, (answer) => records(answer, 'utente').map(companyUserFromCrm))))).flat();
      const byId = new Map(found.map((u) => [u.id, u]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}
