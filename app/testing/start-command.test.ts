import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { tempDatabase } from "../../db/testing";
import { startServer } from "./server";
import { serverStart, serverStartLine } from "./start-command";

it("starts servers with npm start's settings, the young generation and malloc arenas among them (ADR 0009)", () => {
  const { env, args } = serverStart();
  expect(args.at(-1)).toBe("server.js");
  expect(args).toContain("--max-semi-space-size=8");
  expect(env).toEqual({ MALLOC_ARENA_MAX: "4" });
  expect(serverStartLine()).toBe(`MALLOC_ARENA_MAX=4 node ${args.join(" ")}`);
  // node accepts the flags as given: a typo would stop every server the tests start.
  const flags = args.slice(0, -1);
  const run = spawnSync(process.execPath, [...flags, "-e", "process.exit(0)"], {
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});

const data = tempDatabase("folkemote.sqlite");
afterAll(() => data.cleanup());

it("gives a started server the start script's environment", async () => {
  data.db.close();
  const server = await startServer(data.dir);
  try {
    // The process's own environment, as the kernel holds it: what glibc read at its start.
    const environ = readFileSync(`/proc/${server.process.pid}/environ`, "utf8").split("\0");
    expect(environ).toContain("MALLOC_ARENA_MAX=4");
  } finally {
    server.stop();
  }
});
