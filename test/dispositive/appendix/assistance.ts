import { call, CONTRACT, type Fixture, type Target } from './fixture';

/**
 * Seed 002 §7.6.7–§7.7.9 (Appendix rows 27–32): SMAS, "Scrivici" and the technical assistance of the CM8 ROA,
 * vincenzo.roa on Ente KRISHNA's contract 888010088938. "Scrivici" acts on one of the viewer's own grant scopes
 * (requester-target.ts): the outcome names it back.
 */
export const SCOPE: Target = {
  field: 'scope',
  selection: 'id',
  idOf: (scope) => scope.id,
  idSent: (input) => input.scopeId as string,
  unknown: (input) => ({ ...input, scopeId: '888000000000' }),
};

const smasAssistance = call('requestSmasAssistance', 'SmasRequestInput', { target: CONTRACT });
const smasCredentials = call('requestSmasCredentials', 'SmasRequestInput', { target: CONTRACT });
const writeToUs = call('writeToUs', 'WriteToUsInput', { target: SCOPE });
const terminals = call('requestTerminalConfiguration', 'TerminalConfigurationInput', { target: CONTRACT });
const deviceTicket = call('openDeviceTicket', 'DeviceTicketInput', { target: CONTRACT });
const services = call('requestServiceAssistance', 'ServiceAssistanceInput', { target: CONTRACT });

const contractNumber = '888010088938';
const contact = { name: 'VINCENZO ROA', phone: '3335617891', email: 'vincenzo.roa@example.it' };
const SMAS = { contractNumber, contact, reason: 'Il profilo RIF non si salva dalla console SMAS' };
const WRITE = { scopeId: contractNumber, subject: 'Informazioni commerciali', phone: '3335617891', notes: 'Vorremmo un preventivo per 20 nuove linee.' };
const TERMINALS = { contractNumber, topic: 'CONFIGURATION', operatingSystem: 'Android', model: 'Samsung Galaxy S5', description: 'Configurazione APN aziendale', contact };
const TICKET = { contractNumber, imei: '353042098000644', event: 'FAULT', delivery: { servicePointId: 'PDA-BO-001' }, contact };
const SERVICES = {
  contractNumber, name: 'VINCENZO ROA', mobile: '3335617891', email: 'vincenzo.roa@example.it', service: 'Storico pratiche', usedBefore: true,
  browser: 'Firefox 128', description: 'La pagina non carica le pratiche', errorMessage: 'Errore 500', startedAt: '2026-11-02T09:30',
};

export const ASSISTANCE_FIXTURES: Record<number, Fixture> = {
  27: { user: 'vincenzo.roa', run: smasAssistance(SMAS), reuse: smasAssistance({ ...SMAS, reason: 'Altro motivo' }),
    bad: { input: { ...SMAS, contact: { ...contact, phone: '12' } }, field: 'input.contact.phone' } },
  28: { user: 'vincenzo.roa', run: smasCredentials({ ...SMAS, credentials: 'RESET' }), reuse: smasCredentials({ ...SMAS, credentials: 'ASSIGN' }),
    bad: { input: SMAS, field: 'input.credentials' } },
  29: { user: 'vincenzo.roa', run: writeToUs(WRITE), reuse: writeToUs({ ...WRITE, notes: 'Un altro messaggio.' }),
    bad: { input: { ...WRITE, subject: 'ok' }, field: 'input.subject' } },
  30: { user: 'vincenzo.roa', run: terminals(TERMINALS), reuse: terminals({ ...TERMINALS, model: 'iPhone 15' }),
    bad: { input: { ...TERMINALS, operatingSystem: ' ' }, field: 'input.operatingSystem' } },
  31: { user: 'vincenzo.roa', run: deviceTicket(TICKET), reuse: deviceTicket({ ...TICKET, event: 'THEFT' }),
    bad: { input: { ...TICKET, imei: '353042098000645' }, field: 'input.imei' } },
  32: { user: 'vincenzo.roa', run: services(SERVICES), reuse: services({ ...SERVICES, usedBefore: false }),
    bad: { input: { ...SERVICES, startedAt: '2026-13-02T09:30' }, field: 'input.startedAt' } },
};
