// How `npm start` runs the server, for the tests and the benchmark to run it the same way.
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../db/connection";

/**
 * The arguments `npm start` gives node (package.json's start script, "node <flags> server.js"):
 * V8 flags that only count at start-up, such as the young generation's size (ADR 0009), come
 * from there, so a test or a benchmark never runs a server configured differently.
 */
export function serverNodeArgs(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.trim().split(/\s+/);
  if (command !== "node" || args.at(-1) !== "server.js") {
    throw new Error(
      `package.json's start script is not "node … server.js": ${manifest.scripts.start}`,
    );
  }
  return args;
}
