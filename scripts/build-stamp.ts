/**
 * What the production build was made from: one hash over the files that go into it (app/,
 * db/, emails/, public/ and the build's own config, test files left out). `npm run build`
 * writes it to build/stamp.json (react-router.config.ts); a test that reads build/ compares
 * it with the sources on disk, so it never judges a build of other code.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "db", "emails", "public"];
const SOURCE_FILES = [
  "package-lock.json",
  "react-router.config.ts",
  "scripts/precompress.ts",
  "vite.config.ts",
];
const isTest = (name: string) => /\.(test|spec)\.tsx?$/.test(name);

const STAMP_FILE = "stamp.json";

function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(root, rel));
    else if (entry.isFile() && !isTest(entry.name)) out.push(rel);
  }
  return out;
}

/** The hash of the build's sources under `root`, the project folder. */
function sourcesHash(root: string): string {
  const files = [
    ...SOURCE_DIRS.filter((d) => fs.existsSync(path.join(root, d))).flatMap((d) =>
      filesUnder(root, d),
    ),
    ...SOURCE_FILES.filter((f) => fs.existsSync(path.join(root, f))),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

/** Written at the end of `npm run build`. */
export function writeBuildStamp(root: string, buildDirectory: string): void {
  fs.writeFileSync(
    path.join(buildDirectory, STAMP_FILE),
    `${JSON.stringify({ sources: sourcesHash(root) })}\n`,
  );
}

/** Why build/ does not match the sources on disk, or null when it does. */
export function staleBuildReason(root: string): string | null {
  const file = path.join(root, "build", STAMP_FILE);
  if (!fs.existsSync(file)) return "build/ has no stamp (or no build at all): run `npm run build`";
  const { sources } = JSON.parse(fs.readFileSync(file, "utf8")) as { sources?: string };
  return sources === sourcesHash(root)
    ? null
    : "build/ was made from other sources than those on disk: run `npm run build`";
}
