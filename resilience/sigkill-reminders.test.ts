/**
 * The server process dies with SIGKILL in the middle of a reminder fan-out, then starts again
 * on the same data folder. Every registration still gets its reminder; the only duplicates
 * allowed are the messages in flight at the kill (accepted by SMTP, not yet marked sent). The
 * scheduler's claims survive the kill, so a restart never queues a second round.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { portFor } from "../app/testing/ports";
import { makeRemindersDue } from "../app/testing/reminders";
import { count, waitUntil, FAST_MAIL } from "./support/app";
import {
  expectEveryoneServed,
  inFlightAtKill,
  startKillMidFanOut,
  type KillRun,
} from "./support/sigkill";

const PEOPLE = 100;

let run: KillRun;

beforeAll(async () => {
  run = await startKillMidFanOut({
    sinkPort: portFor(33),
    appPort: portFor(34),
    people: PEOPLE,
    killAfter: 30,
    emailPrefix: "reminded",
    env: { REMINDER_INTERVAL_SECONDS: "1", ...FAST_MAIL },
    prepare: makeRemindersDue,
  });
});

afterAll(async () => {
  await run?.app.cleanup();
  await run?.sink.stop();
});

it("reminds everyone after a SIGKILL mid-fan-out, duplicating at most what was in flight", async () => {
  const kill = await inFlightAtKill(
    run,
    "SELECT count(*) AS n FROM outbox WHERE status = 'sent' AND purpose = 'reminder'",
  );

  await run.app.restart();
  await waitUntil(
    "every reminder to be sent after the restart",
    () =>
      count(
        run.app.db,
        "SELECT count(*) AS n FROM outbox WHERE purpose = 'reminder' AND status = 'sent'",
      ) === PEOPLE,
    90_000,
  );
  // Two more scheduler ticks: a restart must not claim a second round.
  await new Promise((r) => setTimeout(r, 2_500));

  expectEveryoneServed(run, kill, "reminders");
  expect(count(run.app.db, "SELECT count(*) AS n FROM reminders")).toBe(PEOPLE);
  expect(count(run.app.db, "SELECT count(*) AS n FROM outbox WHERE purpose = 'reminder'")).toBe(
    PEOPLE,
  );
});
