import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';

/**
 * The offline IDE (gateway/front/ide/): GraphiQL from npm, bundled by the gateway with esbuild, and a sign-in bar
 * that asks the demo identity provider for a token (DEMO_LOGIN_URL) and sends it as the bearer of every request.
 * No JSX: this file is bundled as it is, and type-checked with tsconfig.browser.json.
 */
interface IdeConfig {
  endpoint: string;
  loginUrl: string | null;
  tabs: { query: string; variables?: string }[];
}

const config = JSON.parse(document.getElementById('ide-config')!.textContent!) as IdeConfig;
const TOKEN_KEY = 'onegraph-ide-token';

function App() {
  const [token, setToken] = useState<string | null>(sessionStorage.getItem(TOKEN_KEY));
  const [user, setUser] = useState<string>('ginevra.vallisneri');
  const [password, setPassword] = useState<string>('demo');
  const [status, setStatus] = useState<string>(token ? 'signed in' : 'not signed in');

  async function signIn(event: { preventDefault(): void }) {
    event.preventDefault();
    const res = await fetch(config.loginUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: user, password }),
    });
    const body = (await res.json()) as { access_token?: string };
    if (!res.ok || !body.access_token) return setStatus(`sign-in refused (HTTP ${res.status})`);
    sessionStorage.setItem(TOKEN_KEY, body.access_token);
    setToken(body.access_token);
    setStatus(`signed in as ${user}`);
  }

  const fetcher = async (params: unknown, opts?: { headers?: Record<string, string> }) => {
    const res = await fetch(config.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }), ...opts?.headers },
      body: JSON.stringify(params),
    });
    return res.json();
  };

  const bar = config.loginUrl && createElement('form', { id: 'sign-in', onSubmit: signIn },
    createElement('label', null, 'Demo user ', createElement('input', { name: 'username', value: user, onChange: (e: { target: { value: string } }) => setUser(e.target.value) })),
    createElement('label', null, ' password ', createElement('input', { name: 'password', type: 'password', value: password, onChange: (e: { target: { value: string } }) => setPassword(e.target.value) })),
    createElement('button', { type: 'submit' }, 'Sign in'),
    createElement('span', { id: 'sign-in-status' }, ` ${status}`));

  // Every operation, the schema's introspection included, needs a token: before sign-in GraphiQL would open on
  // UNAUTHENTICATED and "Error fetching schema". It opens once there is a token, and loads the schema then.
  const main = token
    ? createElement('div', { id: 'graphiql' }, createElement(GraphiQL, { fetcher, defaultTabs: config.tabs, key: token }))
    : welcome((pasted) => {
      sessionStorage.setItem(TOKEN_KEY, pasted);
      setToken(pasted);
      setStatus('signed in with a pasted token');
    });
  return createElement('div', { id: 'ide' }, bar, main);
}

/** What the IDE shows before sign-in: how to get a token, and a place to paste one. */
function welcome(usePastedToken: (token: string) => void) {
  const paste = (event: { preventDefault(): void; currentTarget: { elements: { namedItem(name: string): unknown } } }) => {
    event.preventDefault();
    const value = (event.currentTarget.elements.namedItem('token') as { value: string }).value.trim().replace(/^Bearer\s+/i, '');
    if (value) usePastedToken(value);
  };
  return createElement('div', { id: 'ide-welcome' },
    createElement('h1', null, 'One graph · GraphiQL'),
    createElement('p', null, 'Every request to the graph needs a bearer token, the schema included: sign in first.'),
    config.loginUrl
      ? createElement('p', null, 'Sign in above as any demo user (password "demo"): the schema and the README\'s operations load as soon as you are in.')
      : createElement('p', null, 'This gateway offers no demo sign-in: paste a token from your identity provider.'),
    createElement('form', { id: 'paste-token', onSubmit: paste },
      createElement('label', null, 'Or paste a token ', createElement('input', { name: 'token', size: 60, placeholder: 'eyJ…  (npm run -s token -- ginevra.vallisneri)' })),
      createElement('button', { type: 'submit' }, 'Use token')));
}

createRoot(document.getElementById('root')!).render(createElement(App));
