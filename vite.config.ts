import { reactRouter } from "@react-router/dev/vite";
import path from "node:path";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  // The "~/" of tsconfig.json's paths, for the dev server as for the build.
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  build: { target: "es2022" },
  ssr: {
    // Native and Node-only modules stay external to the server bundle.
    external: ["better-sqlite3"],
  },
});
