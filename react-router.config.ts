import type { Config } from "@react-router/dev/config";
import { writeBuildStamp } from "./scripts/build-stamp";
import { precompressRouteManifest } from "./scripts/precompress";

export default {
  ssr: true,
  buildEnd: ({ reactRouterConfig, viteConfig }) => {
    precompressRouteManifest(reactRouterConfig.buildDirectory);
    // What the build was made from, for the tests that read build/ (scripts/build-stamp.ts).
    writeBuildStamp(viteConfig.root, reactRouterConfig.buildDirectory);
  },
} satisfies Config;
