import type { CombinedError } from '@urql/core';
import { MESSAGES, stateAt } from './field-errors';
import type { ReferenceDashboardQuery } from './gql/graphql';

/** The dashboard's boxes, plain DOM: each renders its data, or says why it has none. */
type Data = ReferenceDashboardQuery | undefined;

const esc = (value: unknown) => String(value ?? '—').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function box(id: string, title: string, data: Data, error: CombinedError | undefined, field: keyof NonNullable<Data>, body: () => string): string {
  const state = stateAt(error, [field], data?.[field]);
  const content = state === 'ok' ? body() : `<p class="notice ${state}">${MESSAGES[state]}</p>`;
  return `<section id="${id}" data-state="${state}"><h2>${title}</h2>${content}</section>`;
}

function table(headers: string[], rows: unknown[][]): string {
  if (rows.length === 0) return '<p class="empty">Nothing to show.</p>';
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function traffic(data: Data, error: CombinedError | undefined, index: number): string {
  const t = data?.mobileLines?.nodes[index]?.availableTraffic;
  const state = stateAt(error, ['mobileLines', 'nodes', index, 'availableTraffic'], t);
  if (state !== 'ok') return `<span class="notice ${state}">${MESSAGES[state]}</span>`;
  return t ? `<span class="traffic">${esc(t.dataGbLeft)} of ${esc(t.dataGbTotal)} GB, ${esc(t.minutesLeft)} min, ${esc(t.smsLeft)} SMS left</span>` : '—';
}

export function renderDashboard(data: Data, error: CombinedError | undefined): string {
  const lines = data?.mobileLines?.nodes ?? [];
  return [
    `<header><h1>${esc(data?.viewer?.displayName)}</h1><p>${esc(data?.viewer?.profiles.join(', '))}</p></header>`,
    box('lines', 'Mobile lines', data, error, 'mobileLines', () =>
      table(['Number', 'Status', 'Plan', 'Available traffic'], lines.map((l, i) => [esc(l.number), esc(l.status), esc(l.tariffPlan), traffic(data, error, i)]))),
    box('invoices', 'Latest invoices', data, error, 'invoices', () =>
      table(['Number', 'Bimester', 'Amount', 'Due', 'Status'], (data?.invoices?.nodes ?? []).map((inv) =>
        [esc(inv.number), `${esc(inv.bimester)}/${esc(inv.year)}`, `€ ${esc(inv.amount)}`, esc(inv.dueOn), esc(inv.paymentStatus)]))),
    box('orders', 'Orders', data, error, 'orders', () =>
      table(['Order', 'Description', 'Status', 'Created'], (data?.orders ?? []).map((o) => [esc(o.id), esc(o.description), esc(o.status), esc(o.createdOn)]))),
    box('requests', 'Requests', data, error, 'requests', () =>
      table(['Request', 'Description', 'Status', 'Opened'], (data?.requests ?? []).map((r) => [esc(r.id), esc(r.description), esc(r.status), esc(r.openedOn)]))),
  ].join('\n');
}
