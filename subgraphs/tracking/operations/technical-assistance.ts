import type { Contract } from '../../../adapters/domain';
import { badUserInput } from '../../../adapters/errors';
import type { DispositiveDeclaration } from '../../runtime/dispositive/declaration';
import { CONTRACT } from '../../runtime/dispositive/targets';
import { checkEmail } from '../../runtime/validators/email';
import { checkImei } from '../../runtime/validators/imei';
import { checkMobileNumber } from '../../runtime/validators/phone';
import { checkFreeText, checkOptionalText, checkRequiredText } from '../../runtime/validators/text';
import { checkContractNumber } from '../../runtime/validators/contract-number';
import { checkContact, checkOneOf, contactParameters, notAssistable, objectAt, type Contact } from './fields';

/**
 * Seed 002 §7.7.5, §7.7.6, §7.7.9 (Appendix rows 30, 31, 32): the ROA's technical assistance. Each is a pratica on
 * the contract the portal's header shows (the devices and web services are the contract's, and a device is named by
 * its IMEI, not by a line), without an ordine; the back office works it, CRM keeps what the form said with it.
 */
const onContract = <I extends { contractNumber: string }>(d: Omit<DispositiveDeclaration<I, Contract>, 'capabilities' | 'ordine' | 'target' | 'targetId' | 'refusal'>): DispositiveDeclaration<I, Contract> => ({
  ...d, capabilities: ['TRK-06'], ordine: false, target: CONTRACT, targetId: (input) => input.contractNumber, refusal: notAssistable,
});

/** §7.7.5 "applicazioni, configurazioni, gestione telefono, invio di manualistica, ecc.", with the OS and model chosen. */
const CONFIGURATION_TOPICS = ['APPLICATIONS', 'CONFIGURATION', 'PHONE_MANAGEMENT', 'MANUALS', 'OTHER'] as const;
interface TerminalConfiguration {
  contractNumber: string; topic: (typeof CONFIGURATION_TOPICS)[number]; operatingSystem: string; model: string; description: string; contact: Contact;
}

export const REQUEST_TERMINAL_CONFIGURATION = onContract<TerminalConfiguration>({
  field: 'requestTerminalConfiguration',
  appendixRows: [30],
  pratica: 'Configurazione terminali',
  validate: (raw, at) => ({
    contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')),
    topic: checkOneOf(raw.topic, at('topic'), CONFIGURATION_TOPICS),
    operatingSystem: checkRequiredText(raw.operatingSystem, at('operatingSystem'), 40),
    model: checkRequiredText(raw.model, at('model'), 80),
    description: checkFreeText(raw.description, at('description'), { min: 3, max: 300 }),
    contact: checkContact(raw.contact, at),
  }),
  crm: (_contract, i) => ({
    parameters: { argomento: i.topic, sistemaOperativo: i.operatingSystem, modello: i.model, descrizione: i.description, ...contactParameters(i.contact) },
  }),
});

/**
 * §7.7.6: a ticket for a device stolen, lost or broken, to repair or replace it, delivered (collected) at the
 * customer's site or at a service point (§7.7.8, `servicePoints`). The ticket's detail is what ticket monitoring
 * (§7.7.7, `tickets`) and the requests history show: CRM keeps it as the pratica's parameters (`evento`, `imei`,
 * `consegna`, `indirizzo` or `puntoAssistenza`, the contact), and `ListaTicket` prints them.
 */
const DEVICE_EVENTS = { THEFT: 'FURTO', LOSS: 'SMARRIMENTO', FAULT: 'GUASTO' } as const;
type DeviceEvent = keyof typeof DEVICE_EVENTS;
type Delivery = { customerSite: string } | { servicePointId: string };
interface DeviceTicket { contractNumber: string; imei: string; event: DeviceEvent; delivery: Delivery; notes?: string; contact: Contact }

function checkDelivery(raw: unknown, at: (field: string) => string): Delivery {
  const d = objectAt(raw);
  const site = checkOptionalText(d.customerSite, at('delivery.customerSite'), 200);
  const point = checkOptionalText(d.servicePointId, at('delivery.servicePointId'), 20);
  if ((site === undefined) === (point === undefined)) throw badUserInput(at('delivery'), 'give either customerSite (an address) or servicePointId');
  if (point !== undefined && !/^PDA-[A-Z]{2}-\d{3}$/.test(point)) throw badUserInput(at('delivery.servicePointId'), 'must be a service point id, e.g. PDA-RM-001');
  return site !== undefined ? { customerSite: site } : { servicePointId: point! };
}

