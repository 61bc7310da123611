import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { readLauncherSettings } from '../../stack/settings/launcher';

/**
 * A real headless Chromium for browser tests: Debian's `chromium-headless-shell` (`.ci/run` installs it), driven by
 * playwright-core without any browser download. `CHROMIUM_PATH` names another one.
 */
const KNOWN_PATHS = ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'];

/** What `npm test` prints, as its one line, when there is no Chromium (test/support/require-chromium.ts). */
export const NO_CHROMIUM = 'npm test needs a headless Chromium for the dashboard\'s browser test: '
  + 'run `apt-get install -y chromium-headless-shell` (Debian, as .ci/run does), or set CHROMIUM_PATH to one';

export function chromiumPath(): string {
  const configured = readLauncherSettings().chromiumPath;
  const found = configured ?? KNOWN_PATHS.find((p) => existsSync(p));
  if (!found || !existsSync(found)) throw new Error(`${NO_CHROMIUM} (${configured ? `CHROMIUM_PATH=${configured} does not exist` : `none of ${KNOWN_PATHS.join(', ')}`})`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}
