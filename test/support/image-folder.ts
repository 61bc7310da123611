import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import type { DockerStage } from './dockerfile';

/**
 * The image's file system, laid out in a folder without docker: the last stage's COPY lines carried out, with the
 * build stage's files taken from this checkout after `npm run build`, and `npm ci --omit=dev`'s node_modules made
 * of the lock file's non-dev packages (hard links into this checkout's node_modules, so it costs no copy). The folder
 * must be outside the checkout, or Node's module lookup would climb into the full node_modules.
 */
export function layOutImage(stage: DockerStage, folder: string): void {
  for (const copy of stage.copies) {
    const target = join(folder, posix.relative(stage.workdir, posix.resolve(stage.workdir, copy.destination)));
    for (const source of copy.sources.flatMap(expandGlob)) {
      const from = copy.from === null ? source : posix.relative('/app', source);
      if (copy.from === 'production-dependencies' && from === 'node_modules') linkProductionDependencies(target);
      else if (copy.from === null || copy.from === 'build') linkTree(from, copy.destination.endsWith('/') ? join(target, basename(from)) : target);
      else throw new Error(`COPY --from=${copy.from} ${source}: unknown to test/support/image-folder.ts`);
    }
  }
}

/** `schema/*.graphql`: one `*` in the last segment, as the Dockerfile uses it. */
function expandGlob(source: string): string[] {
  if (!source.includes('*')) return [source];
  const dir = posix.dirname(source);
  const pattern = new RegExp(`^${posix.basename(source).split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return readdirSync(dir.replace(/^\/app\/?/, '') || '.').filter((name) => pattern.test(name)).map((name) => posix.join(dir, name));
}

/** What `npm ci --omit=dev` installs: every package of the lock file not marked dev that is installed here. */
function linkProductionDependencies(target: string): void {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path || entry.dev || !existsSync(path)) continue;
    linkTree(path, join(target, path.slice('node_modules/'.length)), (name) => name !== 'node_modules');
  }
}

function linkTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  if (!statSync(from).isDirectory()) {
    mkdirSync(dirname(to), { recursive: true });
    if (!existsSync(to)) linkSync(from, to);
    return;
  }
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) if (keep(name)) linkTree(join(from, name), join(to, name));
}
