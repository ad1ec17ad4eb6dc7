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
// Tests that measure time (*.alone.test.ts) run by themselves after all the others, so the
// other files' servers and child processes don't take the CPU they measure.
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
