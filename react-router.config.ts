import type { Config } from "@react-router/dev/config";
import { writeBuildStamp } from "./scripts/build-stamp";

export default {
  ssr: true,
  // What the build was made from, for the tests that read build/ (scripts/build-stamp.ts).
  buildEnd: ({ reactRouterConfig, viteConfig }) =>
    writeBuildStamp(viteConfig.root, reactRouterConfig.buildDirectory),
} satisfies Config;
