import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDashboard, type DashboardEndpoints, type RunningDashboard } from '../../examples/dashboard/serve';
import { launchChromium } from '../support/browser';
import { setFaults, startTestStack, type TestStack } from '../support/stack';

/**
 * The reference dashboard (examples/dashboard/) in a real headless Chromium, served from its own origin, against
 * the whole stack: it signs in at the demo IdP, fetches the dashboard in one request as the trusted-documents client
 * `onegraph-dashboard`, and renders what it may see, saying why a box is empty. A screenshot of each case is written
 * to test-results/screenshots/. The offline IDE is opened the same way, with every address off loopback blocked.
 */
const SCREENSHOTS = 'test-results/screenshots';
let stack: TestStack;
let dashboard: RunningDashboard;
let browser: Browser;
let endpoints: DashboardEndpoints = { gateway: '', idp: '' };

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  dashboard = await serveDashboard({ endpoints: () => endpoints });
  stack = await startTestStack({ readyTimeoutMs: 180_000, componentEnv: { gateway: { CORS_ORIGINS: new URL(dashboard.url).origin } } });
  endpoints = { gateway: stack.gatewayUrl, idp: stack.idpUrl };
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
  await stack?.stop();
});

/** Signs in as `username`, waits for the dashboard, screenshots it; counts the GraphQL requests the page sent. */
async function openDashboard(username: string, shot: string): Promise<{ page: Page; graphqlRequests: () => number; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  let graphqlRequests = 0;
  const pageErrors: string[] = [];
  // Nothing off loopback (no CDN, no web font): a request elsewhere is refused and fails the page's checks.
  await page.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    pageErrors.push(`fetched off loopback: ${route.request().url()}`);
    return route.abort();
  });
  page.on('request', (r) => {
    // Every GraphQL request, GET or POST; a CORS preflight (OPTIONS) is the browser's, not one.
    if (r.url().startsWith(stack.gatewayUrl) && r.method() !== 'OPTIONS') graphqlRequests++;
  });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  await page.goto(dashboard.url);
  await page.fill('input[name=username]', username);
  await page.click('button[type=submit]');
  await page.waitForSelector('#dashboard[data-state=done]', { timeout: 30_000 });
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-${shot}.png`, fullPage: true });
  return { page, graphqlRequests: () => graphqlRequests, pageErrors };
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();
const state = (page: Page, selector: string) => page.locator(selector).getAttribute('data-state');
/** The graph's enum values a customer must never read: the page says them in Italian. */
const RAW_ENUMS = /\b(ACTIVE|CEASED|SUSPENDED|FROZEN|PREPAID|POSTPAID|TO_PAY|PAID|OVERDUE|IN_PROGRESS|CLOSED|OPEN|VOICE_DATA|INTELLIGENT_NETWORK|HOLDING|REF_EBILL|TRAFFIC_MANAGER)\b/;

describe('the reference dashboard in Chromium (seed 000 "Dashboard")', () => {
  it('ACC-01 ACC-04 CON-01 MOB-01 FIX-01 BIL-01 BIL-02 greets ginevra.vallisneri (RL), shows her company, lines with credit and traffic, invoices of each kind, orders and requests, from one request', async () => {
    const { page, graphqlRequests, pageErrors } = await openDashboard('ginevra.vallisneri', 'ginevra-rl');
    expect(pageErrors).toEqual([]);
    expect(graphqlRequests()).toBe(1);
    expect(await text(page, '#greeting')).toMatch(/Buongiorno Ginevra\s+Rappresentante Legale \| [A-Z0-9]{16} \| GINEVRA VALLISNERI/);
    expect(await text(page, '#company')).toContain('VALLISNERI GINEVRA');
    // The prepaid line shows its residual credit, the postpaid ones their traffic left as bars.
    const lines = page.locator('#lines tbody tr');
    expect(await lines.count()).toBe(4);
    expect(await lines.filter({ hasText: '3343860302' }).innerText()).toMatch(/Ricaricabile[\s\S]*Credito residuo\s+€ 9,80/);
    expect(await page.locator('#lines .traffic .bar').count()).toBeGreaterThan(0);
    expect(await text(page, '#lines .traffic >> nth=0')).toMatch(/Dati\s+[\d.,]+ di \d+ GB/);
    expect(await text(page, '#fixed-lines')).toContain('066633987');
    for (const kind of ['mobile', 'fixed', 'unified']) expect(await state(page, `#invoices-${kind}`), kind).toBe('ok');
    expect(await text(page, '#invoices-mobile')).toMatch(/7X00412066[\s\S]*€ 221,12/);
    expect(await text(page, '#invoices-fixed')).toContain('8W00038521');
    expect(await text(page, '#invoices-mobile')).toMatch(/Pagata|Da pagare|Scaduta/);
    expect(await page.locator('#orders tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#requests tbody tr').count()).toBeGreaterThan(0);
    expect(await text(page, '#dashboard')).not.toMatch(RAW_ENUMS);
    await page.close();
  }, 60_000);

  it('MOB-01 pages ginevra.vallisneri\'s five mobile lines four at a time with the same document, and signs her out', async () => {
    const { page, graphqlRequests } = await openDashboard('ginevra.vallisneri', 'ginevra-rl-page-1');
    expect(await text(page, '#lines .pager')).toContain('Pagina 1 di 2 · 5 linee');
    await page.click('#lines button:has-text("Successive")');
    await page.waitForSelector('#lines .pager:has-text("Pagina 2 di 2")');
    expect(graphqlRequests()).toBe(2);
    expect(await page.locator('#lines tbody tr').allInnerTexts()).toEqual([expect.stringContaining('3343860902')]);
    expect(await page.locator('#lines button:has-text("Successive")').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-ginevra-rl-page-2.png`, fullPage: true });
    await page.click('#sign-out');
    await page.waitForSelector('#sign-in:visible');
    expect(await text(page, '#dashboard')).toBe('');
    expect(await page.locator('#sign-out').isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard-signed-out.png`, fullPage: true });
    await page.close();
  }, 60_000);

  it('refuses a wrong password at the IdP, says so on the sign-in form and sends no GraphQL request', async () => {
    const page = await browser.newPage();
    let graphqlRequests = 0;
    page.on('request', (r) => { if (r.url().startsWith(stack.gatewayUrl)) graphqlRequests++; });
    await page.goto(dashboard.url);
    await page.fill('input[name=password]', 'not-the-password');
    await page.click('button[type=submit]');
    await page.waitForSelector('#sign-in-error:visible');
    expect(await text(page, '#sign-in-error')).toBe('Username o password non corretti.');
    expect(await page.locator('#sign-out').isVisible()).toBe(false);
    expect(graphqlRequests).toBe(0);
    await page.close();
  });

  it('CON-10 shows giada.mantesi (UT) her own line\'s traffic, and says the invoices are not for her profile', async () => {
    const { page, graphqlRequests, pageErrors } = await openDashboard('giada.mantesi', 'giada-ut');
    expect(pageErrors).toEqual([]);
    expect(graphqlRequests()).toBe(1);
    expect(await text(page, '#greeting')).toMatch(/Buongiorno Giada\s+Utilizzatore \|/);
    expect(await page.locator('#lines tbody tr').allInnerTexts()).toEqual([expect.stringMatching(/3343860902[\s\S]*Dati\s+[\d,]+ di \d+ GB/)]);
    for (const kind of ['mobile', 'fixed', 'unified']) {
      expect(await state(page, `#invoices-${kind}`), kind).toBe('forbidden');
      expect(await text(page, `#invoices-${kind}`)).toContain('Non disponibile per il tuo profilo');
    }
    expect(await state(page, '#orders')).toBe('ok');
    expect(await text(page, '#dashboard')).not.toMatch(RAW_ENUMS);
    await page.close();
  }, 60_000);

  it('ACC-01 MOB-01 shows vincenzo.roa (CM8 ROA) the contract\'s lines, paged, under his profile', async () => {
    const { page, graphqlRequests, pageErrors } = await openDashboard('vincenzo.roa', 'vincenzo-roa');
    expect(pageErrors).toEqual([]);
    expect(graphqlRequests()).toBe(1);
    expect(await text(page, '#greeting')).toMatch(/Buongiorno Vincenzo\s+Referente Operativo \(ROA\) \|/);
    expect(await state(page, '#lines')).toBe('ok');
    expect(await page.locator('#lines tbody tr').count()).toBeGreaterThan(0);
    expect(await text(page, '#dashboard')).not.toMatch(RAW_ENUMS);
    await page.close();
  }, 60_000);

  it('CON-01 CON-10 with eBill down still shows the lines, fixed invoices, orders and requests, and says what eBill holds is temporarily unavailable', async () => {
    await setFaults(stack, 'ebill', { '*': { down: true } });
    try {
      const { page, graphqlRequests, pageErrors } = await openDashboard('ginevra.vallisneri', 'ebill-down');
      expect(pageErrors).toEqual([]);
      expect(graphqlRequests()).toBe(1);
      for (const kind of ['mobile', 'unified']) {
        expect(await state(page, `#invoices-${kind}`), kind).toBe('unavailable');
        expect(await text(page, `#invoices-${kind}`)).toContain('Temporaneamente non disponibile');
      }
      expect(await state(page, '#invoices-fixed')).toBe('ok');
      expect(await state(page, '#lines')).toBe('ok');
      expect(await page.locator('#lines tbody tr').count()).toBe(4);
      // Traffic and credit come from eBill too: each line says so in its own cell.
      expect(await page.locator('#lines .notice.unavailable').count()).toBe(4);
      expect(await state(page, '#requests')).toBe('ok');
      expect(await state(page, '#orders')).toBe('ok');
      await page.close();
    } finally {
      await setFaults(stack, 'ebill', { '*': { down: false } });
    }
  }, 60_000);
});

describe('the IDE in Chromium', () => {
  it('opens at the gateway URL with nothing but loopback reachable, signs in as a demo user and runs the README\'s dashboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1300, height: 800 } });
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const graphqlRequests: string[] = [];
    page.on('request', (request) => { if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') graphqlRequests.push(request.url()); });
    await page.goto(stack.gatewayUrl);
    // Before sign-in: a welcome that says how to sign in, and no request that could only fail (issue 25 item 2).
    await page.waitForSelector('#ide-welcome:has-text("sign in first")', { timeout: 60_000 });
    expect(graphqlRequests).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}/ide-welcome.png` });
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    await page.waitForSelector('#sign-in-status:has-text("signed in as ginevra.vallisneri")');
    // The README's operations are the tabs; the first, the dashboard, runs with the demo user's token.
    expect(await page.locator('.graphiql-tab').count()).toBeGreaterThanOrEqual(2);
    await page.click('.graphiql-execute-button');
    await page.waitForSelector('.graphiql-response:has-text("VALLISNERI")', { timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/ide.png` });
    expect(blocked).toEqual([]);
    await page.close();
  }, 120_000);
});
