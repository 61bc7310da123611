import { execFileSync } from 'node:child_process';
import { readLauncherSettings } from '../../stack/settings/launcher';

/**
 * The integration project's global setup: `npm run build` once (under a second), so that every test stack runs the
 * build (`node dist/…`, as production does) instead of eleven processes compiling the sources under tsx at each
 * start: half the CPU per stack start on two cores (bench/RESULTS.md "Start-up"). The build is of the sources as
 * they are now, so the tests still test them; `STACK_FROM_SOURCES=1` runs the stacks under tsx instead.
 */
export default function buildOnce(): void {
  if (readLauncherSettings().stackFromSources) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'stack/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
