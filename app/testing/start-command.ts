// How `npm start` runs the server, for the tests and the benchmark to run it the same way.
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../db/connection";

export interface StartCommand {
  /** Variables the start script sets before node, as `NAME=value` words. */
  env: Record<string, string>;
  /** What comes after `node`, ending with server.js. */
  args: string[];
}

/**
 * `npm start` as package.json's start script spells it, "[NAME=value …] node <flags> server.js":
 * what only counts when a process starts (glibc's malloc arenas, V8's young generation: ADR
 * 0009) comes from there, so a test or a benchmark never runs a server configured differently.
 */
export function serverStart(): StartCommand {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const words = manifest.scripts.start.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  const [command, ...args] = words;
  if (command !== "node" || args.at(-1) !== "server.js") {
    throw new Error(
      `package.json's start script is not "[NAME=value …] node … server.js": ${manifest.scripts.start}`,
    );
  }
  return { env, args };
}

/** The start command as a shell line (Playwright's web servers). */
export function serverStartLine(): string {
  const { env, args } = serverStart();
  return [...Object.entries(env).map(([k, v]) => `${k}=${v}`), "node", ...args].join(" ");
}
