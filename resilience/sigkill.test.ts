/**
 * The server process dies with SIGKILL while the mail worker is delivering a fan-out (here:
 * the confirmations of 100 registrations queued at once), then starts again on the same data
 * folder. Everyone still gets their mail; the only duplicates allowed are the messages that
 * were in flight at the kill (accepted by SMTP, not yet marked sent), as ADR 0003 promises.
 * The kill comes at the worst moment: the sink has stored a message but not yet answered 250.
 * The same kill during a reminder fan-out is in sigkill-reminders.test.ts.
 */
import { afterAll, beforeAll, it } from "vitest";
import { register } from "../app/registrations/registrations.server";
import { portFor } from "../app/testing/ports";
import { noNeeds } from "../app/testing/services";
import { count, waitUntil, FAST_MAIL } from "./support/app";
import { oneMoreDelivered } from "./support/mail";
import {
  expectEveryoneServed,
  inFlightAtKill,
  serviceContext,
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
  // One more sign-up's mail, delivered after the drain: a stray duplicate would come before it.
  const marker = "kill-after@example.no";
  await oneMoreDelivered(run.app, marker, () =>
    register(serviceContext(run.app.db), run.meetingId, {
      name: "Etter Drapet",
      email: marker,
      partySize: 1,
      needs: noNeeds,
    }),
  );

  expectEveryoneServed(run, kill, "messages");
});
