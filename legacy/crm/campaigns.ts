import { legacyDate, today } from '../runtime/clock';
import type { Db } from '../runtime/db';
import { crmCampaigns, OFFERS_SORTING_PAGE } from '../data/crm-campaigns';
import { LegacyFault, type StandInReply } from '../runtime/server';
import type { ContractEffect } from './contract-data-effects';
import { notFoundFault } from './operations';
import { invalidRequest, soapAnswer, text, type SoapRecord } from './soap';

/**
 * Issue 21 (MOB-20, seed 000 "Offerte per te"): the campaigns CRM enrols customers in, and their activation.
 * `ListaCampagne` {codiceCliente} → `urlSmistamento` (the sorting page a customer in several campaigns lands on) and
 * `campagna`* {id, titolo, descrizione, offerta, urlLanding, dataInizio, dataFine, dataAttivazione}: the customer's
 * campaigns running today, dataAttivazione empty until the customer activated it.
 * "Attivazione offerta" (`oggetto` AZIENDA, or NESSUNO under the asking user's contract or line; `parametro`
 * `campagna`) records the activation in the pratica's transaction and leaves the pratica and its ordine open (the
 * offer is provisioned by the back office); a campaign not running or not the customer's is SBL-DAT-00225, one
 * already activated SBL-BRL-00110.
 */
export const CAMPAIGNS_SCHEMA = `
CREATE TABLE IF NOT EXISTS campagne (
  id TEXT PRIMARY KEY, titolo TEXT NOT NULL, descrizione TEXT NOT NULL, offerta TEXT NOT NULL, url_landing TEXT NOT NULL,
  data_inizio TEXT NOT NULL, data_fine TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS campagne_clienti (
  campagna TEXT NOT NULL REFERENCES campagne (id), codice_cliente TEXT NOT NULL, data_attivazione TEXT,
  PRIMARY KEY (campagna, codice_cliente));
`;

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function seedCampaigns(db: Db): void {
  const campaign = db.prepare('INSERT INTO campagne VALUES (?, ?, ?, ?, ?, ?, ?)');
  const member = db.prepare('INSERT INTO campagne_clienti (campagna, codice_cliente) VALUES (?, ?)');
  for (const c of crmCampaigns()) {
    campaign.run(c.id, c.title, c.description, c.offer, c.landingUrl, iso(c.startsOn), iso(c.endsOn));
    for (const customer of c.customers) member.run(c.id, customer);
  }
}

interface CampaignRow {
  id: string; titolo: string; descrizione: string; offerta: string; url_landing: string; data_inizio: string; data_fine: string;
  data_attivazione: string | null;
}

function runningCampaigns(db: Db, customer: string): CampaignRow[] {
  return db.prepare(`SELECT c.*, m.data_attivazione FROM campagne c JOIN campagne_clienti m ON m.campagna = c.id
    WHERE m.codice_cliente = ? AND ? BETWEEN c.data_inizio AND c.data_fine ORDER BY c.data_inizio DESC, c.id`).all(customer, iso(today())) as CampaignRow[];
}

const date = (isoDate: string) => legacyDate(new Date(`${isoDate}T12:00:00Z`));

export function campaignOperations(db: Db): Record<string, (params: SoapRecord) => StandInReply> {
  return {
    ListaCampagne(params) {
      const customer = text(params, 'codiceCliente');
      if (!db.prepare('SELECT 1 FROM aziende WHERE codice_cliente = ?').get(customer)) throw notFoundFault(`cliente ${customer}`);
      return soapAnswer('ListaCampagne', {
        urlSmistamento: OFFERS_SORTING_PAGE,
        campagna: runningCampaigns(db, customer).map((c) => ({
          id: c.id, titolo: c.titolo, descrizione: c.descrizione, offerta: c.offerta, urlLanding: c.url_landing,
          dataInizio: date(c.data_inizio), dataFine: date(c.data_fine), dataAttivazione: c.data_attivazione ? date(c.data_attivazione) : '',
        })),
      });
    },
  };
}

const activateOffer: ContractEffect = (store, target, parameters) => {
  // On the company, or under the contract or line of the user who asked (NESSUNO): the customer's campaign either way.
  if (target.kind !== 'AZIENDA' && target.kind !== 'NESSUNO') throw invalidRequest('"Attivazione offerta" riguarda un\'azienda');
  const id = parameters.get('campagna');
  if (!id) throw invalidRequest('parametro campagna mancante');
  const campaign = runningCampaigns(store.db, target.customer).find((c) => c.id === id);
  if (!campaign) throw notFoundFault(`campagna ${id} del cliente ${target.customer}`);
  if (campaign.data_attivazione) {
    throw new LegacyFault(500, 'SBL-BRL-00110', `Operazione "Attivazione offerta" non ammessa: campagna ${id} già attivata dal cliente ${target.customer}`);
  }
  store.db.prepare('UPDATE campagne_clienti SET data_attivazione = ? WHERE campagna = ? AND codice_cliente = ?').run(iso(today()), id, target.customer);
  return false;
};

export const CAMPAIGN_EFFECTS: Record<string, ContractEffect> = { 'Attivazione offerta': activateOffer };
