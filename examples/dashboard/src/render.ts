import type { CombinedError } from '@urql/core';
import { CELL_MESSAGES, MESSAGES, stateAt, type FieldState } from './field-errors';
import { date, decimal, esc, euro, ratio } from './format';
import type { DashboardQuery } from './gql/graphql';
import { FIXED_LINE_TYPE, LINE_KIND, LINE_STATUS, PAYMENT_STATUS, PROFILE, REQUEST_STATUS } from './labels';

/**
 * The customer area's home page (seed 000 "Dashboard"): the greeting with profile and tax code, the company, the
 * lines on the left, the latest invoices on the right, orders and requests of the last 6 months below. Each box
 * renders its data or says why it has none, from the error at its path (partial data).
 */
type Data = DashboardQuery | undefined;
type MobileLine = NonNullable<DashboardQuery['mobileLines']>['nodes'][number];
type InvoiceField = 'mobileInvoices' | 'fixedInvoices' | 'unifiedInvoices';
export interface LinesPage { offset: number; size: number }

function box(id: string, title: string, state: FieldState, body: () => string, extraClass = ''): string {
  const content = state === 'ok' ? body() : `<p class="notice ${state}">${MESSAGES[state]}</p>`;
  return `<section id="${id}" class="card ${extraClass}" data-state="${state}"><h2>${title}</h2>${content}</section>`;
}

