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
async function openDashboard(username: string, shot: string): Promise<{ page: Page; graphqlRequests: number; pageErrors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  let graphqlRequests = 0;
  const pageErrors: string[] = [];
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
  return { page, graphqlRequests, pageErrors };
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();

describe('the reference dashboard in Chromium', () => {
  it('shows ginevra.vallisneri (RL) her lines and invoices, from one GraphQL request', async () => {
    const { page, graphqlRequests, pageErrors } = await openDashboard('ginevra.vallisneri', 'ginevra-rl');
    expect(pageErrors).toEqual([]);
    expect(graphqlRequests).toBe(1);
    expect(await page.locator('#invoices').getAttribute('data-state')).toBe('ok');
    expect(await page.locator('#invoices tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#lines tbody tr').count()).toBeGreaterThan(0);
    expect(await text(page, '#orders')).not.toMatch(/not available|unavailable/i);
    await page.close();
  }, 60_000);

  it('shows giada.mantesi (UT) her line\'s traffic, and says the invoices are not for her profile', async () => {
    const { page, graphqlRequests } = await openDashboard('giada.mantesi', 'giada-ut');
    expect(graphqlRequests).toBe(1);
    expect(await page.locator('#lines .traffic').first().innerText()).toMatch(/GB/);
    expect(await page.locator('#invoices').getAttribute('data-state')).toBe('forbidden');
    expect(await text(page, '#invoices')).toContain('Not available for your profile');
    await page.close();
  }, 60_000);

  it('with eBill down still renders the lines, orders and requests, and says the invoices are temporarily unavailable', async () => {
    await setFaults(stack, 'ebill', { '*': { down: true } });
    try {
      const { page, graphqlRequests } = await openDashboard('ginevra.vallisneri', 'ebill-down');
      expect(graphqlRequests).toBe(1);
      expect(await page.locator('#invoices').getAttribute('data-state')).toBe('unavailable');
      expect(await text(page, '#invoices')).toContain('Temporarily unavailable');
      expect(await page.locator('#lines').getAttribute('data-state')).toBe('ok');
      expect(await page.locator('#lines tbody tr').count()).toBeGreaterThan(0);
      // The traffic comes from eBill too: each line says so in its own cell.
      expect(await page.locator('#lines .notice.unavailable').count()).toBeGreaterThan(0);
      expect(await page.locator('#requests').getAttribute('data-state')).toBe('ok');
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
