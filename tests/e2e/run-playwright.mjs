// `npm run test:e2e`: find a browser by itself, then run Playwright with it.
import { spawnSync } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';

const path = await findBrowser();
const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: path },
});
process.exit(r.status ?? 1);
