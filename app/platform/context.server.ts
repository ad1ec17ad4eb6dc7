/**
 * The running app as every route and guard sees it: the database, the settings and the context
 * the domain services take. Platform only holds it; the composition module (app/services.server.ts)
 * knows how to start the mail worker, reminders and retention, and hands its starter in, so this
 * folder depends on no domain.
 */
import type { DB } from "../../db/connection";
import type { Env } from "./env.server";
import type { ServiceContext } from "./service.server";

export interface RunningApp {
  env: Env;
  db: DB;
  service: ServiceContext;
}

// Held on globalThis so dev-server reloads reuse one database handle and one worker.
const holder = globalThis as typeof globalThis & {
  __folkemoteStart?: () => RunningApp;
  __folkemote?: RunningApp;
};

/** Called once by the composition module: how to start the app on first use. */
export function provideServices(start: () => RunningApp): void {
  holder.__folkemoteStart ??= start;
}

/** The running app's services, started on first use. */
export function services(): RunningApp {
  if (holder.__folkemote) return holder.__folkemote;
  const start = holder.__folkemoteStart;
  if (!start)
    throw new Error("The app's services were never provided (import app/services.server.ts).");
  holder.__folkemote = start();
  return holder.__folkemote;
}

/** Forgets the running app after a shutdown; the next services() starts it again. */
export function forgetServices(): void {
  holder.__folkemote = undefined;
}

/** True when the database answers; for /healthz. */
export function databaseAnswers(): boolean {
  try {
    return services().db.prepare("SELECT 1 AS ok").get() !== undefined;
  } catch {
    return false;
  }
}
