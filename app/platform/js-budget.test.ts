// The JavaScript a citizen's phone downloads for each public page, read from the production
// build (`npm run build` first). Over budget fails: a library that slips into a public route's
// client chunk (a Markdown parser, a schema library) shows up here first. A build of other
// sources than those on disk fails at once, rather than judging code that is not there.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { staleBuildReason } from "../../scripts/build-stamp";

// KB as in the issue and the bench: 1,000 bytes.
const BUDGET_KB = 150;

interface ManifestRoute {
  id: string;
  module: string;
  imports?: string[];
}
interface AssetsManifest {
  entry: { module: string; imports: string[] };
  routes: Record<string, ManifestRoute>;
}

const root = projectRoot();
const stale = staleBuildReason(root);
if (stale) throw new Error(stale);
const build = (await import(path.join(root, "build/server/index.js"))) as {
  assets: AssetsManifest;
};
const { assets } = build;
const gzipKb = (asset: string) =>
  gzipSync(fs.readFileSync(path.join(root, "build/client", asset))).length / 1000;

/** Every route a visitor can reach without logging in. */
const publicRoutes = Object.values(assets.routes).filter(
  (route) => route.id !== "root" && !route.id.startsWith("routes/admin/"),
);

describe(`public pages ship at most ${BUDGET_KB} KB of gzipped JavaScript`, () => {
  it("covers the citizen's pages", () => {
    const ids = publicRoutes.map((route) => route.id);
    expect(ids).toEqual(expect.arrayContaining(["routes/home", "routes/meeting", "routes/manage"]));
  });

  it.each(publicRoutes.map((route) => [route.id, route] as const))("%s", (_id, route) => {
    const files = new Set([
      assets.entry.module,
      ...assets.entry.imports,
      assets.routes.root!.module,
      ...(assets.routes.root!.imports ?? []),
      route.module,
      ...(route.imports ?? []),
    ]);
    const total = [...files].reduce((sum, file) => sum + gzipKb(file), 0);
    expect(total).toBeLessThanOrEqual(BUDGET_KB);
  });
});
