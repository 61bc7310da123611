import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { kustomize } from '../../deploy/k8s/kustomize';
import { builtEntryPoint } from '../../stack/artefact';
import { ENTRY_POINTS } from '../../stack/launch';
import { ANY_VALUE, docCommands, documentedAnswer, type DocCommand } from '../support/doc-commands';
import { dockerfileFinalStage } from '../support/dockerfile';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Issue 25: every shell command of README.md and docs/ runs as written. Each command of a ```sh/```bash/```console
 * block (test/support/doc-commands.ts) is either run here, in bash, from the project's folder, against one stack this
 * file starts, or listed in NOT_RUN with why it cannot run here and the cheaper check that stands for it. A command
 * added to the docs with neither fails the first test.
 *
 * What is replaced in a command is only what the pages themselves say is the reader's to fill in: the gateway's
 * documented address (`http://127.0.0.1:4000`) by this stack's, and the demo's placeholders, each by what the page
 * says it is: `$IDP` the demo IdP's address, `$TOKEN` what README's `TOKEN=$(npm run -s token …)` printed (with
 * `IDP_URL`, the setting `npm run token` reads, naming this stack's IdP), `$ID` the `registration_id` of the first
 * answer, `code=123456` the code of the SMS just sent (read on the SMS gateway stand-in's admin port, as the page
 * says), `token=…` the token of the link in the e-mail just sent (the mail relay's admin port).
 *
 * The commands run one after the other in the order of the pages, as a reader following them does: they share the
 * demo users' state (README's token serves docs/frontend.md and docs/operating.md; a password changed on one page is
 * changed for the next). Each must exit 0, and its answer must not be an error (an HTTP status under 400, a JSON body
 * without `error`/`errors`) and must be the answer the page shows for it (`# → 202 {"step":"CODE"}`), where it shows one.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCUMENTED_GATEWAY = 'http://127.0.0.1:4000';
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>;
const expectScript = (name: string) => expect(scripts[name], `package.json has no script ${name}`).toEqual(expect.any(String));

/** The portal recipe's package.json, as docs/frontend.md lays it out ("file `package.json`:"). */
const portalScripts = () => {
  const section = read('docs/frontend.md').split('### A portal in its own repository')[1];
  return (JSON.parse(/file `package\.json`:\n\n```json\n([\s\S]*?)```/.exec(section)![1]) as { scripts: Record<string, string> }).scripts;
};
const PORTAL_RECIPE = {
  why: "runs in the portal's own folder beside the graph's: test/frontend/portal-recipe.test.ts lays that folder out from this page and runs codegen, typecheck and lines there (npm install replaced by a link to the project's packages: no network)",
  check: () => {
    expect(Object.keys(portalScripts())).toEqual(expect.arrayContaining(['codegen', 'typecheck', 'lines']));
    expect(read('test/frontend/portal-recipe.test.ts')).toContain("npm('lines'");
  },
};
const BUILT_SERVER = {
  why: "a server that runs until stopped: the stack of this file runs the same built entry points (`node dist/…`), and test/deploy/manifests.test.ts checks that this is the image's and the containers' command",
  check: () => {
    for (const name of ['gateway', 'account'] as const) expect(existsSync(join(ROOT, builtEntryPoint(ENTRY_POINTS[name]))), name).toBe(true);
  },
};

/** Commands not run here, keyed `page: command`: why, and the cheaper check that stands for running them. */
const NOT_RUN: Record<string, { why: string; check: () => void }> = {
  'README.md: npm ci && npm start': {
    why: 'npm ci reinstalls node_modules (1 to 9 minutes) and npm start runs until Ctrl-C: the stack of this file is the one npm start launches (stack/launch.ts)',
    check: () => {
      expectScript('start');
      expect(read(scripts.start.replace(/^tsx /, ''))).toContain('launchStack(');
      expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
    },
  },
  'README.md: npm test': { why: 'the whole suite, about 11 minutes, of which this file is part', check: () => expectScript('test') },
  'docs/frontend.md: npm install': PORTAL_RECIPE,
  'docs/frontend.md: npm run codegen': PORTAL_RECIPE,
  'docs/frontend.md: npm run typecheck': PORTAL_RECIPE,
  'docs/frontend.md: GATEWAY_URL=http://127.0.0.1:4000/graphql IDP_URL=$(jq -r .idpUrl ../one-graph/.data/stack.json) \\\n  PORTAL_USER=ginevra.vallisneri PORTAL_PASSWORD=demo npm run -s lines': PORTAL_RECIPE,
  'docs/operating.md: OTEL_EXPORTER_OTLP_ENDPOINT=http://collector.internal:4318 npm start': {
    why: 'runs until Ctrl-C and exports to a collector that is not here: test/observability/tracing.test.ts starts the stack with OTEL_EXPORTER_OTLP_ENDPOINT at a collector of its own',
    check: () => {
      expectScript('start');
      expect(read('test/observability/tracing.test.ts')).toContain('OTEL_EXPORTER_OTLP_ENDPOINT');
    },
  },
  'docs/production.md: npm ci && npm run build': {
    why: "npm ci reinstalls node_modules; npm run build is what the integration tests' global setup ran before this file (test/support/build-once.ts)",
    check: () => {
      expectScript('build');
      expect(read('test/support/build-once.ts')).toContain(scripts.build.replace(/^tsx /, ''));
    },
  },
  'docs/production.md: npm ci --omit=dev': {
    why: "replaces the checkout's node_modules with production's packages: test/deploy/image-entry.test.ts runs the processes on such a tree (test/support/image-folder.ts)",
    check: () => expect(read('test/support/image-folder.ts')).toContain('--omit=dev'),
  },
  'docs/production.md: node --enable-source-maps dist/gateway/main.js': BUILT_SERVER,
  'docs/production.md: node --enable-source-maps dist/subgraphs/account/main.js': BUILT_SERVER,
  'docs/production.md: docker build -t onegraph .': {
    why: "no Docker daemon on the test machines: test/deploy/image-entry.test.ts carries out the Dockerfile's last stage in a folder and runs its entry command",
    check: () => {
      // The image's command is the page's gateway command, on a file the build wrote.
      const cmd = dockerfileFinalStage(join(ROOT, 'Dockerfile')).cmd;
      expect(COMMANDS.map((c) => c.command)).toContain(cmd.join(' '));
      expect(existsSync(join(ROOT, cmd.at(-1)!)), cmd.join(' ')).toBe(true);
    },
  },
  'docs/production.md: kubectl apply -k deploy/k8s/overlays/production': {
    why: 'no cluster here: the overlay is rendered (kubectl kustomize where kubectl is installed, and deploy/k8s/kustomize.ts, which test/deploy/manifests.test.ts validates against the Kubernetes schemas)',
    check: () => {
      const overlay = 'deploy/k8s/overlays/production';
      const ours = kustomize(join(ROOT, overlay));
      expect(ours.map((o) => o.kind)).toContain('Deployment');
      const kubectl = spawnSync('kubectl', ['kustomize', overlay], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
      // Without kubectl (CI installs none), the code's rendering alone; with it, kubectl's own is the same objects.
      if ((kubectl.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return;
      expect(kubectl.status, kubectl.stderr).toBe(0);
      expect(parseAllDocuments(kubectl.stdout).map((d) => d.toJS())).toEqual(expect.arrayContaining(ours));
      expect(parseAllDocuments(kubectl.stdout)).toHaveLength(ours.length);
    },
  },
};

/**
 * The kinds of command this file knows how to run against its stack: curl (against the gateway, the IdP), and
 * `VAR=$(npm run -s token …)`. Any other command a page gains is run only once this is extended for it, or is listed
 * in NOT_RUN: nothing new runs unread (an `npm ci` would replace the node_modules every engineer shares).
 */
const RUNNABLE = /^(curl |[A-Z_]+=\$\(npm run -s token )/;

const key = (c: DocCommand) => `${c.page}: ${c.command}`;
const COMMANDS = docCommands(ROOT);
const RUN = COMMANDS.filter((c) => !(key(c) in NOT_RUN));

let stack: TestStack;
/** The reader's shell variables, as the pages define them. */
const shell: Record<string, string> = {};
/** Messages whose code or link a command already used: the next placeholder takes a newer one. */
const used = new Set<string>();

beforeAll(async () => {
  stack = await startTestStack();
  shell.IDP = stack.idpUrl;
}, 240_000);
afterAll(async () => {
  await stack?.stop();
});

describe('the commands of README.md and docs/ (issue 25)', () => {
  it('each command of README.md and docs/ is either run here or listed with why it cannot run and what checks it instead', () => {
    expect(COMMANDS.length).toBeGreaterThan(20);
    const listed = new Set(COMMANDS.map(key));
    expect(Object.keys(NOT_RUN).filter((k) => !listed.has(k)), 'NOT_RUN lists commands the docs no longer have').toEqual([]);
    const unclassified = RUN.filter((c) => !RUNNABLE.test(c.command)).map((c) => `${c.page}:${c.line} ${c.command}`);
    expect(unclassified, 'commands neither run here (RUNNABLE) nor listed in NOT_RUN with why').toEqual([]);
  });

  for (const [command, { why, check }] of Object.entries(NOT_RUN)) {
    it(`not run here, checked instead: ${command.split('\n')[0]} (${why.split(':')[0]})`, check);
  }

  for (const c of RUN) {
    it(`${c.page}:${c.line} runs as written: ${c.command.split('\n')[0].slice(0, 90)}`, async () => {
      const command = await filledIn(c.command);
      const run = spawnSync('bash', ['-c', assignsVariable(command) ? `${command}\nprintf %s "$${assignsVariable(command)}"` : command], {
        cwd: ROOT, encoding: 'utf8', timeout: 60_000,
        env: { ...process.env, ...shell, IDP_URL: stack.idpUrl, PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
      });
      expect(run.status, `${c.page}:${c.line} exited ${run.status}: ${run.stderr}`).toBe(0);
      const variable = assignsVariable(command);
      if (variable) {
        expect(run.stdout, `${variable} is empty`).not.toBe('');
        shell[variable] = run.stdout.trim();
        return;
      }
      const answer = httpAnswer(run.stdout);
      if (answer.status !== undefined) expect(answer.status, run.stdout).toBeLessThan(400);
      const errorKeys = typeof answer.body === 'object' && answer.body !== null ? Object.keys(answer.body).filter((k) => /^errors?$/.test(k)) : [];
      expect(errorKeys, run.stdout).toEqual([]);
      if (c.answer) {
        const documented = documentedAnswer(c.answer);
        if (documented.status !== undefined && answer.status !== undefined) expect(answer.status, run.stdout).toBe(documented.status);
        if (documented.fields) expect(answer.body, run.stdout).toMatchObject(matcher(documented.fields));
      }
      // docs/frontend.md: "one call per step with the `registration_id` the first answer gives".
      const registrationId = (answer.body as { registration_id?: unknown } | undefined)?.registration_id;
      if (typeof registrationId === 'string') shell.ID = registrationId;
    }, 60_000);
  }
});

/** `TOKEN=$(…)`: the variable the command sets in the reader's shell. */
function assignsVariable(command: string): string | undefined {
  return /^([A-Z_]+)=\$\([^\n]*\)\s*$/.exec(command)?.[1];
}

async function filledIn(command: string): Promise<string> {
  let filled = command.replaceAll(DOCUMENTED_GATEWAY, new URL(stack.gatewayUrl).origin);
  if (filled.includes('code=123456')) filled = filled.replace('code=123456', `code=${await newest('sms', (text) => /\b(\d{6})\b/.exec(text)?.[1])}`);
  if (filled.includes('token=…')) filled = filled.replace('token=…', `token=${await newest('mail', (text) => /[?&]token=([\w.~%-]+)/.exec(text)?.[1])}`);
  return filled;
}

/** The newest message the stand-in (SMS gateway, mail relay) accepted that carries a value not used yet: polled, as it is sent after the IdP answers. */
async function newest(service: 'sms' | 'mail', valueIn: (text: string) => string | undefined): Promise<string> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const res = await fetch(`${stack.components.get(service)!.adminUrl}/messages`);
    const messages = (await res.json()) as { id: string; text: string }[];
    const fresh = messages.find((m) => !used.has(`${service}:${m.id}`) && valueIn(m.text));
    if (fresh) {
      used.add(`${service}:${fresh.id}`);
      return valueIn(fresh.text)!;
    }
    if (Date.now() > deadline) throw new Error(`no new ${service} message with a code or link within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** What curl printed: with `-i`, the status line's code and the body after the headers; the body parsed when JSON. */
function httpAnswer(output: string): { status?: number; body?: unknown } {
  let body = output;
  let status: number | undefined;
  if (output.startsWith('HTTP/')) {
    status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(output)![1]);
    body = output.slice(output.indexOf('\r\n\r\n') + 4);
  }
  try {
    return { status, body: JSON.parse(body) };
  } catch {
    return { status, body: body === '' ? undefined : body };
  }
}

/** A documented JSON answer as a matcher: `…` is any value. */
function matcher(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k,
    v === ANY_VALUE ? expect.anything() : v !== null && typeof v === 'object' ? expect.objectContaining(matcher(v as Record<string, unknown>)) : v]));
}
