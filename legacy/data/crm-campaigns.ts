import { daysAgo } from '../runtime/clock';

/**
 * Issue 21 (MOB-20, seed 000 "Offerte per te"): the commercial campaigns CRM enrols customers in. A campaign runs from
 * its first to its last day ("Inizio/fine campagna automatico e programmabile"): only running ones are offered.
 * Companies A and B are each in several running campaigns (their Offers page lands on the sorting page), Ente KRISHNA in
 * one (it lands on that campaign's page), Ente Secondo in none; one campaign of A has ended and one of B has not
 * started, so neither shows.
 */
export interface CrmCampaign {
  id: string;
  title: string;
  description: string;
  /** The offer the customer activates from the campaign. */
  offer: string;
  landingUrl: string;
  startsOn: Date;
  endsOn: Date;
  customers: readonly string[];
}

/** Where a customer in more than one campaign lands (seed 000: "area di smistamento/landing page"). */
export const OFFERS_SORTING_PAGE = 'https://www.timbusiness.it/area-clienti/offerte';

const inDays = (days: number) => daysAgo(-days);

export function crmCampaigns(): CrmCampaign[] {
  const page = (slug: string) => `https://www.timbusiness.it/offerte/${slug}`;
  return [
    { id: 'CMP-0001', title: 'Kit Ufficio Mobile', description: 'La soluzione smart per navigare ovunque.', offer: 'KIT UFFICIO MOBILE',
      landingUrl: page('kit-ufficio-mobile'), startsOn: daysAgo(30), endsOn: inDays(60), customers: ['1-VALL01', '1-NOME01'] },
    { id: 'CMP-0002', title: 'SmartPhone S21', description: 'Samsung S21', offer: 'SAMSUNG GALAXY S21 BUSINESS',
      landingUrl: page('smartphone-s21'), startsOn: daysAgo(10), endsOn: inDays(20), customers: ['1-VALL01', '1-NOME01'] },
    { id: 'CMP-0003', title: 'G Suite TIM Edition', description: 'Scegli il meglio per il tuo lavoro. Anche da casa.', offer: 'G SUITE TIM EDITION',
      landingUrl: page('g-suite'), startsOn: daysAgo(5), endsOn: inDays(30), customers: ['1-VALL01'] },
    { id: 'CMP-0004', title: 'Fibra Business', description: 'La fibra per la tua sede.', offer: 'TIM BUSINESS FIBRA',
      landingUrl: page('fibra-business'), startsOn: inDays(10), endsOn: inDays(40), customers: ['1-NOME01'] },
    { id: 'CMP-0005', title: 'Estate Business', description: 'Giga in più per l\'estate.', offer: 'ESTATE BUSINESS',
      landingUrl: page('estate-business'), startsOn: daysAgo(120), endsOn: daysAgo(1), customers: ['1-VALL01'] },
    { id: 'CMP-0006', title: 'Smartphone per la PA', description: 'Gli smartphone della convenzione, per i tuoi uffici.', offer: 'SMARTPHONE CONVENZIONE PA',
      landingUrl: page('smartphone-pa'), startsOn: daysAgo(15), endsOn: inDays(45), customers: ['1-KRSH01'] },
  ];
}
