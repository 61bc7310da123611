import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Serves the reference dashboard (examples/dashboard/): its page, its style sheet and its bundle (esbuild, from src/main.ts), on
 * its own origin, as a frontend team's dev server would. `npm run dashboard` serves it at http://127.0.0.1:5173
 * (an origin the gateway allows by default outside production) against `npm start`'s gateway and IdP.
 */
export interface DashboardEndpoints { gateway: string; idp: string }
export interface RunningDashboard { url: string; close(): Promise<void> }

const ENTRY = fileURLToPath(new URL('./src/main.ts', import.meta.url));
const STYLE = fileURLToPath(new URL('./dashboard.css', import.meta.url));

export async function bundleDashboard(): Promise<string> {
  const result = await build({ entryPoints: [ENTRY], bundle: true, write: false, minify: true, format: 'esm', target: 'es2020', logLevel: 'silent' });
  return result.outputFiles[0].text;
}

/** `endpoints` is read on every page load: a test may start the dashboard before it knows the stack's ports. */
export async function serveDashboard(opts: { host?: string; port?: number; endpoints: () => DashboardEndpoints }): Promise<RunningDashboard> {
  const script = await bundleDashboard();
  const style = readFileSync(STYLE, 'utf8');
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/main.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      res.end(script);
    } else if (path === '/dashboard.css') {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      res.end(style);
    } else if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(page(opts.endpoints()));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}/`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

function page(endpoints: DashboardEndpoints): string {
  return `<!doctype html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Area Clienti · TIM Business (one graph reference dashboard)</title>
<link rel="stylesheet" href="/dashboard.css">
</head>
<body>
<header class="topbar"><div class="brand">TIM<b>Business</b><span class="area">Area Clienti</span></div>
<button id="sign-out" type="button" hidden>Esci</button></header>
<div class="container">
<form id="sign-in" class="card login"><h1>Accedi all'Area Clienti</h1>
<label>Username <input name="username" value="ginevra.vallisneri" autocomplete="username"></label>
<label>Password <input name="password" type="password" value="demo" autocomplete="current-password"></label>
<button type="submit">Accedi</button>
<p class="hint">Utenti demo: docs/frontend.md, password <code>demo</code>.</p>
<p id="sign-in-error" class="notice failed" hidden></p></form>
<main id="dashboard" data-state="idle"></main>
</div>
<script type="application/json" id="dashboard-config">${JSON.stringify(endpoints).replace(/</g, '\\u003c')}</script>
<script type="module" src="/main.js"></script>
</body>
</html>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { idpUrl, gatewayUrl } = await runningStack();
  const running = await serveDashboard({ port: 5173, endpoints: () => ({ gateway: gatewayUrl, idp: idpUrl }) });
  console.log(`The reference dashboard: ${running.url}`);
}

/**
 * Where `npm start`'s stack is (it records its gateway and IdP in .data/stack.json while it runs), and that its
 * gateway answers: without a stack the page would only show failed requests, so say what to do instead.
 */
async function runningStack(): Promise<{ idpUrl: string; gatewayUrl: string }> {
  const noStack = (why: string): never => {
    console.error(`npm run dashboard: ${why}. Start the graph first with \`npm start\` (in another terminal), then run this again.`);
    process.exit(1);
  };
  let stack: { idpUrl: string; gatewayUrl: string };
  try {
    stack = JSON.parse(readFileSync('.data/stack.json', 'utf8')) as { idpUrl: string; gatewayUrl: string };
  } catch {
    return noStack('no running stack was found (.data/stack.json is missing)');
  }
  const health = await fetch(new URL('/health', stack.gatewayUrl), { signal: AbortSignal.timeout(2_000) }).catch(() => null);
  if (!health?.ok) noStack(`the gateway at ${stack.gatewayUrl} does not answer`);
  return stack;
}
