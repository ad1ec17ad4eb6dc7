// The built app as a real server process for the resilience tests, and the citizen's sign-up
// form as a browser without JavaScript posts it.
import type { ChildProcess } from "node:child_process";
import { openDatabase, type DB } from "../../db/connection";
import { tempDatabase } from "../../db/testing";
import { oneAddressForAll, startServer } from "../../app/testing/server";

export const SESSION_SECRET = "resilience-session-secret-of-32-characters";

/**
 * Lifts the outgoing-mail rate limit (where the build has one) so a test's mail drains in
 * seconds; the limit itself is not what these tests are about.
 */
export const FAST_MAIL = { SMTP_MAX_MESSAGES_PER_SECOND: "1000" };

export interface RunningApp {
  base: string;
  dir: string;
  file: string;
  /** A second connection to the server's own SQLite file (WAL: reads never block it). */
  db: DB;
  process: ChildProcess;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL: no graceful shutdown, nothing flushed. */
  kill(): Promise<void>;
  /** Starts the server again on the same data folder and port. */
  restart(): Promise<void>;
  /** Stops the server and removes the data folder. */
  cleanup(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * A fresh data folder, `prepare` run against its database before the server opens it, then
 * `node server.js` on `port` in production mode with the per-address limits lifted.
 */
export async function startApp(options: {
  port: number;
  env?: Record<string, string>;
  prepare?: (db: DB) => void;
  /** Keep the per-address limits a deployment has (for the tests that are about them). */
  deployedLimits?: boolean;
}): Promise<RunningApp> {
  const temp = tempDatabase("folkemote.sqlite");
  options.prepare?.(temp.db);
  temp.db.close();
  const env = {
    NODE_ENV: "production",
    SESSION_SECRET,
    ...(options.deployedLimits ? {} : oneAddressForAll),
    ...options.env,
  };
  let server = await startServer(temp.dir, env, { port: options.port });
  const db = openDatabase(temp.file);
  const app: RunningApp = {
    base: server.base,
    dir: temp.dir,
    file: temp.file,
    db,
    process: server.process,
    async stop() {
      server.stop();
      await Promise.race([exited(server.process), new Promise((r) => setTimeout(r, 15_000))]);
      server.process.kill("SIGKILL");
    },
    async kill() {
      server.process.kill("SIGKILL");
      await exited(server.process);
    },
    async restart() {
      server = await startServer(temp.dir, env, { port: options.port });
      app.process = server.process;
    },
    async cleanup() {
      await app.stop();
      if (db.open) db.close();
      temp.cleanup();
    },
  };
  return app;
}

/** The honeypot's encrypted timestamp from a page with the sign-up form. */
export async function honeypotTimestamp(pageUrl: string): Promise<string> {
  const html = await (await fetch(pageUrl)).text();
  const match =
    /name="from__confirm"[^>]*value="([^"]+)"/.exec(html) ??
    /value="([^"]+)"[^>]*name="from__confirm"/.exec(html);
  if (!match) throw new Error(`no honeypot timestamp on ${pageUrl}`);
  // The honeypot refuses a timestamp from the future: let this one pass into the past.
  await new Promise((r) => setTimeout(r, 1_100));
  return match[1]!;
}

/** The sign-up form's fields, as a browser without JavaScript sends them. */
export function rsvpFields(
  validFrom: string,
  person: { name: string; email: string; partySize?: number },
): Record<string, string> {
  return {
    name: person.name,
    email: person.email,
    partySize: String(person.partySize ?? 1),
    consent: "on",
    website: "",
    from__confirm: validFrom,
  };
}

/** POSTs a urlencoded form without following the redirect. */
export async function postForm(
  url: string,
  fields: Record<string, string>,
): Promise<{ status: number; location: string | null; body: string }> {
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  return {
    status: response.status,
    location: response.headers.get("location"),
    body: await response.text(),
  };
}

/** Polls until `check` holds, or throws after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const count = (db: DB, sql: string, ...params: unknown[]): number =>
  (db.prepare(sql).get(...params) as { n: number }).n;
