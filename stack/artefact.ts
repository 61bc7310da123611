import { resolve } from 'node:path';

/**
 * Where a process finds its files and what it runs from, the same in the sources (tsx) and in the build (dist/).
 *
 * Files a process reads (schema/*.graphql, the supergraph, trusted-documents/, dist/ide/, .data/) are found from the
 * project root, which is the working directory: npm runs its scripts there, the launcher starts every process there,
 * and the image's WORKDIR is it. Never from a module's own folder: esbuild puts every module of an entry point into
 * one file under dist/, where `import.meta.url`-relative paths point elsewhere.
 */
export function projectFile(...segments: string[]): string {
  return resolve(...segments);
}

/**
 * True in a process started from the build (`node dist/…/*.js`, one bundle per entry point), false under tsx, which
 * runs the `.ts` sources. Read from this module's own URL, which in a bundle is the bundle's.
 */
export const RUNNING_BUILT = import.meta.url.endsWith('.js');

/** The build's output folder (`npm run build`), relative to the project root. */
export const BUILD_DIR = 'dist';

/** The file the build makes of a source entry point: `gateway/main.ts` → `dist/gateway/main.js`. */
export function builtEntryPoint(sourceEntryPoint: string): string {
  return `${BUILD_DIR}/${sourceEntryPoint.replace(/\.ts$/, '.js')}`;
}

/** The IDE's browser assets, bundled by `npm run build` (gateway/front/ide/). */
export const IDE_ASSETS_DIR = `${BUILD_DIR}/ide`;
