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
import { createSmtpSink, type SmtpSink } from "../app/testing/smtp-sink";
import { count, startApp, waitUntil, type RunningApp, FAST_MAIL } from "./support/app";
import { perRecipient } from "./support/mail";

const PEOPLE = 100;
const KILL_AFTER = 30;

let app: RunningApp;
let sink: SmtpSink;

beforeAll(async () => {
  sink = createSmtpSink(portFor(33), {
    beforeReply: async (n) => {
      if (n === KILL_AFTER) await app.kill();
    },
  });
  await sink.start();
  app = await startApp({
    port: portFor(34),
    env: {
      SMTP_URL: sink.url,
      MAIL_RETRY_BASE_SECONDS: "0.2",
      REMINDER_INTERVAL_SECONDS: "1",
      ...FAST_MAIL,
    },
    prepare: (db) => {
      const meetingId = createTestMeeting(db, { capacity: PEOPLE });
      const ctx = { db, publicUrl: "http://127.0.0.1", mailFrom: "post@example.no" };
      const needs = { accessibility: false, interpreter: false, other: false, text: "" };
      for (let i = 0; i < PEOPLE; i++) {
        register(ctx, meetingId, {
          name: `Person ${i}`,
          email: `reminded-${i}@example.no`,
          partySize: 1,
          needs,
        });
      }
      makeRemindersDue(db, meetingId);
    },
  });
});

afterAll(async () => {
  await app?.cleanup();
  await sink?.stop();
});

it("reminds everyone after a SIGKILL mid-fan-out, duplicating at most what was in flight", async () => {
  await sink.waitFor(KILL_AFTER, 60_000);
  await waitUntil("the kill", () => app.process.signalCode === "SIGKILL", 10_000);
  const receivedAtKill = sink.count();
  const markedSentAtKill = count(
    app.db,
    "SELECT count(*) AS n FROM outbox WHERE status = 'sent' AND purpose = 'reminder'",
  );
  const inFlight = receivedAtKill - markedSentAtKill;
  expect(receivedAtKill).toBeLessThan(PEOPLE);

  await app.restart();
  await waitUntil(
    "every reminder to be sent after the restart",
    () =>
      count(
        app.db,
        "SELECT count(*) AS n FROM outbox WHERE purpose = 'reminder' AND status = 'sent'",
      ) === PEOPLE,
    90_000,
  );
  // Two more scheduler ticks: a restart must not claim a second round.
  await new Promise((r) => setTimeout(r, 2_500));

  const received = perRecipient(sink.messages());
  const duplicates = sink.count() - received.size;
  console.log(
    `SIGKILL after ${receivedAtKill} of ${PEOPLE} reminders: ${inFlight} in flight at the kill, ${duplicates} duplicate(s) after the restart`,
  );
  expect(received.size).toBe(PEOPLE);
  for (let i = 0; i < PEOPLE; i++)
    expect(received.get(`reminded-${i}@example.no`), `reminded-${i}`).toBeGreaterThanOrEqual(1);
  expect(count(app.db, "SELECT count(*) AS n FROM reminders")).toBe(PEOPLE);
  expect(count(app.db, "SELECT count(*) AS n FROM outbox WHERE purpose = 'reminder'")).toBe(PEOPLE);
  expect(inFlight).toBeGreaterThanOrEqual(1);
  expect(duplicates).toBeLessThanOrEqual(inFlight);
});
