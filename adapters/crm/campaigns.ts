import type { IsoDate } from '../domain';
import { isoDate, optionalIsoDate } from '../legacy-values';
import type { CrmCall } from './inventory';
import { records, text } from './soap';

/**
 * Issue 21 (MOB-20, seed 000 "Offerte per te"): the campaigns a customer is in, running today, as CRM lists them
 * (`ListaCampagne`), with the sorting page a customer in several campaigns lands on.
 */
export interface OfferCampaign {
  id: string;
  title: string;
  description: string;
  offer: string;
  landingUrl: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** The day the customer activated the offer; null until then. */
  activatedOn: IsoDate | null;
}
export interface CustomerCampaigns { sortingPageUrl: string; campaigns: OfferCampaign[] }

export interface CrmCampaigns {
  /** The company's running campaigns; null when CRM does not know the company. */
  list(companyId: string): Promise<CustomerCampaigns | null>;
}

export function createCrmCampaigns(call: CrmCall): CrmCampaigns {
  return {
    list: (companyId) => call('ListaCampagne', { codiceCliente: companyId }, (answer) => ({
      sortingPageUrl: text(answer, 'urlSmistamento'),
      campaigns: records(answer, 'campagna').map((r) => ({
        id: text(r, 'id'), title: text(r, 'titolo'), description: text(r, 'descrizione'), offer: text(r, 'offerta'), landingUrl: text(r, 'urlLanding'),
        startsOn: isoDate(text(r, 'dataInizio')), endsOn: isoDate(text(r, 'dataFine')), activatedOn: optionalIsoDate(typeof r.dataAttivazione === 'string' ? r.dataAttivazione : ''),
      })),
    }), () => null),
  };
}
