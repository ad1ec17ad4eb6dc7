// Helpers for tests and benchmarks that run the built app as a real server process.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { projectRoot } from "../../db/connection";

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node server.js` (the built app) on a free port (or the one given) and waits until
 * /healthz answers.
 */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
  options: { port?: number } = {},
): Promise<{ base: string; process: ChildProcess; stop: () => void }> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["server.js"], {
    cwd: projectRoot(),
    env: {
      ...process.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: base,
      SEED_DEMO: "false",
      ...env,
    },
    stdio: "ignore",
  });
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    ) {
      return { base, process: child, stop: () => child.kill("SIGTERM") };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error("server did not start (has `npm run build` run?)");
}
