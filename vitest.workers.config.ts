// The Worker tests: test/workers/*.test.ts run inside workerd (@cloudflare/vitest-pool-workers) against
// src/worker.ts as configured in wrangler.toml. Its database is a local libSQL file served over Hrana
// HTTP and its Telegram is a fake, both on 127.0.0.1 and started by the global setup.
import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { BOT_INFO, BOT_TOKEN, DATA_KEY, WEBHOOK_SECRET } from './test/workers/constants.js';

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: './src/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          DATABASE_URL: inject('hranaUrl'),
          TELEGRAM_API_ROOT: inject('telegramUrl'),
          TELEGRAM_BOT_TOKEN: BOT_TOKEN,
          TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
          TELEGRAM_BOT_INFO: JSON.stringify(BOT_INFO),
          DATA_KEY,
        },
      },
    })),
  ],
  test: {
    include: ['test/workers/**/*.test.ts'],
    globalSetup: ['./test/workers/global-setup.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-workers.json' }]],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The Worker logs one JSON line per request and tick; keep warnings and errors only.
    onConsoleLog: (line) => !line.includes('"level":"info"'),
  },
});
