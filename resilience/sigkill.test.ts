/**
 * The server process dies with SIGKILL while the mail worker is delivering a fan-out (here:
 * the confirmations of 100 registrations queued at once), then starts again on the same data
 * folder. Everyone still gets their mail; the only duplicates allowed are the messages that
 * were in flight at the kill (accepted by SMTP, not yet marked sent), as ADR 0003 promises.
 * The kill comes at the worst moment: the sink has stored a message but not yet answered 250.
 * The same kill during a reminder fan-out is in sigkill-reminders.test.ts.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestMeeting } from "../db/testing";
import { register } from "../app/registrations/registrations.server";
import { portFor } from "../app/testing/ports";
import { createSmtpSink, type SmtpSink } from "../app/testing/smtp-sink";
import { count, startApp, waitUntil, type RunningApp, FAST_MAIL } from "./support/app";
import { perRecipient } from "./support/mail";

const PEOPLE = 100;
const KILL_AFTER = 30;

let app: RunningApp;
let sink: SmtpSink;

beforeAll(async () => {
  sink = createSmtpSink(portFor(24), {
    beforeReply: async (n) => {
      if (n === KILL_AFTER) await app.kill();
    },
  });
  await sink.start();
  app = await startApp({
    port: portFor(25),
    env: { SMTP_URL: sink.url, MAIL_RETRY_BASE_SECONDS: "0.2", ...FAST_MAIL },
    prepare: (db) => {
      const meetingId = createTestMeeting(db, { capacity: PEOPLE });
      const ctx = { db, publicUrl: "http://127.0.0.1", mailFrom: "post@example.no" };
      const needs = { accessibility: false, interpreter: false, other: false, text: "" };
      for (let i = 0; i < PEOPLE; i++) {
        register(ctx, meetingId, {
          name: `Person ${i}`,
          email: `kill-${i}@example.no`,
          partySize: 1,
          needs,
        });
      }
    },
  });
});

afterAll(async () => {
  await app?.cleanup();
  await sink?.stop();
});

it("delivers every message after a SIGKILL mid-send, duplicating at most what was in flight", async () => {
  await sink.waitFor(KILL_AFTER, 60_000);
  await waitUntil("the kill", () => app.process.signalCode === "SIGKILL", 10_000);
  const receivedAtKill = sink.count();
  const markedSentAtKill = count(app.db, "SELECT count(*) AS n FROM outbox WHERE status = 'sent'");
  const inFlight = receivedAtKill - markedSentAtKill;
  expect(receivedAtKill).toBeLessThan(PEOPLE);

  await app.restart();
  await waitUntil(
    "the outbox to drain after the restart",
    () => count(app.db, "SELECT count(*) AS n FROM outbox WHERE status != 'sent'") === 0,
    90_000,
  );
  await new Promise((r) => setTimeout(r, 1_000));

  const received = perRecipient(sink.messages());
  const duplicates = sink.count() - received.size;
  console.log(
    `SIGKILL after ${receivedAtKill} of ${PEOPLE} messages: ${inFlight} in flight at the kill, ${duplicates} duplicate(s) after the restart`,
  );
  expect(received.size).toBe(PEOPLE);
  for (let i = 0; i < PEOPLE; i++)
    expect(received.get(`kill-${i}@example.no`), `kill-${i}`).toBeGreaterThanOrEqual(1);
  expect(inFlight).toBeGreaterThanOrEqual(1);
  expect(duplicates).toBeLessThanOrEqual(inFlight);
});
