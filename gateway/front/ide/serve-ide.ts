import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from '../../../observability/logger';
import { ideAssets } from './bundle';
import { readmeExampleOperations, type ExampleOperation } from './readme-examples';

/**
 * GraphiQL at the gateway URL: a browser's `GET` that accepts `text/html` gets the IDE (Apollo Server would answer
 * it with a CSRF refusal), and `/ide/ide.js`, `/ide/ide.css` its assets (bundled by `npm run build`; from the sources, on first request). Off
 * unless `GRAPHIQL=on` (the default outside production). The GraphQL endpoint itself is unchanged.
 */
export interface IdeOptions {
  /** The GraphQL path the IDE sends its requests to. */
  endpoint: string;
  /** The demo IdP's token endpoint for the sign-in bar, or null for none. */
  loginUrl: string | null;
}

/** The gateway URL (`/graphql`) and its root. */
const IDE_PATHS = new Set(['/', '/graphql']);
const ASSET_TYPES: Record<string, string> = { '/ide/ide.js': 'text/javascript; charset=utf-8', '/ide/ide.css': 'text/css; charset=utf-8' };

export function ideFront(opts: IdeOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const page = ideHtml({ endpoint: opts.endpoint, loginUrl: opts.loginUrl, tabs: readmeExampleOperations() });
  return (req, res) => {
    if (req.method !== 'GET') return false;
    const path = (req.url ?? '/').split('?')[0];
    const asset = ASSET_TYPES[path];
    if (asset) {
      ideAssets().then((assets) => {
        res.writeHead(200, { 'content-type': asset, 'cache-control': 'public, max-age=3600' });
        res.end(path.endsWith('.js') ? assets.js : assets.css);
      }, (err: unknown) => {
        logger.error({ err }, 'the IDE could not be bundled');
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The IDE could not be bundled; see the gateway log.');
      });
      return true;
    }
    if (!isBrowserAtGatewayUrl(req)) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page);
    return true;
  };
}

/**
 * With the IDE off (`GRAPHIQL=off`, the production default) a browser opening the gateway URL gets a short page
 * saying so, not Apollo's CSRF refusal in JSON.
 */
export function ideOffFront(): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (req.method !== 'GET' || !isBrowserAtGatewayUrl(req)) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(IDE_OFF_PAGE);
    return true;
  };
}

const IDE_OFF_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>One graph</title></head>
<body style="font:15px system-ui,sans-serif;margin:32px;max-width:680px">
<h1 style="font-size:20px">One graph</h1>
<p>This is a GraphQL endpoint: send <code>POST /graphql</code> with a bearer token.</p>
<p>The IDE is off in this deployment (<code>GRAPHIQL=off</code>, the default with <code>NODE_ENV=production</code>).</p>
</body></html>
`;

/** Only the gateway URL itself: a browser opening a download link (`/downloads/…`) also accepts text/html. */
function isBrowserAtGatewayUrl(req: IncomingMessage): boolean {
  return IDE_PATHS.has((req.url ?? '/').split('?')[0]) && /\btext\/html\b/.test(req.headers.accept ?? '');
}

function ideHtml(config: { endpoint: string; loginUrl: string | null; tabs: ExampleOperation[] }): string {
  // `<` escaped so that no operation text can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>One graph · GraphiQL</title>
<link rel="stylesheet" href="/ide/ide.css">
<style>html,body,#root{height:100%;margin:0}#ide{display:flex;flex-direction:column;height:100%}#graphiql{flex:1;min-height:0}
#sign-in{padding:6px 12px;font:14px system-ui,sans-serif;border-bottom:1px solid #ddd}#sign-in input{margin-right:8px}
#ide-welcome{padding:24px 32px;font:15px system-ui,sans-serif;max-width:760px}#ide-welcome h1{font-size:20px}</style>
</head>
<body>
<div id="root"></div>
<script type="application/json" id="ide-config">${json}</script>
<script src="/ide/ide.js"></script>
</body>
</html>
`;
}
