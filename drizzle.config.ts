import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'turso',
  schema: ['./src/db/schema/core.ts', './src/db/schema/routing.ts', './src/db/schema/reminders.ts', './src/db/schema/zalo.ts', './src/db/schema/geo.ts', './src/db/schema/web.ts'],
  out: './drizzle',
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'file:./data/baove.db',
    authToken: process.env.DATABASE_AUTH_TOKEN,
  },
});
