import { exportFilePath } from '../../adapters/crm/exports';
import type { IsoDate } from '../../adapters/domain';
import { badUserInput, notFound } from '../../adapters/errors';
import { HISTORY_EXPORT_KINDS, type ExportFormat, type ExportJob, type ExportKind } from '../../adapters/inventory-domain';
import type { DayRange } from '../runtime/calendar';
import { requestsHistoryWindow } from '../tracking/windows';
import { workingContract } from '../runtime/cm8-contract';
import { LIST_FILE_TYPES } from '../runtime/downloads';
import { fingerprint } from '../runtime/dispositive/fingerprint';
import { profilesAllowed } from '../runtime/policy/directives';
import type { SubgraphContext } from '../runtime/server';
import { checkIdempotencyKey } from '../runtime/validators/idempotency-key';

/**
 * "I miei Export" (seed 002 §7.2.4; MOB-09). CRM holds the jobs, per user: the graph asks for one, lists the
 * viewer's, deletes one, and signs a download link for a completed one. Requesting an export is not a pratica (it
 * changes nothing of the contract and Appendix 1 has no row for it), so it does not go through the dispositive
 * engine; it keeps the engine's idempotency contract all the same: the key scoped to the user, the fingerprint of
 * what was asked, the same job for a retry and BAD_USER_INPUT for the key reused with another input.
 */
interface RequestExportInput { kind: ExportKind; format: ExportFormat; contractNumber?: string | null; idempotencyKey: string }

const CONTENT_TYPES: Record<ExportFormat, string> = LIST_FILE_TYPES;
/** CRM's export job ids (`RichiediExport`'s `esportazione/id`). */
const EXPORT_ID = /^EXP-\d{1,20}$/;

export const exportQueries = {
  // The legal representative's exports of his company's users (issue 20, ACC-08) are his console's, not "I miei Export".
  myExports: async (_root: unknown, _args: unknown, { identity, legacy }: SubgraphContext) =>
    (await legacy.crm.exports.list(identity.userId)).filter((job) => job.kind !== 'COMPANY_USERS'),
};

/**
 * One export request for the field's own profiles (its @allow): the contract settled, the key scoped to the user,
 * the fingerprint of what was asked (the history's days included).
 */
async function askForExport(field: string, context: SubgraphContext, input: RequestExportInput, window?: DayRange): Promise<ExportJob> {
  const key = checkIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
  const contract = await workingContract(context, profilesAllowed(context.policy, 'Mutation', field), input.contractNumber, 'input.contractNumber');
  if (!contract) throw notFound('This contract');
  const { userId } = context.identity;
  const asked = { kind: input.kind, format: input.format, window };
  const job = await context.legacy.crm.exports.request({
    userId, contractNumber: contract, ...asked, idempotencyKey: `${userId}:${key}`, fingerprint: fingerprint(field, contract, asked),
  });
  if (!job) throw notFound('This contract');
  return job;
}

export const exportMutations = {
  requestExport(_root: unknown, { input }: { input: RequestExportInput }, context: SubgraphContext): Promise<ExportJob> {
    if (HISTORY_EXPORT_KINDS.includes(input.kind)) throw badUserInput('input.kind', 'a history is exported with requestHistoryExport');
    return askForExport('requestExport', context, input);
  },
  // The histories' own window (TRK-04, TRK-05): the 10 days before the date, refused in the future or too far back.
  requestHistoryExport: (_root: unknown, { input }: { input: RequestExportInput & { before?: IsoDate | null } }, context: SubgraphContext) =>
    askForExport('requestHistoryExport', context, input, requestsHistoryWindow(input.before)),
  // A malformed id is the client's mistake (BAD_USER_INPUT), not a job that does not exist (issue 19).
  deleteExport: (_root: unknown, { input }: { input: { id: string } }, { identity, legacy }: SubgraphContext) => {
    if (!EXPORT_ID.test(input.id)) throw badUserInput('input.id', 'must be an export id, e.g. EXP-00000001');
    return legacy.crm.exports.remove(identity.userId, input.id);
  },
};

export const exportJobFields = {
  // Signed only for a completed job, and only ever for its owner: CRM lists a user's jobs to that user alone.
  download: async (job: ExportJob, _args: unknown, { identity, downloads }: SubgraphContext) => {
    if (job.status !== 'COMPLETED') return null;
    const file = { system: 'CRM' as const, path: exportFilePath(job.id), fileName: `${job.typeName}-${job.id}.${job.format.toLowerCase()}`,
      contentType: CONTENT_TYPES[job.format] };
    return { fileName: file.fileName, contentType: file.contentType, url: await downloads.urlFor(file, identity.userId) };
  },
};
