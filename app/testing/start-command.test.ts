import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";
import { serverNodeArgs } from "./start-command";

it("starts servers with npm start's arguments, the young generation's limit among them (ADR 0009)", () => {
  const args = serverNodeArgs();
  expect(args.at(-1)).toBe("server.js");
  expect(args).toContain("--max-semi-space-size=8");
  // node accepts the flags as given: a typo would stop every server the tests start.
  const flags = args.slice(0, -1);
  const run = spawnSync(process.execPath, [...flags, "-e", "process.exit(0)"], {
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});
