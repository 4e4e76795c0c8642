// Finds a Chromium for Playwright: $CHROMIUM_PATH, then Debian's/Ubuntu's packaged Chromium,
// then Playwright's own download (installed on first use where the internet is reachable).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

export async function findBrowser({ install = true } = {}) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const p of SYSTEM_PATHS) if (existsSync(p)) return p;
  const { chromium } = await import('@playwright/test');
  const own = chromium.executablePath();
  if (own && existsSync(own)) return own;
  if (!install) return undefined;
  console.log('No Chromium found; installing Playwright\'s own (needs internet)…');
  const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (r.status === 0 && existsSync(chromium.executablePath())) return chromium.executablePath();
  throw new Error('No Chromium available: install your distribution\'s "chromium" package or run `npx playwright install chromium`, or set CHROMIUM_PATH.');
}
