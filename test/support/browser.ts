import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { readLauncherSettings } from '../../stack/settings/launcher';

/**
 * A real headless Chromium for browser tests: Debian's `chromium-headless-shell` (`.ci/run` installs it), driven by
 * playwright-core without any browser download. `CHROMIUM_PATH` names another one.
 */
const KNOWN_PATHS = ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium'];

export function chromiumPath(): string {
  const configured = readLauncherSettings().chromiumPath;
  const found = configured ?? KNOWN_PATHS.find((p) => existsSync(p));
  if (!found) throw new Error(`no headless Chromium: install chromium-headless-shell (apt-get install -y chromium-headless-shell) or set CHROMIUM_PATH; looked at ${KNOWN_PATHS.join(', ')}`);
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}
