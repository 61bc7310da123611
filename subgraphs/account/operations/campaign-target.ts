import type { OfferCampaign } from '../../../adapters/crm/campaigns';
import type { RequestTarget } from '../../../adapters/crm';
import type { Profile } from '../../../adapters/domain';
import type { TargetKind } from '../../runtime/dispositive/targets';
import type { SubgraphContext } from '../../runtime/server';
import { heldPlaces, profilesReaching } from '../reach';

/**
 * Issue 21 (MOB-20): what an offer's activation acts on, a running campaign the company is in (seed 000 "Offerte per
 * te"), by `1-VALL01/CMP-0001`. The grants are the company's as the account subgraph reaches it (reach.ts): an UTD
 * acts through the line he holds in it, which a company's place does not name. A campaign the company is not in
 * (another customer's, one ended or not started, a made-up id) is unknown like a foreign company.
 *
 * Where CRM files the pratica: on the company for a viewer with a grant on it, else under the contract or the line his
 * grants hold in it (an UTD's own line), so that the activation shows in the requests and orders he sees.
 */
export interface CompanyCampaign extends OfferCampaign {
  companyId: string;
  filedUnder: RequestTarget;
  held: ReadonlySet<Profile>;
}

export const campaignTargetId = (companyId: string, campaignId: string) => `${companyId}/${campaignId}`;

async function filedUnder(companyId: string, context: SubgraphContext): Promise<RequestTarget> {
  if (context.identity.grants.some((g) => g.scope.kind === 'COMPANY' && g.scope.id === companyId)) return { kind: 'Company', id: companyId };
  const place = (await heldPlaces(context, 'Company')).find((p) => p.companyId === companyId);
  if (place?.lineNumber) return { kind: 'None', companyId, lineNumber: place.lineNumber };
  if (place?.contractNumber) return { kind: 'None', companyId, contractNumber: place.contractNumber };
  return { kind: 'Company', id: companyId };
}

async function load(id: string, context: SubgraphContext): Promise<CompanyCampaign | null> {
  const [companyId, campaignId] = id.split('/');
  const [offers, held, under] = await Promise.all([
    context.legacy.crm.campaigns.list(companyId), profilesReaching(context, 'Company', { companyId }), filedUnder(companyId, context),
  ]);
  const campaign = offers?.campaigns.find((c) => c.id === campaignId);
  return campaign ? { ...campaign, companyId, filedUnder: under, held } : null;
}

export const COMPANY_CAMPAIGN: TargetKind<CompanyCampaign> = {
  recordKind: 'Company',
  heldProfiles: (campaign) => campaign.held,
  outcomeField: 'campaign',
  label: "This company's campaign",
  plausible: /^[A-Za-z0-9-]{1,20}\/CMP-\d{1,10}$/,
  load,
  place: (campaign) => ({ companyId: campaign.companyId }),
  crmTarget: (campaign) => campaign.filedUnder,
  reload: async (campaign, context) => (await load(campaignTargetId(campaign.companyId, campaign.id), context)) ?? campaign,
};
