import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// run-playwright.mjs sets CHROMIUM_PATH; when Playwright is started directly, look for a system Chromium
// and otherwise let Playwright use its own browser.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']
  .find((p): p is string => !!p && existsSync(p));

// E2E_PORT / E2E_OUT_DIR let several people (or agents) run their specs side by side on one machine.
const port = process.env.E2E_PORT ?? '4173';
const outDir = process.env.E2E_OUT_DIR ? ` --outDir ${process.env.E2E_OUT_DIR}` : '';
const buildOut = outDir ? `${outDir} --emptyOutDir` : '';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  ...(process.env.E2E_OUT_DIR ? { outputDir: `${process.env.E2E_OUT_DIR}-results` } : {}),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    acceptDownloads: true,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn${buildOut} && npx vite preview --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
