import { configDefaults, defineConfig } from "vitest/config";
import path from "node:path";

// Its own config, without the React Router plugin: unit and integration tests import
// services and db modules directly.
const include = [
  "app/**/*.test.{ts,tsx}",
  "db/**/*.test.ts",
  "emails/**/*.test.{ts,tsx}",
  "scripts/**/*.test.ts",
];
// Bursts of password hashes (*.alone.test.ts) run by themselves after all the others: they
// load both cores on purpose, and count on their parallel logins arriving together. No test
// measures time (a busy machine would fail it); speed is what `npm run bench` measures.
const alone = "**/*.alone.test.ts";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Services answer in nynorsk and English too, as they do in the server (entry.server.tsx).
    setupFiles: ["app/i18n/all-languages.server.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include,
          exclude: [...configDefaults.exclude, alone],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "alone",
          include: [alone],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