export const OPEN_DEVICE_TICKET = onContract<DeviceTicket>({
  field: 'openDeviceTicket',
  appendixRows: [31],
  // "Il download dei documenti è obbligatorio per confermare la richiesta" (schema/appendix-1.yaml `summary`).
  summary: {},
  pratica: 'Apertura tk servizio all risk',
  validate: (raw, at) => {
    const notes = checkOptionalText(raw.notes, at('notes'), 300);
    return {
      contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')),
      imei: checkImei(raw.imei, at('imei')),
      event: checkOneOf(raw.event, at('event'), Object.keys(DEVICE_EVENTS) as DeviceEvent[]),
      delivery: checkDelivery(raw.delivery, at),
      ...(notes && { notes }),
      contact: checkContact(raw.contact, at),
    };
  },
  crm: (_contract, i) => ({
    parameters: {
      evento: DEVICE_EVENTS[i.event], imei: i.imei,
      ...('customerSite' in i.delivery ? { consegna: 'SEDE_CLIENTE', indirizzo: i.delivery.customerSite } : { consegna: 'PUNTO_ASSISTENZA', puntoAssistenza: i.delivery.servicePointId }),
      ...(i.notes && { note: i.notes }), ...contactParameters(i.contact),
    },
  }),
});

/** §7.7.9 "Segnalaci il servizio e l'anomalia": a web service of the portal that does not work. */
interface ServiceAssistance {
  contractNumber: string; name: string; mobile: string; email: string; service: string; usedBefore: boolean; browser: string;
  serviceUserId?: string; description: string; errorMessage?: string; notes?: string; startedAt: string;
}

/** "Data e ora di inizio del problema riscontrato": dd/mm/aaaa HH:MM in the form; ISO here, not in the future. */
function checkStartedAt(raw: unknown, field: string): string {
  const value = typeof raw === 'string' ? raw.trim() : '';
  const when = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? new Date(`${value}:00Z`) : null;
  if (!when || Number.isNaN(when.getTime()) || when.toISOString().slice(0, 16) !== value) throw badUserInput(field, 'must be a date and time, YYYY-MM-DDTHH:MM');
  return value;
}

export const REQUEST_SERVICE_ASSISTANCE = onContract<ServiceAssistance>({
  field: 'requestServiceAssistance',
  appendixRows: [32],
  pratica: 'Assistenza su servizi',
  validate: (raw, at) => {
    const optional = (field: string, max: number) => checkOptionalText(raw[field], at(field), max);
    const [serviceUserId, errorMessage, notes] = [optional('serviceUserId', 60), optional('errorMessage', 300), optional('notes', 300)];
    if (typeof raw.usedBefore !== 'boolean') throw badUserInput(at('usedBefore'), 'is required: true or false');
    return {
      contractNumber: checkContractNumber(raw.contractNumber, at('contractNumber')),
      name: checkRequiredText(raw.name, at('name'), 80),
      mobile: checkMobileNumber(raw.mobile, at('mobile')),
      email: checkEmail(raw.email, at('email')),
      service: checkRequiredText(raw.service, at('service'), 80),
      usedBefore: raw.usedBefore,
      browser: checkRequiredText(raw.browser, at('browser'), 60),
      ...(serviceUserId && { serviceUserId }),
      description: checkFreeText(raw.description, at('description'), { min: 3, max: 300 }),
      ...(errorMessage && { errorMessage }),
      ...(notes && { notes }),
      startedAt: checkStartedAt(raw.startedAt, at('startedAt')),
    };
  },
  crm: (_contract, i) => ({
    parameters: {
      referente: i.name, telefono: i.mobile, email: i.email, servizio: i.service, giaUtilizzato: i.usedBefore ? 'SI' : 'NO', browser: i.browser,
      ...(i.serviceUserId && { userIdServizio: i.serviceUserId }), descrizione: i.description,
      ...(i.errorMessage && { messaggioErrore: i.errorMessage }), ...(i.notes && { note: i.notes }), inizioProblema: i.startedAt,
    },
  }),
});
