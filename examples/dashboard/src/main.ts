import { Client, fetchExchange } from '@urql/core';
import { DashboardDocument, type DashboardQuery, type DashboardQueryVariables } from './gql/graphql';
import { persistedFetch } from './persisted-fetch';
import { renderDashboard, type LinesPage } from './render';

/**
 * The reference dashboard: sign in at the demo identity provider, fetch the whole home page in one request (the
 * README's `query Dashboard`, src/dashboard.graphql) as the trusted-documents client `onegraph-dashboard`, render
 * what came back and say why anything did not; page the lines with the same document; sign out.
 * Where the graph and the IdP are: `?gateway=…&idp=…`, else the page's defaults (examples/dashboard/serve.ts).
 */
const defaults = JSON.parse(document.getElementById('dashboard-config')!.textContent!) as { gateway: string; idp: string };
const params = new URLSearchParams(location.search);
const GATEWAY = params.get('gateway') ?? defaults.gateway;
const IDP = params.get('idp') ?? defaults.idp;
export const CLIENT_NAME = 'onegraph-dashboard';
/** Lines per page: few enough that a company's lines page on the demo data. */
const LINES_PER_PAGE = 4;

const form = document.getElementById('sign-in') as HTMLFormElement;
const signInError = document.getElementById('sign-in-error')!;
const signOut = document.getElementById('sign-out') as HTMLButtonElement;
const main = document.getElementById('dashboard')!;
/** The session lives in memory only: a reload signs out, and no token is left in the browser's storage. */
let client: Client | undefined;

async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${IDP}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    // Signed in through the dashboard's registered client: the token names it, and the gateway holds the dashboard
    // to its trusted documents whatever headers a request carries.
    body: new URLSearchParams({ grant_type: 'password', username, password, client_id: CLIENT_NAME }),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error('Username o password non corretti.');
  return body.access_token;
}

function graphClient(token: string): Client {
  return new Client({
    url: GATEWAY,
    exchanges: [fetchExchange],
    fetch: persistedFetch,
    // Bearer token, no cookie: the gateway's CORS never allows credentials.
    fetchOptions: { credentials: 'omit', headers: { authorization: `Bearer ${token}`, 'apollographql-client-name': CLIENT_NAME, 'apollographql-client-version': '1.0.0' } },
    requestPolicy: 'network-only',
    // POST: urql would send a short query as a GET, which carries neither the body nor a preflight.
    preferGetMethod: false,
  });
}

async function showDashboard(page: LinesPage): Promise<void> {
  if (!client) return;
  main.dataset.state = 'loading';
  const variables: DashboardQueryVariables = { linesFirst: page.size, linesOffset: page.offset };
  // codegen's string documents are String objects; urql takes the text (the hash is what goes on the wire).
  const result = await client.query<DashboardQuery, DashboardQueryVariables>(DashboardDocument.toString(), variables).toPromise();
  main.innerHTML = result.data || !result.error?.networkError
    ? renderDashboard(result.data, result.error, page)
    : '<p class="notice failed card">Il servizio non risponde. Riprova tra qualche minuto.</p>';
  main.dataset.state = 'done';
}

function setSignedIn(signedIn: boolean): void {
  form.hidden = signedIn;
  signOut.hidden = !signedIn;
  if (!signedIn) {
    client = undefined;
    main.innerHTML = '';
    main.dataset.state = 'idle';
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const data = new FormData(form);
  signInError.hidden = true;
  signIn(String(data.get('username')), String(data.get('password')))
    .then((token) => {
      client = graphClient(token);
      setSignedIn(true);
      return showDashboard({ offset: 0, size: LINES_PER_PAGE });
    })
    .catch((err: unknown) => {
      signInError.textContent = err instanceof Error ? err.message : String(err);
      signInError.hidden = false;
      main.dataset.state = 'done';
    });
});

signOut.addEventListener('click', () => setSignedIn(false));

main.addEventListener('click', (event) => {
  const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-lines-offset]');
  if (button) void showDashboard({ offset: Number(button.dataset.linesOffset), size: LINES_PER_PAGE });
});
