import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * A portal in its own repository (docs/frontend.md "A portal in its own repository", issue 25 item 3): the recipe's
 * files, read from the page, laid out in a temporary folder outside the project's tree with the contract copied in;
 * the project's graphql-codegen writes its types and manifest; the manifest is published to the gateway
 * (TRUSTED_DOCUMENTS) and the portal's own client runs its document by hash with a token the IdP issued to
 * `partner-portal`. The portal's node_modules is a link to the project's (the same packages, no network), where a
 * real portal runs `npm install`.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLIENT = 'partner-portal';
const RUN_ENV = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH}` };

/** The recipe's files: every "file `path`:" of the section followed by its code block. */
function recipeFiles(): [string, string][] {
  const page = readFileSync(join(ROOT, 'docs/frontend.md'), 'utf8');
  const section = page.split('### A portal in its own repository')[1].split('\n### ')[0];
  return [...section.matchAll(/^file `([^`]+)`:\n\n```\w*\n([\s\S]*?)```/gm)].map((m) => [m[1], m[2]]);
}

let portal: string;
let published: string;
let stack: TestStack;
/**
 * `npm run <script>` in the portal, awaited rather than run with spawnSync: a blocked event loop would keep this
 * process from seeing the gateway and IdP close their idle keep-alive connections (Node's 5 s keepAliveTimeout, which
 * they announce) during a codegen, and its next fetch would reuse a dead socket ("other side closed").
 */
const npm = (script: string, env: Record<string, string> = {}) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile('npm', ['run', '-s', script], { cwd: portal, env: { ...RUN_ENV, ...env }, encoding: 'utf8', timeout: 90_000 }, (err, stdout, stderr) =>
      resolve({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }));
  });
/** `npm run codegen`, then `npm run typecheck`: the portal's client compiles against the types it generated. */
const codegen = async () => {
  for (const script of ['codegen', 'typecheck']) {
    const run = await npm(script);
    expect(run.status, `${script}: ${run.stdout}${run.stderr}`).toBe(0);
  }
};
const manifest = () => readFileSync(join(portal, 'src/gql/persisted-documents.json'), 'utf8');
const publish = () => writeFileSync(published, manifest());
const runLines = () => npm('lines', { GATEWAY_URL: stack.gatewayUrl, IDP_URL: stack.idpUrl, PORTAL_USER: 'ginevra.vallisneri', PORTAL_PASSWORD: 'demo' });

async function post(body: object): Promise<{ status: number; body: { data?: any; errors?: { extensions: { code: string } }[] } }> {
  const token = await tokenFor(stack, 'ginevra.vallisneri', 'demo', CLIENT);
  const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  portal = mkdtempSync(join(tmpdir(), 'partner-portal-'));
  for (const [path, text] of recipeFiles()) {
    mkdirSync(dirname(join(portal, path)), { recursive: true });
    writeFileSync(join(portal, path), text);
  }
  mkdirSync(join(portal, 'schema'));
  copyFileSync(join(ROOT, 'schema/api-schema.graphql'), join(portal, 'schema/api-schema.graphql'));
  symlinkSync(join(ROOT, 'node_modules'), join(portal, 'node_modules'));
  await codegen();
  published = join(mkdtempSync(join(tmpdir(), 'gateway-manifests-')), `${CLIENT}.json`);
  publish();
  stack = await startTestStack({ componentEnv: { gateway: { TRUSTED_DOCUMENTS: JSON.stringify({ [CLIENT]: { mode: 'enforce', manifest: published } }) } } });
}, 240_000);
afterAll(async () => {
  await stack?.stop();
  if (portal) rmSync(portal, { recursive: true, force: true });
  if (published) rmSync(dirname(published), { recursive: true, force: true });
});

describe('a portal in its own repository (docs/frontend.md recipe)', () => {
  it('lays out package.json, tsconfig.json, codegen.ts, one .graphql document and its client, which compiles with the scalars typed as strings', () => {
    expect(recipeFiles().map(([path]) => path)).toEqual(['package.json', 'tsconfig.json', 'codegen.ts', 'src/lines.graphql', 'src/graph-client.ts', 'src/main.ts']);
    const types = readFileSync(join(portal, 'src/gql/graphql.ts'), 'utf8');
    const result = types.split('\n').find((line) => line.startsWith('export type PortalLinesQuery = '))!;
    expect(result).toContain('amount: string, updatedAt: string');
    expect(result).not.toContain('unknown');
    expect(Object.keys(JSON.parse(manifest()))).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
  });

  it('MOB-01 CON-01 its client runs the document by documentId with a token naming the portal: ginevra.vallisneri\'s lines and the prepaid credit', async () => {
    const run = await runLines();
    expect(run.status, run.stderr).toBe(0);
    const answer = JSON.parse(run.stdout) as { data: { mobileLines: { totalCount: number; nodes: { number: string; residualCredit: { amount: string } | null }[] } } };
    expect(answer.data.mobileLines.totalCount).toBe(5);
    expect(answer.data.mobileLines.nodes.find((l) => l.number === '3343860302')?.residualCredit?.amount).toBe('9.80');
  });

  it('"exact text" is the manifest\'s normalised text: the .graphql as written is QUERY_NOT_IN_SAFELIST', async () => {
    const asWritten = await post({ query: readFileSync(join(portal, 'src/lines.graphql'), 'utf8'), variables: { first: 1 } });
    expect(asWritten.status).toBe(400);
    expect(asWritten.body.errors?.[0].extensions.code).toBe('QUERY_NOT_IN_SAFELIST');
    const [normalised] = Object.values(JSON.parse(manifest()) as Record<string, string>);
    const exact = await post({ query: normalised, variables: { first: 1 } });
    expect(exact.status).toBe(200);
    expect(exact.body.data.mobileLines.nodes).toHaveLength(1);
  });

  it('a changed operation not yet published is PERSISTED_QUERY_NOT_IN_LIST, which the client reports; once published, it runs', async () => {
    const document = join(portal, 'src/lines.graphql');
    writeFileSync(document, readFileSync(document, 'utf8').replace('nodes { number status kind', 'nodes { number status kind tariffPlan'));
    await codegen();
    const stale = await runLines();
    expect(stale.status).toBe(2);
    expect(stale.stderr).toMatch(/publish src\/gql\/persisted-documents\.json \(PERSISTED_QUERY_NOT_IN_LIST, correlation id [\w-]+\)/);
    publish();
    // The gateway reads a replaced manifest within a second, without a restart.
    const [documentId] = Object.keys(JSON.parse(manifest()) as Record<string, string>);
    const deadline = Date.now() + 10_000;
    while ((await post({ documentId, variables: { first: 1 } })).status !== 200) {
      expect(Date.now(), 'the gateway did not pick up the published manifest').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const run = await runLines();
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).data.mobileLines.nodes[0].tariffPlan).toEqual(expect.any(String));
  }, 60_000);
});
