import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kustomize } from '../../deploy/k8s/kustomize';
import type { ProcessCommand } from '../../stack/launch';
import { SUBGRAPH_NAMES } from '../../subgraphs/runtime/sdl';
import { dockerfileFinalStage } from '../support/dockerfile';
import { layOutImage } from '../support/image-folder';
import { graphql, startTestStack, tokenFor, type TestStack } from '../support/stack';

/**
 * Issue 23 items 1-4: the image runs. docker is not available, so the image's last stage is carried out in a folder
 * (test/support/image-folder.ts: its COPY lines, `npm run build`'s dist/, the production dependencies only), and the
 * gateway and the six subgraphs run there with the commands the image and the manifests give them, on the image's
 * ENV, against the stand-ins. What the image lacks (a file, a package moved to devDependencies) fails here.
 */
const stage = dockerfileFinalStage();
const image = mkdtempSync(join(tmpdir(), 'onegraph-image-'));
const manifests = kustomize('deploy/k8s/overlays/production');
/** The command a Deployment gives its container (the image's CMD when it gives none). */
const commandIn = (deployment: string): readonly string[] => {
  const object = manifests.find((o) => o.kind === 'Deployment' && o.metadata.name === deployment) as any;
  return object.spec.template.spec.containers[0].args ?? stage.cmd;
};
let stack: TestStack;

beforeAll(async () => {
  execFileSync(process.execPath, ['--import', 'tsx', 'stack/build.ts'], { stdio: 'ignore' });
  layOutImage(stage, image);
  const inImage = (command: readonly string[]): ProcessCommand => ({ cwd: image, command });
  // The image's ENV, on loopback (HOST) as every test server; no test switch reaches a production process.
  const imageEnv = { ...stage.env, HOST: '127.0.0.1', LEGACY_TODAY: undefined, GRAPHIQL: 'on' };
  stack = await startTestStack({
    // Production refuses the repository's demo keys: every process, the stand-ins included, gets others.
    env: { CRM_PASSWORD: 'image-crm-password', EBILL_API_KEY: 'image-ebill-key', EBPFA_API_KEY: 'image-ebpfa-key', PAYMENTS_SECRET_KEY: 'image-payments-key', IDP_ADMIN_KEY: 'image-idp-admin-key' },
    commands: { gateway: inImage(stage.cmd), ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, inImage(commandIn(`onegraph-${name}`))])) },
    componentEnv: Object.fromEntries(['gateway', ...SUBGRAPH_NAMES].map((name) => [name, imageEnv])),
  });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  rmSync(image, { recursive: true, force: true });
});

describe('the image (issue 23)', () => {
  it('is the Node LTS that CI and engines name, runs as a user, in production, the gateway by default', () => {
    const lts = /NODE_LTS_VERSION=(\S+)/.exec(readFileSync('.ci/node-lts.sh', 'utf8'))![1];
    expect(stage.from).toBe(`node:${lts}-bookworm-slim`);
    expect(JSON.parse(readFileSync('package.json', 'utf8')).engines.node).toBe(`>=${lts.split('.')[0]}`);
    expect(stage.user).toBe('node');
    expect(stage.env.NODE_ENV).toBe('production');
    expect(stage.cmd).toEqual(['node', '--enable-source-maps', 'dist/gateway/main.js']);
    expect(commandIn('onegraph-gateway')).toEqual(stage.cmd);
  });

  it('holds no tool, stand-in or IDE source: tsx, esbuild, better-sqlite3, graphiql are not in its node_modules', () => {
    // (@apollo/composition stays: @apollo/gateway depends on it. issue 20: the mail relay stand-in's smtp-server and mailparser are not in it.)
    for (const pkg of ['tsx', 'esbuild', 'better-sqlite3', 'exceljs', 'graphiql', 'react', '@graphql-inspector/core', 'vitest', 'smtp-server', 'mailparser']) {
      expect(() => execFileSync(process.execPath, ['-e', `require.resolve(${JSON.stringify(pkg)})`], { cwd: image, stdio: 'ignore' }), pkg).toThrow();
    }
  });

  it('answers a user\'s query through the gateway and the subgraphs, and serves the IDE built at build time', async () => {
    // In production every client is on a manifest: the reference dashboard's user sends its document by hash.
    const token = await tokenFor(stack, 'ginevra.vallisneri', 'demo', 'onegraph-dashboard');
    const [documentId] = Object.keys(JSON.parse(readFileSync('examples/dashboard/src/gql/persisted-documents.json', 'utf8')) as Record<string, string>);
    const res = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ documentId }) });
    const body = await res.json() as { data: { viewer: { profiles: string[] }; mobileLines: { totalCount: number } }; errors?: unknown };
    expect(res.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.viewer.profiles.length).toBeGreaterThan(0);
    expect(body.data.mobileLines.totalCount).toBeGreaterThan(0);
    const unnamed = await graphql(stack, '{ viewer { profiles } }', {}, await tokenFor(stack, 'ginevra.vallisneri'));
    expect(unnamed.body.errors[0].extensions.code).toBe('QUERY_NOT_IN_SAFELIST');
    const ide = await fetch(new URL('/ide/ide.js', stack.gatewayUrl));
    expect(ide.status).toBe(200);
    expect((await ide.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it('the gateway drains and exits 0 on SIGTERM, as a container runtime sends it to the command', async () => {
    expect(await stack.kill('gateway', 'SIGTERM')).toEqual({ code: 0, signal: null });
  });
});
