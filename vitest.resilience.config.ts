// `npm run test:resilience`: tests that break things on purpose against the built server
// (npm run build first). Kept out of `vitest run`: they take minutes and load both cores, so
// the files run one after another.
import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["resilience/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
