import { reactRouter } from "@react-router/dev/vite";
import path from "node:path";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

export default defineConfig(({ isSsrBuild }) => ({
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
  build: {
    target: "es2022",
    // V8 keeps a module's source for as long as the module lives, two bytes a character once
    // one character is outside Latin-1: a hundred dashes and quotes in the translations and
    // comments made the server bundle's 1 MB of source 2 MB of heap. Escaped and without the
    // doc comments (they are in app/, not read at run time), it is one byte a character.
    rolldownOptions: isSsrBuild
      ? { output: { charset: "ascii", comments: { jsdoc: false, legal: true, annotation: true } } }
      : {},
  },
  ssr: {
    // Native and Node-only modules stay external to the server bundle.
    external: ["better-sqlite3"],
  },
}));
