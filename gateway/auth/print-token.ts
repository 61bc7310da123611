import { readFileSync } from 'node:fs';
import { projectFile } from '../../stack/artefact';
import { readLauncherSettings } from '../../stack/settings/launcher';

/**
 * `npm run token -- <username> [client]`: logs in at the demo IdP with the demo password and prints only the access
 * token, so that `TOKEN=$(npm run -s token -- ginevra.vallisneri)` works. With a client (`cm8-portal`), through that
 * registered application: the token names it and the gateway holds it to the client's trusted documents. The IdP is
 * IDP_URL, or the one `npm start` recorded in `.data/stack.json`.
 */
const settings = readLauncherSettings();
const STACK_FILE = projectFile('.data', 'stack.json');

const [username, client] = process.argv.slice(2);
if (!username) fail('usage: npm run token -- <username> [client]   (e.g. ginevra.vallisneri, or vincenzo.roa cm8-portal)');

const response = await fetch(new URL('/oauth/token', idpUrl()), {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'password', username, password: settings.demoPassword, ...(client && { client_id: client }) }),
}).catch((err: Error) => fail(`cannot reach the IdP at ${idpUrl()}: ${err.message}. Is \`npm start\` running?`));
const body = (await response.json().catch(() => ({}))) as { access_token?: string; error?: string };
if (!response.ok || !body.access_token) fail(`the IdP refused ${username}: HTTP ${response.status} ${body.error ?? ''}`.trim());
process.stdout.write(`${body.access_token}\n`);

function idpUrl(): string {
  if (settings.idpUrl) return settings.idpUrl;
  try {
    return (JSON.parse(readFileSync(STACK_FILE, 'utf8')) as { idpUrl: string }).idpUrl;
  } catch {
    return fail(`no IDP_URL and no ${STACK_FILE}: start the stack with \`npm start\` first.`);
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
