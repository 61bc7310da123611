import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { campaignTargetId, COMPANY_CAMPAIGN, type CompanyCampaign } from './campaign-target';
import { checkRequiredText } from '../../runtime/validators/text';

/**
 * Seed 000 "Offerte per te" (MOB-20): "I profili abilitati all'acquisto di un'offerta dalla sezione Offerte sono il
 * Rappresentante Legale, Amm. Full e EU Dispositivo" (and the HOLDING, AF-like). The offer of a running campaign the
 * company is in, once per company (two tabs asking at once make one pratica): a pratica with its ordine, which CRM
 * records and leaves open for the back office to provision (legacy/crm/campaigns.ts).
 */
interface OfferActivation { companyId: string; campaignId: string }

export const ACTIVATE_OFFER: DispositiveDeclaration<OfferActivation, CompanyCampaign> = {
  field: 'activateOffer',
  appendixRows: [],
  capabilities: ['MOB-20'],
  pratica: 'Attivazione offerta',
  ordine: true,
  target: COMPANY_CAMPAIGN,
  validate(raw, at) {
    const campaignId = typeof raw.campaignId === 'string' ? raw.campaignId.trim().toUpperCase() : '';
    if (!/^CMP-\d{1,10}$/.test(campaignId)) throw badUserInput(at('campaignId'), 'must be a campaign id, e.g. CMP-0001');
    return { companyId: checkRequiredText(raw.companyId, at('companyId'), 20), campaignId };
  },
  targetId: (input) => campaignTargetId(input.companyId, input.campaignId),
  refusal: (campaign) => (campaign.activatedOn ? 'This offer is already activated for the company.' : null),
  oncePer: (campaign) => campaignTargetId(campaign.companyId, campaign.id),
  crm: (_campaign, input) => ({ parameters: { campagna: input.campaignId } }),
};