function table(headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${empty}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

const pill = (label: string, tone: string) => `<span class="pill ${tone}">${esc(label)}</span>`;
const capitalised = (name: string) => name.toLowerCase().replace(/(^|[\s'-])\p{L}/gu, (c) => c.toUpperCase());

function greeting(data: Data): string {
  const v = data?.viewer;
  if (!v) return '<section id="greeting"><h1>Buongiorno</h1></section>';
  const profiles = v.profiles.map((p) => PROFILE[p]).join(', ');
  return `<section id="greeting"><h1>Buongiorno ${esc(capitalised(v.firstName))}</h1>`
    + `<p class="who">${esc(profiles)} <span class="sep">|</span> ${esc(v.taxCode)} <span class="sep">|</span> ${esc(v.displayName)}</p></section>`;
}

function company(data: Data, error: CombinedError | undefined): string {
  const c = data?.viewer?.company;
  // A user whose grants are lines only gets no company (null, no error): that is his profile's view.
  const state = c || stateAt(error, ['viewer'], data?.viewer) !== 'ok' ? stateAt(error, ['viewer', 'company'], c) : 'forbidden';
  return box('company', 'Dati aziendali', state, () =>
    `<p class="company-name">${esc(c!.name)}</p><p class="muted">Codice fiscale / Partita IVA ${esc(c!.taxCode)}</p>`, 'company');
}

const bar = (label: string, left: string, total: string | number, leftValue: string | number) =>
  `<div class="gauge"><span class="gauge-label">${label}</span><span class="gauge-value">${left}</span>`
  + `<span class="bar"><span style="width:${Math.round(ratio(leftValue, total) * 100)}%"></span></span></div>`;

/** A line's cell says why it is empty in a few words: the box around it is there. */
const cellNotice = (state: Exclude<FieldState, 'ok'>) => `<span class="notice ${state}">${CELL_MESSAGES[state]}</span>`;

function lineBalance(line: MobileLine, index: number, error: CombinedError | undefined): string {
  const at = (field: string, value: unknown) => stateAt(error, ['mobileLines', 'nodes', index, field], value);
  if (line.kind === 'PREPAID') {
    const state = at('residualCredit', line.residualCredit);
    if (state !== 'ok') return cellNotice(state);
    const c = line.residualCredit;
    return c ? `<span class="credit">Credito residuo <b>${euro(c.amount)}</b><small>aggiornato al ${date(c.updatedAt)}</small></span>` : '—';
  }
  const state = at('availableTraffic', line.availableTraffic);
  if (state !== 'ok') return cellNotice(state);
  const t = line.availableTraffic;
  if (!t) return '<span class="muted">Nessun bundle attivo</span>';
  return `<div class="traffic">${bar('Dati', `${decimal(t.dataGbLeft)} di ${decimal(t.dataGbTotal, 0)} GB`, t.dataGbTotal, t.dataGbLeft)}`
    + `${bar('Voce', `${t.minutesLeft} di ${t.minutesTotal} min`, t.minutesTotal, t.minutesLeft)}`
    + `${bar('SMS', `${t.smsLeft} di ${t.smsTotal}`, t.smsTotal, t.smsLeft)}</div>`;
}

function pager(total: number, page: LinesPage): string {
  if (total <= page.size) return '';
  const pages = Math.ceil(total / page.size);
  const current = Math.floor(page.offset / page.size) + 1;
  const button = (label: string, offset: number, disabled: boolean) =>
    `<button type="button" class="page" data-lines-offset="${offset}"${disabled ? ' disabled' : ''}>${label}</button>`;
  return `<nav class="pager" aria-label="Pagine delle linee">${button('‹ Precedenti', page.offset - page.size, current === 1)}`
    + `<span class="page-of">Pagina ${current} di ${pages} · ${total} linee</span>${button('Successive ›', page.offset + page.size, current === pages)}</nav>`;
}

function mobileLines(data: Data, error: CombinedError | undefined, page: LinesPage): string {
  const lines = data?.mobileLines;
  return box('lines', 'Linee mobili', stateAt(error, ['mobileLines'], lines), () =>
    table(['Numero', 'Tipo', 'Stato', 'Piano tariffario', 'Traffico disponibile / credito'], lines!.nodes.map((l, i) => [
      `<b>${esc(l.number)}</b>`, esc(LINE_KIND[l.kind]), pill(LINE_STATUS[l.status], l.status === 'ACTIVE' ? 'good' : 'warn'), esc(l.tariffPlan), lineBalance(l, i, error),
    ]), 'Nessuna linea mobile.') + pager(lines!.totalCount, page));
}

function fixedLines(data: Data, error: CombinedError | undefined): string {
  const lines = data?.fixedLines;
  return box('fixed-lines', 'Linee fisse', stateAt(error, ['fixedLines'], lines), () =>
    table(['Numero', 'Servizio', 'Stato'], lines!.nodes.map((l) => [
      `<b>${esc(l.number)}</b>`, esc(FIXED_LINE_TYPE[l.type]), pill(LINE_STATUS[l.status], l.status === 'ACTIVE' ? 'good' : 'warn'),
    ]), 'Nessuna linea fissa.'));
}

const PAYMENT_TONE = { PAID: 'good', TO_PAY: 'info', OVERDUE: 'bad' } as const;

function invoices(data: Data, error: CombinedError | undefined, field: InvoiceField, title: string): string {
  const list = data?.[field];
  return box(`invoices-${field.replace('Invoices', '')}`, title, stateAt(error, [field], list), () =>
    table(['Numero', 'Periodo', 'Importo', 'Scadenza', 'Stato'], list!.nodes.map((inv) => [
      esc(inv.number), `${inv.bimester}° bim. ${inv.year}`, `<span class="amount">${euro(inv.amount)}</span>`, date(inv.dueOn),
      pill(PAYMENT_STATUS[inv.paymentStatus], PAYMENT_TONE[inv.paymentStatus]),
    ]), 'Nessuna fattura negli ultimi 12 mesi.'), 'invoices');
}

function ordersAndRequests(data: Data, error: CombinedError | undefined): string {
  return box('orders', 'Ordini degli ultimi 6 mesi', stateAt(error, ['orders'], data?.orders), () =>
    table(['Ordine', 'Descrizione', 'Data', 'Stato'], data!.orders!.map((o) => [esc(o.id), esc(o.description), date(o.createdOn), pill(o.status, 'info')]),
      'Nessun ordine negli ultimi 6 mesi.'))
    + box('requests', 'Richieste degli ultimi 6 mesi', stateAt(error, ['requests'], data?.requests), () =>
      table(['Richiesta', 'Descrizione', 'Linea', 'Aperta il', 'Stato'], data!.requests!.map((r) => [
        esc(r.id), esc(r.description), esc(r.line?.number), date(r.openedOn), pill(REQUEST_STATUS[r.status], r.status === 'CLOSED' ? 'good' : 'info'),
      ]), 'Nessuna richiesta negli ultimi 6 mesi.'));
}

export function renderDashboard(data: Data, error: CombinedError | undefined, page: LinesPage): string {
  return `${greeting(data)}${company(data, error)}`
    + `<div class="columns"><div class="column">${mobileLines(data, error, page)}${fixedLines(data, error)}</div>`
    + `<div class="column"><h2 class="column-title">Le tue fatture</h2>${invoices(data, error, 'mobileInvoices', 'Fatture mobile')}`
    + `${invoices(data, error, 'fixedInvoices', 'Fatture fisso')}${invoices(data, error, 'unifiedInvoices', 'Fatture uniche')}</div></div>`
    + `<div class="columns bottom">${ordersAndRequests(data, error)}</div>`;
}
