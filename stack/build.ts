import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
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
/** Tracing's set-up, built as a module of its own (below). */
const TRACING_ENTRY = 'observability/tracing.ts';

/**
 * Tracing must be set up before graphql, undici and dataloader are loaded, so that its instrumentations patch them:
 * the gateway's and the subgraphs' entry points import it first (observability/tracing.ts). A bundle loses that
 * order: ES modules evaluate a bundle's external imports (the npm packages) before any of its own code. So the
 * set-up stays a module of its own, and each traced entry point is built as `<entry>.process.js` behind a two-line
 * `<entry>.js` that imports the set-up, then the process: the order tsx keeps. dist/ mirrors the sources' folders, so
 * an import's own relative path names the built file.
 */
const tracingFirst: Plugin = {
  name: 'tracing-first',
  setup(esbuild) {
    esbuild.onResolve({ filter: /\/observability\/tracing$/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: `${args.path}.js`, external: true }));
  },
};

/** The entry points that set tracing up first: the gateway and the subgraphs. */
const TRACED = new Set(Object.values(ENTRY_POINTS).filter((entry) => /^import (\{[^}]*\} from )?'[./]*observability\/tracing';$/m.test(readFileSync(projectFile(entry), 'utf8'))));
const outName = (entry: string) => entry.replace(/\.ts$/, TRACED.has(entry) ? '.process' : '');

const started = Date.now();
rmSync(projectFile(BUILD_DIR), { recursive: true, force: true });
await build({
  entryPoints: [...Object.values(ENTRY_POINTS), LAUNCHER_ENTRY, TRACING_ENTRY].map((entry) => ({ in: projectFile(entry), out: outName(entry) })),
  plugins: [tracingFirst],
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

for (const entry of TRACED) {
  const tracing = relative(dirname(entry), TRACING_ENTRY).replace(/\.ts$/, '.js');
  const process = `./${basename(outName(entry))}.js`;
  writeFileSync(projectFile(BUILD_DIR, entry.replace(/\.ts$/, '.js')),
    `// Tracing first, then the process (stack/build.ts): the order of ${entry}'s imports.\nimport '${tracing.startsWith('.') ? tracing : `./${tracing}`}';\nawait import('${process}');\n`);
}

const ide = await bundleIde();
for (const [file, contents] of [[IDE_ASSET_FILES.js, ide.js], [IDE_ASSET_FILES.css, ide.css]] as const) {
  mkdirSync(dirname(projectFile(file)), { recursive: true });
  writeFileSync(projectFile(file), contents);
}
process.stderr.write(`build: ${BUILD_DIR}/ written in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
