/**
 * React Router writes the browser's route manifest (`assets/manifest-<hash>.js`, about 40 KB,
 * loaded by every page) itself, during the server build, outside the client bundle that
 * vite-plugin-compression2 compresses (vite.config.ts). This gives it the same brotli and gzip
 * copies beside it, with the plugin's settings, so server.js never compresses it per request.
 */
import fs from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

export function precompressRouteManifest(buildDirectory: string): void {
  const assets = path.join(buildDirectory, "client", "assets");
  for (const name of fs.readdirSync(assets)) {
    if (!/^manifest-[\w-]+\.js$/.test(name)) continue;
    const file = path.join(assets, name);
    const source = fs.readFileSync(file);
    fs.writeFileSync(
      `${file}.br`,
      brotliCompressSync(source, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
        },
      }),
    );
    fs.writeFileSync(`${file}.gz`, gzipSync(source, { level: constants.Z_BEST_COMPRESSION }));
  }
}
