/**
 * The server process dies with SIGKILL in the middle of a reminder fan-out, then starts again
 * on the same data folder. Every registration still gets its reminder; the only duplicates
 * allowed are the messages in flight at the kill (accepted by SMTP, not yet marked sent). The
 * scheduler's claims survive the kill, so a restart never queues a second round.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestMeeting } from "../db/testing";
import { register } from "../app/registrations/registrations.server";
import { portFor } from "../app/testing/ports";
import { makeRemindersDue } from "../app/testing/reminders";
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
  // A reminder for someone else falls due now and goes out: the scheduler has looked at
  // every due reminder again since the round was sent, and a restart must not have claimed
  // a second round.
  const marker = "reminded-after@example.no";
  await oneMoreDelivered(
    run.app,
    marker,
    () => {
      const db = run.app.db;
      const meetingId = createTestMeeting(db, { capacity: 10 });
      register(serviceContext(db), meetingId, {
        name: "Etter Drapet",
        email: marker,
        partySize: 1,
        needs: noNeeds,
      });
      makeRemindersDue(db, meetingId);
    },
    "reminder",
  );

  expectEveryoneServed(run, kill, "reminders");
  const ofTheFanOut = (sql: string) => count(run.app.db, sql, run.meetingId);
  expect(
    ofTheFanOut(
      "SELECT count(*) AS n FROM reminders WHERE registration_id IN (SELECT id FROM registrations WHERE meeting_id = ?)",
    ),
  ).toBe(PEOPLE);
  expect(
    ofTheFanOut("SELECT count(*) AS n FROM outbox WHERE purpose = 'reminder' AND meeting_id = ?"),
  ).toBe(PEOPLE);
});
