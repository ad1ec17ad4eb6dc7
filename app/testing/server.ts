// Helpers for tests and benchmarks that run the built app as a real server process.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import { createServer } from "node:net";
import { projectRoot } from "../../db/connection";
import { serverStart } from "./start-command";

/**
 * For a server whose every test client is 127.0.0.1 without cookies (each post a new person):
 * the per-address limits lifted, not the rules behind them (ADR 0013).
 */
export const oneAddressForAll: Record<string, string> = {
  RSVP_RATE_LIMIT: "100000000",
  RSVP_MAX_PER_IP_PER_MEETING: "100000000",
  ADDRESS_RATE_LIMIT: "100000000",
  NEW_VISITOR_LIMIT: "100000000",
  QUESTION_MAX_PENDING_PER_IP: "100000000",
};

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
 * Starts the built app as `npm start` does (`node … server.js`) on a free port (or the one
 * given) and waits until /healthz answers. `onOutput` gets what the server writes to stdout and stderr (its log).
 */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
  options: { port?: number; onOutput?: (text: string) => void } = {},
): Promise<{ base: string; process: ChildProcess; stop: () => void }> {
  const port = options.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const start = serverStart();
  const child = spawn(process.execPath, start.args, {
    cwd: projectRoot(),
    env: {
      ...process.env,
      ...start.env,
      NODE_ENV: "test",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      PUBLIC_URL: base,
      SEED_DEMO: "false",
      ...env,
    },
    stdio: options.onOutput ? ["ignore", "pipe", "pipe"] : "ignore",
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (text: string) => options.onOutput?.(text));
  }
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

/**
 * Logs an organiser in to a running server as the login form posts it and returns the session
 * cookie (`name=value`) to send with later requests; a refused login throws.
 */
export async function logInOverHttp(base: string, email: string, password: string) {
  const response = await fetch(`${base}/admin/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/admin" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) {
    throw new Error(
      `login as ${email} failed: ${response.status} ${(await response.text()).slice(0, 3000)}`,
    );
  }
  return cookie;
}

/**
 * A request with exactly these headers (fetch adds its own Accept-Encoding and decodes the
 * body), on a connection of its own (a kept-alive one may be closed by the server just as it is
 * reused); the body as it came over the wire.
 */
export function rawRequest(
  url: string,
  method: "GET" | "HEAD",
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on("error", reject)
      .end();
  });
}
