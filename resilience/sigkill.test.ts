/**
 * The server process dies with SIGKILL while the mail worker is delivering a fan-out (here:
 * the confirmations of 100 registrations queued at once), then starts again on the same data
 * folder. Everyone still gets their mail; the only duplicates allowed are the messages that
 * were in flight at the kill (accepted by SMTP, not yet marked sent), as ADR 0003 promises.
 * The kill comes at the worst moment: the sink has stored a message but not yet answered 250.
 * The same kill during a reminder fan-out is in sigkill-reminders.test.ts.
 */
import { afterAll, beforeAll, it } from "vitest";
import { portFor } from "../app/testing/ports";
import { count, waitUntil, FAST_MAIL } from "./support/app";
import {
  expectEveryoneServed,
  inFlightAtKill,
  startKillMidFanOut,
  type KillRun,
} from "./support/sigkill";

let run: KillRun;

beforeAll(async () => {
  run = await startKillMidFanOut({
    sinkPort: portFor(24),
    appPort: portFor(25),
    people: 100,
    killAfter: 30,
    emailPrefix: "kill",
    env: FAST_MAIL,
  });
});

afterAll(async () => {
  await run?.app.cleanup();
  await run?.sink.stop();
});

it("delivers every message after a SIGKILL mid-send, duplicating at most what was in flight", async () => {
  const kill = await inFlightAtKill(run, "SELECT count(*) AS n FROM outbox WHERE status = 'sent'");

  await run.app.restart();
  await waitUntil(
    "the outbox to drain after the restart",
    () => count(run.app.db, "SELECT count(*) AS n FROM outbox WHERE status != 'sent'") === 0,
    90_000,
  );
  await new Promise((r) => setTimeout(r, 1_000));

  expectEveryoneServed(run, kill, "messages");
});
