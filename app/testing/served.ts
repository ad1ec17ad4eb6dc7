// For test files that run against the built app as a real server process: one per file.
import { afterAll, beforeAll } from "vitest";
import type { DB } from "../../db/connection";
import { tempDatabase } from "../../db/testing";
import { startServer } from "./server";

/**
 * A fresh data folder with the built app serving it, for this test file: `prepare` fills the
 * database, then the server starts (with `vars` added to its environment); after the file's
 * tests it stops and the folder is removed. `base` is the server's URL once it answers.
 */
export function serveThisFile(
  options: { vars?: Record<string, string>; prepare?: (db: DB) => void | Promise<void> } = {},
) {
  // The server finds its database as DATA_DIR/folkemote.sqlite.
  const data = tempDatabase("folkemote.sqlite");
  const served = { ...data, base: "" };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  beforeAll(async () => {
    await options.prepare?.(data.db);
    server = await startServer(data.dir, options.vars);
    served.base = server.base;
  }, 60_000);
  afterAll(async () => {
    // Wait for the exit: a server still shutting down writes to the folder being removed.
    const child = server?.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      server!.stop();
      await exited;
    }
    data.cleanup();
  });
  return served;
}
