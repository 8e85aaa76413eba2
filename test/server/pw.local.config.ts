// Runs the reference server's own tests alone: npx playwright test --config test/server/pw.local.config.ts
// (npm run test:server): the same files as the "server" project of test/playwright.config.ts (npm test).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.test.ts',
  fullyParallel: true,
  workers: 2, // most tests wait on sockets, not on the CPU
  timeout: 30_000,
  reporter: [['list']],
  projects: [{ name: 'server-tests' }],
});
