import { exportFilePath } from '../../adapters/crm/exports';
import { badUserInput, notFound } from '../../adapters/errors';
import type { ExportFormat, ExportJob } from '../../adapters/inventory-domain';
import { fingerprint } from '../runtime/dispositive/fingerprint';
import { LIST_FILE_TYPES } from '../runtime/downloads';
import type { Resolvers, SubgraphContext } from '../runtime/server';
import { checkIdempotencyKey } from '../runtime/validators/idempotency-key';
import { consoleCompany } from './user-console';

/**
 * issue 20 item 5 (ACC-08; seed 000 "Gestione utenze": "esportarle in xls"): the legal representative exports the
 * whole list of his company's users through CRM's export jobs, the mechanism of the CM8 exports (seed 002 §7.2.4,
 * subgraphs/mobile/exports.ts): `RichiediExport` of type UtentiAzienda for the customer, written by CRM's worker,
 * fetched through a signed download link once COMPLETED. Like those, it is not a pratica, and keeps the engine's
 * idempotency contract (the key scoped to the user, the fingerprint of what was asked).
 */
interface ExportInput { companyId?: string | null; format?: ExportFormat; idempotencyKey: string }

const FORMATS: readonly ExportFormat[] = ['CSV', 'XLSX'];

async function exportFields(job: ExportJob, { identity, downloads }: SubgraphContext) {
  const file = { system: 'CRM' as const, path: exportFilePath(job.id), fileName: `utenze-${job.id}.${job.format.toLowerCase()}`, contentType: LIST_FILE_TYPES[job.format] };
  return {
    id: job.id, companyId: job.contractNumber, format: job.format, status: job.status, requestedOn: job.requestedOn, rows: job.rows,
    // Signed only for a completed job, and only for its owner: CRM lists a user's jobs to him alone.
    fileUrl: job.status === 'COMPLETED' ? await downloads.urlFor(file, identity.userId) : null,
  };
}

export const usersExportResolvers = {
  Query: {
    async companyUsersExports(_root, _args, context) {
      const jobs = (await context.legacy.crm.exports.list(context.identity.userId)).filter((job) => job.kind === 'COMPANY_USERS');
      return Promise.all(jobs.map((job) => exportFields(job, context)));
    },
  },
  Mutation: {
    async requestCompanyUsersExport(_root, { input }: { input: ExportInput }, context) {
      const key = checkIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
      const format = input.format ?? 'XLSX';
      if (!FORMATS.includes(format)) throw badUserInput('input.format', 'must be CSV or XLSX');
      const companyId = consoleCompany(context, input.companyId, 'input.companyId');
      if (!companyId) throw notFound('This company');
      const { userId } = context.identity;
      const job = await context.legacy.crm.exports.request({
        userId, contractNumber: companyId, kind: 'COMPANY_USERS', format, idempotencyKey: `${userId}:${key}`,
        fingerprint: fingerprint('requestCompanyUsersExport', companyId, { format }),
      });
      if (!job) throw notFound('This company');
      return exportFields(job, context);
    },
  },
} satisfies Resolvers;
