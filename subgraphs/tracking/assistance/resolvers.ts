import { ticketFilePath } from '../../../adapters/crm/assistance';
import type { Manual, RequestWithDetail } from '../../../adapters/domain';
import { LIST_FILE_TYPES } from '../../runtime/downloads';
import type { Identity } from '../../runtime/identity';
import { recordFilter } from '../../runtime/records';
import type { Resolvers, SubgraphContext } from '../../runtime/server';
import { checkProvince } from '../../runtime/validators/postal-address';
import { checkOptionalText } from '../../runtime/validators/text';
import { CALL_BACK_TOPICS, CALL_BACK_WINDOWS } from '../operations/contact-requests';
import { advancedServicesFor } from './advanced-services';
import { contactsFor } from './contacts';
import { FAQ, type FaqSection } from './faq';

/**
 * Issue 13's pages on the graph (schema/tracking.graphql, "assistance"): contacts, FAQ and call backs for every
 * profile; tickets, service points, manuals and the advanced services' links for the ROA (and messaging for
 * REF_MESSAGING). The shield has checked each field's @allow; these resolvers scope what they return.
 */
const profilesOf = (identity: Identity) => [...new Set(identity.grants.map((g) => g.profile))];

/** A value CRM keeps as text, if it is one the SDL's enum knows; else null rather than an error on the page. */
const known = <T extends string>(value: string | undefined, values: readonly T[]): T | null => (values.includes(value as T) ? value as T : null);

const DEVICE_EVENTS = { FURTO: 'THEFT', SMARRIMENTO: 'LOSS', GUASTO: 'FAULT' } as const;
const DELIVERIES = { SEDE_CLIENTE: 'CUSTOMER_SITE', PUNTO_ASSISTENZA: 'SERVICE_POINT' } as const;
const lookup = <M extends Record<string, string>>(map: M, value: string | undefined): M[keyof M] | null =>
  (value !== undefined && value in map ? map[value as keyof M] : null);

const ticketFields = ({ request, detail }: RequestWithDetail) => ({
  id: request.id, status: request.status, openedOn: request.openedOn, closedOn: request.closedOn, contractNumber: request.contractNumber,
  event: lookup(DEVICE_EVENTS, detail.evento), imei: detail.imei ?? null, device: detail.apparato ?? null,
  delivery: lookup(DELIVERIES, detail.consegna), deliveryAddress: detail.indirizzo ?? null, servicePointId: detail.puntoAssistenza ?? null,
});

const callBackFields = ({ request, detail }: RequestWithDetail) => ({
  id: request.id, topic: known(detail.argomento, CALL_BACK_TOPICS), phone: detail.telefono ?? '', window: known(detail.fascia, CALL_BACK_WINDOWS),
  status: request.status, bookedOn: request.openedOn,
});

/** Tickets are the ROA's page: the contracts he is ROA of, whatever else the same user may hold. */
function roaFilter(identity: Identity) {
  return recordFilter({ ...identity, grants: identity.grants.filter((g) => g.profile === 'ROA') }, 'Request');
}

export const assistanceQueries = {
  assistanceContacts: (_root: unknown, _args: unknown, { identity }: SubgraphContext) => contactsFor(profilesOf(identity)),
  faq: (_root: unknown, { section }: { section?: FaqSection | null }) => FAQ.filter((entry) => !section || entry.section === section),
  callBacks: async (_root: unknown, _args: unknown, { identity, legacy }: SubgraphContext) =>
    (await legacy.crm.assistance.callBacks(identity.userId)).map(callBackFields),
  async tickets(_root: unknown, _args: unknown, { identity, legacy }: SubgraphContext) {
    const filter = roaFilter(identity);
    return filter ? (await legacy.crm.assistance.tickets(filter)).map(ticketFields) : [];
  },
  ticketsFileUrl(_root: unknown, _args: unknown, { identity, downloads }: SubgraphContext) {
    const filter = roaFilter(identity);
    return filter ? downloads.urlFor({ system: 'CRM', path: ticketFilePath(filter), fileName: 'ticket.xlsx', contentType: LIST_FILE_TYPES.XLSX }, identity.userId) : null;
  },
  servicePoints: (_root: unknown, args: { province: unknown; town?: unknown }, { legacy }: SubgraphContext) =>
    legacy.crm.assistance.servicePoints(checkProvince(args.province, 'province'), checkOptionalText(args.town, 'town', 60)?.toUpperCase() ?? null),
  manuals: (_root: unknown, _args: unknown, { legacy }: SubgraphContext) => legacy.crm.assistance.manuals(),
  advancedServices: (_root: unknown, _args: unknown, { identity }: SubgraphContext) => advancedServicesFor(profilesOf(identity)),
};

export const assistanceTypes: Resolvers = {
  Manual: {
    // A signed link to CRM's copy, for this viewer: no legacy call until the link is followed (README "Files").
    documentUrl: (manual: Manual, _args, { identity, downloads }: SubgraphContext) =>
      downloads.urlFor({ system: 'CRM', path: manual.path, fileName: manual.fileName, contentType: 'application/pdf' }, identity.userId),
  },
};
