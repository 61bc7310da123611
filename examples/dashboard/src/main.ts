import { Client, fetchExchange } from '@urql/core';
import { DashboardQuery } from './dashboard-query';
import type { ReferenceDashboardQuery } from './gql/graphql';
import { persistedFetch } from './persisted-fetch';
import { renderDashboard } from './render';

/**
 * The reference dashboard: sign in at the demo identity provider, fetch the whole dashboard in one request as the
 * trusted-documents client `onegraph-dashboard`, render what came back and say why anything did not.
 * Where the graph and the IdP are: `?gateway=…&idp=…`, else the page's defaults (examples/dashboard/serve.ts).
 */
const defaults = JSON.parse(document.getElementById('dashboard-config')!.textContent!) as { gateway: string; idp: string };
const params = new URLSearchParams(location.search);
const GATEWAY = params.get('gateway') ?? defaults.gateway;
const IDP = params.get('idp') ?? defaults.idp;
export const CLIENT_NAME = 'onegraph-dashboard';

const form = document.getElementById('sign-in') as HTMLFormElement;
const main = document.getElementById('dashboard')!;

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${IDP}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    // Signed in through the dashboard's registered client: the token names it, and the gateway holds the dashboard
    // to its trusted documents whatever headers a request carries.
    body: new URLSearchParams({ grant_type: 'password', username, password, client_id: CLIENT_NAME }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error('Wrong user name or password.');
  return body.access_token;
}

async function showDashboard(token: string): Promise<void> {
  const client = new Client({
    url: GATEWAY,
    exchanges: [fetchExchange],
    fetch: persistedFetch,
    // Bearer token, no cookie: the gateway's CORS never allows credentials.
    fetchOptions: { credentials: 'omit', headers: { authorization: `Bearer ${token}`, 'apollographql-client-name': CLIENT_NAME, 'apollographql-client-version': '1.0.0' } },
    requestPolicy: 'network-only',
    // POST: urql would send a short query as a GET, which carries neither the body nor a preflight.
    preferGetMethod: false,
  });
  main.dataset.state = 'loading';
  // codegen's string documents are String objects; urql takes the text (the hash is what goes on the wire).
  const result = await client.query<ReferenceDashboardQuery>(DashboardQuery.toString(), {}).toPromise();
  main.innerHTML = result.data || !result.error?.networkError
    ? renderDashboard(result.data, result.error)
    : `<p class="notice failed">The graph could not be reached: ${result.error.message}</p>`;
  main.dataset.state = 'done';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  signIn(String(data.get('username')), String(data.get('password')))
    .then(showDashboard)
    .catch((err: unknown) => {
      main.innerHTML = `<p class="notice failed">${err instanceof Error ? err.message : String(err)}</p>`;
      main.dataset.state = 'done';
    });
});
