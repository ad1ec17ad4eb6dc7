import { reactRouter } from "@react-router/dev/vite";
import path from "node:path";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

export default defineConfig({
  plugins: [
    reactRouter(),
    // The browser's files compressed once, at build time, as gzip and brotli beside each file
    // (server.js serves them): compressing them for each first visit cost more than the page.
    {
      ...compression({ threshold: 1024 }),
      apply: (_, env) => env.command === "build" && !env.isSsrBuild,
    },
  ],
  // The "~/" of tsconfig.json's paths, for the dev server as for the build.
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  build: { target: "es2022" },
  ssr: {
    // Native and Node-only modules stay external to the server bundle.
    external: ["better-sqlite3"],
  },
});
