import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import { bundleIde, IDE_ASSET_FILES } from '../gateway/front/ide/bundle';
import { BUILD_DIR, projectFile } from './artefact';
import { ENTRY_POINTS } from './launch';

/**
 * `npm run build`: what production runs, in dist/. One ES module per entry point (the gateway, each subgraph, each
 * stand-in, the embedded launcher), with the project's own code bundled in and the npm packages left as imports
 * (they come from `npm ci --omit=dev`'s node_modules), and the IDE's browser assets. Nothing is compiled at start.
 * The files a process reads at run time (schema/, trusted-documents/) stay where they are, found from the project root.
 */
const LAUNCHER_ENTRY = 'stack/start.ts';

const started = Date.now();
rmSync(projectFile(BUILD_DIR), { recursive: true, force: true });
await build({
  entryPoints: [...Object.values(ENTRY_POINTS), LAUNCHER_ENTRY].map((entry) => projectFile(entry)),
  outbase: projectFile('.'),
  outdir: projectFile(BUILD_DIR),
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The oldest Node the project still runs on (engines); the image runs the LTS.
  target: 'node20',
  packages: 'external',
  // Stack traces point at the TypeScript sources (`node --enable-source-maps`).
  sourcemap: true,
  logLevel: 'warning',
});

const ide = await bundleIde();
for (const [file, contents] of [[IDE_ASSET_FILES.js, ide.js], [IDE_ASSET_FILES.css, ide.css]] as const) {
  mkdirSync(dirname(projectFile(file)), { recursive: true });
  writeFileSync(projectFile(file), contents);
}
process.stderr.write(`build: ${BUILD_DIR}/ written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
