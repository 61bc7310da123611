import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFile } from './artefact';
import { launchStack } from './launch';
import { portIsFree } from './port-free';
import { readLauncherSettings } from './settings/launcher';

/**
 * `npm start`: the embedded default. Stand-ins with their own latencies, data in `.data/`, the gateway on PORT
 * (default 4000). `.data/stack.json` tells `npm run token` where the IdP is; it is removed again on stop.
 */
const dataDir = projectFile('.data');
const stackFile = join(dataDir, 'stack.json');
mkdirSync(dataDir, { recursive: true });

const settings = readLauncherSettings();
if (!await portIsFree(settings.gatewayPort)) {
  process.stderr.write(`npm start: port ${settings.gatewayPort} is in use (another \`npm start\`?); stop it, or choose another port: PORT=4100 npm start\n`);
  process.exit(1);
}
const stack = await launchStack({ dataDir, gatewayPort: settings.gatewayPort, env: { LOG_FORMAT: settings.logFormat } }).catch((err: Error) => {
  // launchStack has stopped whatever it started; the message names the process and its last stderr lines.
  process.stderr.write(`npm start: the stack did not start.\n${err.message}\n`);
  process.exit(1);
});

let stopping = false;
const stopAll = async () => {
  if (stopping) return;
  stopping = true;
  process.stderr.write('\nStopping the stack...\n');
  rmSync(stackFile, { force: true });
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);

writeFileSync(stackFile, `${JSON.stringify({
  gatewayUrl: stack.gatewayUrl,
  idpUrl: stack.idpUrl,
  components: Object.fromEntries(stack.components),
}, null, 2)}\n`);

// The IDE is advertised only when the gateway serves it (GRAPHIQL, off by default with NODE_ENV=production).
const ideServed = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } })
  .then(async (res) => (await res.text()).includes('id="ide-config"'), () => false);
process.stdout.write(`
One graph is running: ${stack.gatewayUrl}
Get a token (any demo user, password "demo"):   npm run -s token -- ginevra.vallisneri
${ideServed ? `The IDE (GraphiQL, sign in as a demo user):     open ${stack.gatewayUrl} in a browser\n` : ''}The reference dashboard:                        npm run dashboard, then open http://127.0.0.1:5173
Ctrl-C stops everything.
`);
