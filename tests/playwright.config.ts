import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's Chromium; Playwright's own browser download does not work here.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const port = Number(process.env.DAFTAR_TEST_PORT ?? 3917);
const server = (listen: number, extra: string) => ({
  command: `../target/release/daftar serve --addr 127.0.0.1:${listen} --data ${mkdtempSync(join(tmpdir(), 'daftar-browser-'))} --seed-demo --site ../target/site ${extra}`,
  url: `http://127.0.0.1:${listen}/api/health`,
  reuseExistingServer: false,
  timeout: 90_000,
  stdout: 'ignore' as const,
  stderr: 'pipe' as const,
});

// Every journey runs against the embedded store. When DynamoDB Local is up (the test command
// runs Playwright inside scripts/with-dynamodb-local.sh), the e-File and e-Leave journeys run a second time
// against a server on DynamoDB, so the browser proves both backends.
const dynamodb = process.env.AWS_ENDPOINT_URL_DYNAMODB !== undefined;
const dynamoPort = port + 1;

export default defineConfig({
  testDir: './browser',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  outputDir: './test-results',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'embedded', use: { baseURL: `http://127.0.0.1:${port}` } },
    ...(dynamodb
      ? [{ name: 'dynamodb', testMatch: /(file|leave)\.spec\.ts/, use: { baseURL: `http://127.0.0.1:${dynamoPort}` } }]
      : []),
  ],
  webServer: [
    server(port, ''),
    ...(dynamodb ? [server(dynamoPort, `--store dynamodb --table daftar-browser-${Date.now()}`)] : []),
  ],
});
