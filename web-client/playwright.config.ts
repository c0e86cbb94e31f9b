import { defineConfig } from '@playwright/test';

/**
 * The end-to-end suite drives the machine's Chromium (Debian's package; Playwright's own
 * browser download is never used) against a running platform, whose gateway URL comes
 * from MURMUR_BASE_URL. Playwright launches each browser with a fresh temporary profile.
 */
export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  outputDir: 'target/e2e-results',
  timeout: 180_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.MURMUR_BASE_URL ?? 'http://127.0.0.1:8080',
    launchOptions: {
      executablePath: process.env.MURMUR_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    screenshot: 'only-on-failure',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
  },
});
